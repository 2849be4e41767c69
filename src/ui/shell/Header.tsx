import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useI18n } from '../use-i18n.ts';
import { useNavStore, HOME_SCREEN_ID } from '../../state/nav-store.ts';

/** Brand on the left (tapping it goes home), language switch on the right. */
export function Header() {
  const { t } = useI18n();
  const go = useNavStore((s) => s.go);
  return (
    <header className="header">
      <button type="button" className="brand" onClick={() => go(HOME_SCREEN_ID)}>
        <BrandMark />
        <span className="brand__text">
          <span className="brand__name">{t('app.brand')}</span>
          <span className="brand__product">{t('app.product')}</span>
        </span>
      </button>
      <LanguageSwitch />
    </header>
  );
}
