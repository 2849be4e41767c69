import { useEffect } from 'react';
import { useI18n } from './use-i18n.ts';
import { Header } from './shell/Header.tsx';
import { NavBar } from './shell/NavBar.tsx';
import { ScreenHost } from './shell/ScreenHost.tsx';
import { IdleReset } from './shell/IdleReset.tsx';
import { AttractMode } from './shell/AttractMode.tsx';
import { useHashRoute } from './shell/use-hash-route.ts';
import { parseKioskConfig } from '../state/kiosk-config.ts';
import { useStoreSettings } from '../state/settings-store.ts';

/** The kiosk shell: header, screen navigation, the current screen, attract mode and idle reset (timed by the store settings). */
export function App() {
  const { locale, t } = useI18n();
  const idle = useStoreSettings((s) => s.settings.idle);
  const config = parseKioskConfig(typeof location === 'undefined' ? '' : location.search, idle);
  useHashRoute();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  return (
    <div className="shell">
      <Header />
      <NavBar />
      <main className="shell__main">
        <ScreenHost />
      </main>
      <AttractMode />
      <IdleReset timeoutMs={config.idleTimeoutMs} warningMs={config.warningMs} attractMs={config.attractMs} />
    </div>
  );
}
