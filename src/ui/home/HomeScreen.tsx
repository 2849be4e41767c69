import { screens } from '../screens.tsx';
import { useNavStore } from '../../state/nav-store.ts';
import { useI18n } from '../use-i18n.ts';
import { HeroArt } from './HeroArt.tsx';
import '../styles/home.css';

/** The attract screen: brand promise and one large tile per screen that has a blurb. */
export function HomeScreen() {
  const { t } = useI18n();
  const go = useNavStore((s) => s.go);
  const tiles = screens.filter((s) => s.blurbKey);
  return (
    <section className="home">
      <div className="home__hero">
        <p className="home__kicker">{t('home.kicker')}</p>
        <h1 className="home__headline">{t('home.headline')}</h1>
        <p className="home__lead">{t('home.lead')}</p>
      </div>
      <HeroArt />
      <div className="home__tiles">
        {tiles.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className="tile"
            data-testid={`tile-${s.id}`}
            onClick={() => go(s.id)}
          >
            <span className="tile__index">{String(i + 1).padStart(2, '0')}</span>
            <span className="tile__title">{t(s.labelKey)}</span>
            <span className="tile__blurb">{t(s.blurbKey!)}</span>
            <span className="tile__cta">
              {t('home.tile.open')}
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M5 12h13M13 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </span>
          </button>
        ))}
      </div>
      <button type="button" className="home__staff" data-testid="open-rep" onClick={() => go('rep')}>
        {t('home.staff')}
      </button>
    </section>
  );
}
