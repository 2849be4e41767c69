/**
 * The kiosk's one lead outbox (IndexedDB, encrypted at rest) and its sync to the lead server.
 * Opened on first use; on app start it only resumes syncing when leads are waiting, so a kiosk with
 * nothing to send makes no request. The idle reset never touches it.
 */
import { openLeadOutbox, type LeadOutbox } from '../leads/outbox.ts';
import { createKioskTokenSource, createLeadSender, localStorageTokenStore } from '../leads/sync-client.ts';

let outbox: Promise<LeadOutbox> | null = null;

export function leadOutbox(): Promise<LeadOutbox> {
  outbox ??= (async () => {
    const tokens = createKioskTokenSource({ store: localStorageTokenStore() });
    const send = createLeadSender({ getToken: () => tokens.get() });
    return openLeadOutbox({
      send,
      now: () => Date.now(),
      random: () => Math.random(),
      newId: () => crypto.randomUUID(),
      storage: navigator.storage,
    });
  })();
  return outbox;
}

let started = false;

/** Starts background sync (backoff with jitter) once. */
export async function startLeadSync(): Promise<void> {
  if (started) return;
  started = true;
  (await leadOutbox()).start();
}

/** On app start: resume sending leads a previous session left pending. */
export async function resumeLeadSync(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const box = await leadOutbox();
  const s = await box.status();
  if (s.pending > 0) await startLeadSync();
}
