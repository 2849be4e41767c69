import { DEFAULT_LOCALE } from '../i18n/index.ts';
import { useLocaleStore } from './locale-store.ts';
import { HOME_SCREEN_ID, useNavStore } from './nav-store.ts';

type ResetHandler = () => void;
const handlers = new Set<ResetHandler>();

/**
 * Registers what a store forgets when the kiosk session ends (the customer walked away).
 * Returns the unregister function. Handlers reset in-memory UI state only: lead data lives in
 * the leads outbox (IndexedDB) and must survive, so nothing here touches storage.
 */
export function onSessionReset(handler: ResetHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/**
 * Ends the kiosk session: back to the home screen, back to zh-CN, every registered store back to
 * its defaults. Deliberately no `localStorage.clear()`, no IndexedDB deletion, no cookie wipe.
 */
export function resetKioskSession(): void {
  useNavStore.getState().go(HOME_SCREEN_ID);
  useLocaleStore.getState().setLocale(DEFAULT_LOCALE);
  for (const handler of handlers) handler();
}
