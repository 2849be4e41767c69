/**
 * The kiosk's one lead outbox (IndexedDB, encrypted at rest) and its sync to the lead server.
 * Opened on first use; on app start it only resumes syncing when leads are waiting, so a kiosk with
 * nothing to send makes no request. The idle reset never touches it.
 */
import { MeSchema } from '../leads/api-schema.ts';
import { openLeadOutbox, type LeadOutbox } from '../leads/outbox.ts';
import { createKioskTokenSource, createLeadSender, localStorageTokenStore } from '../leads/sync-client.ts';

let tokens: ReturnType<typeof createKioskTokenSource> | null = null;

/** This kiosk's token: one saved at pairing, else the local kiosk's from the server on this machine. */
export function kioskTokens(): ReturnType<typeof createKioskTokenSource> {
  tokens ??= createKioskTokenSource({ store: localStorageTokenStore() });
  return tokens;
}

let outbox: Promise<LeadOutbox> | null = null;

export function leadOutbox(): Promise<LeadOutbox> {
  outbox ??= (async () => {
    const send = createLeadSender({ getToken: () => kioskTokens().get() });
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

/** Whether this kiosk can deliver leads right now, as rep mode shows it. */
export type KioskLink = { kind: 'ok'; storeId: string | null } | { kind: 'unpaired' } | { kind: 'revoked' } | { kind: 'unreachable' };

/** Asks the lead server who this kiosk's token belongs to (`GET /api/me`). */
export async function checkKioskLink(doFetch: typeof fetch = fetch): Promise<KioskLink> {
  try {
    const token = await kioskTokens().get();
    if (!token) return { kind: 'unpaired' };
    const res = await doFetch('/api/me', { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) return { kind: 'revoked' };
    if (!res.ok) return { kind: 'unreachable' };
    const me = MeSchema.safeParse(await res.json());
    return me.success ? { kind: 'ok', storeId: me.data.storeId } : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}
