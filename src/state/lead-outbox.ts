/**
 * The kiosk's one lead outbox (IndexedDB, encrypted at rest) and its sync to the lead server.
 * Opened on first use; on app start it only resumes syncing when leads are waiting, so a kiosk with
 * nothing to send makes no request. The idle reset never touches it.
 */
import { ApiError, createLeadApi } from '../leads/api-client.ts';
import { readLinkToken } from '../leads/link-token.ts';
import { openLeadOutbox, type LeadOutbox } from '../leads/outbox.ts';
import { randomUuid } from '../leads/outbox-crypto.ts';
import { createKioskTokenSource, createLeadSender, localStorageTokenStore } from '../leads/sync-client.ts';

let tokens: ReturnType<typeof createKioskTokenSource> | null = null;

/** This kiosk's token: one saved at pairing, one a share link brought, else the local kiosk's. */
export function kioskTokens(): ReturnType<typeof createKioskTokenSource> {
  tokens ??= createKioskTokenSource({ store: localStorageTokenStore(), linkToken: () => readLinkToken(Date.now()) });
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
      newId: () => randomUuid(),
      storage: navigator.storage, // absent outside a secure context
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
export async function checkKioskLink(): Promise<KioskLink> {
  try {
    const token = await kioskTokens().get();
    if (!token) return { kind: 'unpaired' };
    const me = await createLeadApi({ token: () => token }).me();
    return { kind: 'ok', storeId: me.storeId };
  } catch (e) {
    return e instanceof ApiError && e.status === 401 ? { kind: 'revoked' } : { kind: 'unreachable' };
  }
}

const SHARE_TOKEN_KEY = 'showroom-twin.share-token';
/** A kiosk asks for a fresh share token once a day, so a link it shows stays valid for 6 days or more. */
const SHARE_TOKEN_REFRESH_MS = 24 * 3600_000;

/**
 * The create-only store token this kiosk puts in a plan's share link, so a test-drive request made
 * on the customer's phone reaches this store; null when the lead server cannot give one (offline,
 * unpaired), and the link then carries the plan alone.
 */
export async function shareLinkToken(doFetch: typeof fetch = fetch, nowMs = Date.now()): Promise<string | null> {
  try {
    const cached = JSON.parse(localStorage.getItem(SHARE_TOKEN_KEY) ?? 'null') as { token: string; issuedAtMs: number } | null;
    if (cached && nowMs - cached.issuedAtMs < SHARE_TOKEN_REFRESH_MS) return cached.token;
    const kioskToken = await kioskTokens().get();
    if (!kioskToken) return null;
    // A phone re-sharing a plan passes on the token its own link brought (it may not mint one).
    if (kioskToken === readLinkToken(nowMs)) return kioskToken;
    const res = await doFetch('/api/share-tokens', { method: 'POST', headers: { authorization: `Bearer ${kioskToken}` } });
    if (res.status !== 201) return null;
    const { token } = (await res.json()) as { token: string };
    localStorage.setItem(SHARE_TOKEN_KEY, JSON.stringify({ token, issuedAtMs: nowMs }));
    return token;
  } catch {
    return null;
  }
}
