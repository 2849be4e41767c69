/// <reference lib="webworker" />
/**
 * The kiosk's service worker (vite-plugin-pwa, injectManifest): the app, the cars' GLBs, the XR
 * assets and the fonts are precached, so a kiosk that reloads while the showroom's network or the
 * lead server is down still shows every screen.
 *
 * - `/api/*` is network-only and never cached: leads, events and settings are the server's, and
 *   the lead outbox (IndexedDB) owns delivery. No background-sync plugin (duplicate and lost
 *   replays: GoogleChrome/workbox#1480, #1984), no catch-all runtime cache.
 * - Navigations get the precached index.html (the app routes by hash), except `/api/`.
 * - A new version installs in the background and waits; the page tells it to take over
 *   (`SKIP_WAITING`) only when the kiosk is back at rest (src/state/app-update.ts).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const API = /^\/api\//;

// First: nothing under /api/ is ever answered from a cache.
registerRoute(({ url, sameOrigin }) => sameOrigin && API.test(url.pathname), new NetworkOnly());

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [API] }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
