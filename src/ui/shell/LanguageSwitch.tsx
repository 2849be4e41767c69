import { useLocaleStore } from '../../state/locale-store.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { useI18n } from '../use-i18n.ts';

/**
 * A segmented switch of the languages the store offers, in its order; each is labelled in its own
 * script. A store that offers one language gets no switch.
 */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const setLocale = useLocaleStore((s) => s.setLocale);
  const offered = useStoreSettings((s) => s.settings.languages.offered);
  if (offered.length < 2) return null;
  return (
    <div className="segmented lang-switch" role="group" aria-label={t('lang.switch')}>
      {offered.map((l) => (
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
