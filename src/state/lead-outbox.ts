/**
 * The kiosk's one lead outbox (IndexedDB, encrypted at rest) and its sync to the lead server.
 * Opened on first use; on app start it only resumes syncing when leads are waiting, so a kiosk with
 * nothing to send makes no request. The idle reset never touches it.
 */
import { APP_VERSION } from '../app-version.ts';
import { ApiError, createLeadApi } from '../leads/api-client.ts';
import { readLinkToken, usableLinkToken, type LinkToken } from '../leads/link-token.ts';
import { openLeadOutbox, type LeadOutbox, type SendVia } from '../leads/outbox.ts';
import { randomUuid } from '../leads/outbox-crypto.ts';
import { createKioskTokenSource, createLeadSender, localStorageTokenStore, type KioskTokenSource } from '../leads/sync-client.ts';
import { isKioskDevice, PAIRED_TOKEN_KEY } from './kiosk-device.ts';

export { PAIRED_TOKEN_KEY };
let tokens: KioskTokenSource | null = null;

/** This kiosk's token: one saved at pairing, else the local kiosk's. */
export function kioskTokens(): KioskTokenSource {
  tokens ??= createKioskTokenSource({ store: localStorageTokenStore(PAIRED_TOKEN_KEY) });
  return tokens;
}

/**
 * How a lead made on this device now would reach the store: as a kiosk (the page is served from
 * this machine, or the kiosk is paired); with the share link's store token (a customer's phone,
 * until the expiry the server gave); or `closed`: a phone whose link carried no token or whose
 * token has expired, where the customer is asked to leave the contact at the showroom instead.
 * `fromLink`: the plan on screen came from a share link.
 */
export function leadChannel(nowMs: number, fromLink: boolean): SendVia | { kind: 'closed' } {
  if (isKioskDevice()) return { kind: 'kiosk' };
  const link = usableLinkToken(nowMs);
  if (link) return { kind: 'link', ...link };
  return fromLink || readLinkToken() !== null ? { kind: 'closed' } : { kind: 'kiosk' };
}

let outbox: Promise<LeadOutbox> | null = null;

export function leadOutbox(): Promise<LeadOutbox> {
  outbox ??= (async () => {
    const send = createLeadSender({ tokens: kioskTokens() });
    return openLeadOutbox({
      send,
      now: () => Date.now(),
      random: () => Math.random(),
      newId: () => randomUuid(),
      storage: navigator.storage, // absent outside a secure context
      locks: navigator.locks ?? null, // likewise: the transactions alone keep tabs consistent there
      channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('showroom-lead-outbox') : null,
      appVersion: APP_VERSION,
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

/**
 * On app start: resume sending leads a previous session left pending. A failure is logged (a
 * warning, with no personal data) and rep mode shows the outbox as unavailable.
 */
export async function resumeLeadSync(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    const box = await leadOutbox();
    const s = await box.status();
    if (s.pending > 0) await startLeadSync();
  } catch (error) {
    console.warn(`lead outbox: could not resume sync at start (${(error as Error).name}: ${(error as Error).message})`);
  }
}

/** Whether this kiosk can deliver leads right now, as rep mode shows it. */
export type KioskLink =
  | { kind: 'ok'; storeId: string | null }
  | { kind: 'unpaired' }
  /** The server answered 401 to the kiosk's token (rep mode says when a paired one was revoked: `kioskTokens().revokedAt()`). */
  | { kind: 'revoked' }
  | { kind: 'unreachable' };

/** Asks the lead server who this kiosk's token belongs to (`GET /api/me`); a 401 unpairs a paired kiosk. */
export async function checkKioskLink(): Promise<KioskLink> {
  const source = kioskTokens();
  try {
    const choice = await source.choose();
    if (!choice) return (await source.revokedAt()) === null ? { kind: 'unpaired' } : { kind: 'revoked' };
    try {
      const me = await createLeadApi({ token: () => choice.token }).me();
      return { kind: 'ok', storeId: me.storeId };
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      await source.revoked(choice);
      return { kind: 'revoked' };
    }
  } catch {
    return { kind: 'unreachable' };
  }
}

export const SHARE_TOKEN_KEY = 'showroom-twin.share-token';
/** A kiosk asks for a fresh share token once a day, so a link it shows stays valid for 6 days or more. */
const SHARE_TOKEN_REFRESH_MS = 24 * 3600_000;
/** A cached token with less time left than this is not handed out when a fresh one cannot be had. */
const SHARE_TOKEN_MIN_LEFT_MS = 3600_000;

type CachedShareToken = LinkToken & { issuedAtMs: number };

/**
 * The create-only store token (and the expiry the server gave it) this kiosk puts in a plan's
 * share link, so a test-drive request made on the customer's phone reaches this store; null when
 * the lead server cannot give one (offline, unpaired), and the link then carries the plan alone.
 */
export async function shareLinkToken(doFetch: typeof fetch = fetch, nowMs = Date.now()): Promise<LinkToken | null> {
  let cached: CachedShareToken | null = null;
  try {
    const c = JSON.parse(localStorage.getItem(SHARE_TOKEN_KEY) ?? 'null') as Partial<CachedShareToken> | null;
    if (c && typeof c.token === 'string' && typeof c.expiresAtMs === 'number' && typeof c.issuedAtMs === 'number') cached = c as CachedShareToken;
  } catch {
    cached = null;
  }
  if (cached && nowMs - cached.issuedAtMs < SHARE_TOKEN_REFRESH_MS && cached.expiresAtMs - nowMs > SHARE_TOKEN_MIN_LEFT_MS) return { token: cached.token, expiresAtMs: cached.expiresAtMs };
  const stale = cached && cached.expiresAtMs - nowMs > SHARE_TOKEN_MIN_LEFT_MS ? { token: cached.token, expiresAtMs: cached.expiresAtMs } : null;
  // A phone re-sharing a plan passes on the token its own link brought (it may not mint one).
  if (leadChannel(nowMs, false).kind !== 'kiosk') return usableLinkToken(nowMs);
  try {
    const kioskToken = await kioskTokens().get();
    if (!kioskToken) return stale;
    const res = await doFetch('/api/share-tokens', { method: 'POST', headers: { authorization: `Bearer ${kioskToken}` } });
    if (res.status !== 201) return stale;
    const body = (await res.json()) as { token?: unknown; expiresAt?: unknown };
    const expiresAtMs = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : NaN;
    if (typeof body.token !== 'string' || !Number.isFinite(expiresAtMs)) return stale;
    const fresh: CachedShareToken = { token: body.token, expiresAtMs, issuedAtMs: nowMs };
    localStorage.setItem(SHARE_TOKEN_KEY, JSON.stringify(fresh));
    return { token: fresh.token, expiresAtMs };
  } catch {
    return stale;
  }
}
