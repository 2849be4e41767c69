/**
 * The store token a plan's share link brings to a customer's phone (`#/plan?a=…&k=…`): a 7-day,
 * create-only token of the sharing kiosk's store (POST /api/share-tokens). The phone keeps it in
 * localStorage so the lead outbox can send a test-drive request made there, even after a reload.
 */

export const LINK_TOKEN_KEY = 'showroom-twin.link-token';
/** How long the server honours a share token; the phone forgets it after that. */
export const LINK_TOKEN_TTL_MS = 7 * 24 * 3600_000;

const TOKEN_RE = /^stw_kiosk_[A-Za-z0-9_-]{20,100}$/;

export function isLinkToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_RE.test(value);
}

type Saved = { token: string; savedAtMs: number };

/** Keeps the token from a link; anything that is not a kiosk token is ignored. */
export function saveLinkToken(token: string, nowMs: number, storage: Storage = globalThis.localStorage): boolean {
  if (!isLinkToken(token)) return false;
  storage.setItem(LINK_TOKEN_KEY, JSON.stringify({ token, savedAtMs: nowMs } satisfies Saved));
  return true;
}

/** The token a share link brought, or null when there is none or it has expired. */
export function readLinkToken(nowMs: number, storage: Storage | undefined = globalThis.localStorage): string | null {
  try {
    const saved = JSON.parse(storage?.getItem(LINK_TOKEN_KEY) ?? 'null') as Saved | null;
    if (!saved || !isLinkToken(saved.token) || !(nowMs - saved.savedAtMs < LINK_TOKEN_TTL_MS)) return null;
    return saved.token;
  } catch {
    return null;
  }
}
