import { LOCALES } from '../../i18n/index.ts';
import { useLocaleStore } from '../../state/locale-store.ts';
import { useI18n } from '../use-i18n.ts';

/** A two-way segmented switch; each language is labelled in its own script. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <div className="segmented lang-switch" role="group" aria-label={t('lang.switch')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="segmented__option"
          aria-pressed={l === locale}
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
