/**
 * The store token a plan's share link brings to a customer's phone
 * (`#/plan?a=<answers>&k=<token>&x=<expiry, unix seconds>`): a create-only token of the sharing
 * kiosk's store (POST /api/share-tokens). The phone keeps it in localStorage, with the expiry the
 * server gave, so the lead outbox can send a test-drive request made there, even after a reload.
 *
 * The expiry comes from the link, never from when the phone saw it: opening the same link again
 * cannot extend a token the server has already expired. A link without an expiry carries no usable
 * token (a link from before expiries were carried, or a damaged one).
 */

export const LINK_TOKEN_KEY = 'showroom-twin.link-token';

/** Share tokens (`stw_share_`), and the kiosk-role share tokens of older servers (`stw_kiosk_`). */
const TOKEN_RE = /^stw_(?:share|kiosk)_[A-Za-z0-9_-]{20,100}$/;

/** A share link's store token and when the server stops honouring it. */
export type LinkToken = { token: string; expiresAtMs: number };

export function isLinkToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_RE.test(value);
}

/**
 * The token and expiry of a share link's fragment parameters (`k`, `x`), or null when either is
 * missing or malformed. `x` is the expiry in whole unix seconds.
 */
export function linkTokenFromParams(params: URLSearchParams): LinkToken | null {
  const token = params.get('k');
  const x = params.get('x');
  if (!isLinkToken(token) || x === null || !/^\d{9,11}$/.test(x)) return null;
  return { token, expiresAtMs: Number(x) * 1000 };
}

/** The fragment parameters of a link that carries this token: `k=…&x=…`. */
export function linkTokenParams(t: LinkToken): string {
  return `k=${encodeURIComponent(t.token)}&x=${Math.floor(t.expiresAtMs / 1000)}`;
}

/** Keeps the token a link brought; anything that is not a share token is ignored. */
export function saveLinkToken(t: LinkToken, storage: Storage = globalThis.localStorage): boolean {
  if (!isLinkToken(t.token) || !Number.isFinite(t.expiresAtMs)) return false;
  storage.setItem(LINK_TOKEN_KEY, JSON.stringify({ token: t.token, expiresAtMs: t.expiresAtMs } satisfies LinkToken));
  return true;
}

/**
 * The token a share link brought, expired or not (a phone with an expired token is still a phone
 * that came from a link), or null when there is none or storage is damaged.
 */
export function readLinkToken(storage: Storage | undefined = globalThis.localStorage): LinkToken | null {
  try {
    const saved = JSON.parse(storage?.getItem(LINK_TOKEN_KEY) ?? 'null') as Partial<LinkToken> | null;
    if (!saved || !isLinkToken(saved.token) || typeof saved.expiresAtMs !== 'number' || !Number.isFinite(saved.expiresAtMs)) return null;
    return { token: saved.token, expiresAtMs: saved.expiresAtMs };
  } catch {
    return null;
  }
}

/** The link token if the server still honours it at `nowMs` by the expiry it gave. */
export function usableLinkToken(nowMs: number, storage: Storage | undefined = globalThis.localStorage): LinkToken | null {
  const t = readLinkToken(storage);
  return t && nowMs < t.expiresAtMs ? t : null;
}
