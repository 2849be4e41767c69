/**
 * The kiosk's own updates and offline storage. A kiosk page never navigates, so the browser seldom
 * looks for a new service worker by itself: the kiosk asks every 30 minutes. A new version is
 * downloaded and installed in the background and waits; it is applied (the new worker takes over
 * and the page reloads) only when the kiosk session resets, when nobody is using the screen, never
 * under a customer's finger.
 *
 * The service worker needs a secure context (localhost or HTTPS): a phone on the showroom's plain
 * HTTP address has none, and runs online only, as before.
 */
import { onSessionReset } from './session-reset.ts';

/** vite-plugin-pwa's `registerSW` (virtual:pwa-register), passed in so this module runs in tests. */
export type RegisterSW = (options: {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onRegisteredSW?: (swUrl: string, registration: ServiceWorkerRegistration | undefined) => void;
  onRegisterError?: (error: unknown) => void;
}) => (reloadPage?: boolean) => Promise<void>;

export const UPDATE_CHECK_MS = 30 * 60_000;

export interface AppUpdateState {
  /** A service worker controls (or will control, after a reload) this page. */
  registered: boolean;
  /** Everything the app needs offline is in the cache. */
  offlineReady: boolean;
  /** A new version is installed and waits for the next session reset. */
  waiting: boolean;
  /** Why registration failed, if it did. */
  error: string | null;
}

const state: AppUpdateState = { registered: false, offlineReady: false, waiting: false, error: null };
export const appUpdateState = (): Readonly<AppUpdateState> => ({ ...state });

/**
 * Registers the service worker (where the browser can), checks for updates every `checkMs`, and
 * applies a waiting update at the next session reset. Returns a stop function (tests).
 */
export function startAppUpdates(register: RegisterSW, options: { checkMs?: number; nav?: Navigator } = {}): () => void {
  const nav = options.nav ?? navigator;
  if (!('serviceWorker' in nav)) return () => undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const update = register({
    immediate: true,
    onNeedRefresh: () => void (state.waiting = true),
    onOfflineReady: () => void (state.offlineReady = true),
    onRegisteredSW: (_url, registration) => {
      state.registered = registration !== undefined;
      if (registration) timer = setInterval(() => void registration.update().catch(() => undefined), options.checkMs ?? UPDATE_CHECK_MS);
    },
    onRegisterError: (error) => void (state.error = error instanceof Error ? error.message : String(error)),
  });
  const off = onSessionReset(() => {
    if (!state.waiting) return;
    state.waiting = false;
    // The new worker takes over and the page reloads on the home screen.
    void update(true);
  });
  return () => {
    clearInterval(timer);
    off();
  };
}

export interface StorageReport {
  /** The browser promised not to evict this origin's storage (precache and lead outbox). */
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks once for persistent storage (Chromium decides silently, by engagement: a fresh kiosk
 * profile often gets false at first) and reports what the browser says. Null without the API.
 * `ask: false` only reports (the heartbeat, every minute: the app asks at start).
 */
export async function storageReport(
  storage: StorageManager | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage,
  options: { ask?: boolean } = {},
): Promise<StorageReport | null> {
  if (!storage?.persisted) return null;
  let persisted = await storage.persisted().catch(() => false);
  if (!persisted && storage.persist && options.ask !== false) persisted = await storage.persist().catch(() => false);
  const estimate = storage.estimate ? await storage.estimate().catch(() => null) : null;
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}
