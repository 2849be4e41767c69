import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useStoreSettings } from './state/settings-store.ts';
import { App } from './ui/App.tsx';
import './ui/styles/base.css';
import './ui/styles/shell.css';
import './ui/styles/idle-warning.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The store's settings (names, cars, prices, timings, languages, share origin) from the lead server;
// until they arrive, and without a server, the last good copy or the defaults.
void useStoreSettings.getState().load();

// Leads a previous session left in the outbox (network down, kiosk restarted) go out now. Its own
// chunk, so the outbox stays out of the first paint; a kiosk without IndexedDB simply has no outbox.
void import('./state/lead-outbox.ts')
  .then((m) => m.resumeLeadSync())
  .catch(() => undefined);

// Anonymous funnel events for the managers' funnel (a visit, questionnaire, plan, lead): no
// personal data, queued until the lead server takes them. Its own chunk, after the first paint.
void import('./state/funnel.ts')
  .then((m) => m.startFunnel())
  .catch(() => undefined);

// The kiosk's heartbeat to the lead server (rep mode's "展厅终端 / Kiosks" and a store's watchdog
// read it from GET /api/kiosks): at start, each minute from an animation frame, and when the network
// returns. Kiosks only: a phone with a share link, or a browser without a kiosk token, sends none.
void import('./state/kiosk-heartbeat.ts')
  .then((m) => m.startHeartbeat())
  .catch(() => undefined);

// The service worker (src/sw/sw.ts): every screen works after a reload without the network; a new
// version waits for the next session reset. Only where the browser has service workers.
if ('serviceWorker' in navigator) {
  void Promise.all([import('virtual:pwa-register'), import('./state/app-update.ts')])
    .then(([pwa, updates]) => {
      updates.startAppUpdates(pwa.registerSW);
      return updates.storageReport();
    })
    .catch(() => undefined);
}

// A kiosk keeps the screens' whole font at hand for when the network drops (ui/warm-fonts.ts).
void Promise.all([import('./ui/warm-fonts.ts'), import('./state/kiosk-device.ts')])
  .then(async ([m, device]) => {
    if (!device.isKioskDevice()) return;
    await document.fonts.ready;
    await m.warmUiFonts();
  })
  .catch(() => undefined);
