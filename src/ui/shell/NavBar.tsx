import { screens } from '../screens.tsx';
import { useNavStore } from '../../state/nav-store.ts';
import { useI18n } from '../use-i18n.ts';

/** One tab per registered screen: in the header on landscape, a bottom bar on portrait. */
export function NavBar() {
  const { t } = useI18n();
  const screenId = useNavStore((s) => s.screenId);
  const go = useNavStore((s) => s.go);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {screens.filter((s) => !s.hiddenFromNav).map((s) => (
        <button
          key={s.id}
          type="button"
          className="nav__tab"
          aria-current={s.id === screenId ? 'page' : undefined}
          data-testid={`nav-${s.id}`}
          onClick={() => go(s.id)}
        >
          {t(s.labelKey)}
        </button>
      ))}
    </nav>
  );
}
