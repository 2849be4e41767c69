import { useEffect, useState } from 'react';
import { useI18n } from '../use-i18n.ts';

/**
 * The "still there?" card before an idle reset, counting down in whole seconds. Any touch
 * (the button included) counts as activity and dismisses it through IdleReset.
 */
export function IdleWarning({ durationMs }: { durationMs: number }) {
  const { t } = useI18n();
  const [leftS, setLeftS] = useState(Math.ceil(durationMs / 1000));
  useEffect(() => {
    const start = Date.now();
    const id = setInterval(() => {
      setLeftS(Math.max(0, Math.ceil((durationMs - (Date.now() - start)) / 1000)));
    }, 250);
    return () => clearInterval(id);
  }, [durationMs]);
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-title" data-testid="idle-warning">
      <div className="idle-warning__card">
        <h2 id="idle-title">{t('idle.warning.title')}</h2>
        <p>{t('idle.warning.body', { seconds: leftS })}</p>
        <button type="button" className="button button--primary">
          {t('idle.warning.stay')}
        </button>
      </div>
    </div>
  );
}
