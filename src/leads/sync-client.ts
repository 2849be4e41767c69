/**
 * HTTP transport for the kiosk outbox: posts a lead with the kiosk's bearer token and classifies the
 * answer. Also fetches the local kiosk's token from the server that served the page.
 */
import type { FunnelEventBatch } from './event-schema.ts';
import { isLoopbackHost } from './loopback.ts';
import type { Lead } from './lead-schema.ts';
import type { SendResult } from './outbox.ts';

const REJECTED = new Set([400, 413, 422]);

/** Creates a `send` for openLeadOutbox. `getToken` may read a token saved at pairing. */
export function createLeadSender(options: { baseUrl?: string; getToken: () => Promise<string | null>; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return async (lead: Lead): Promise<SendResult> => {
    let token: string | null;
    try {
      token = await options.getToken();
    } catch {
      // The token comes from the lead server itself (the local kiosk's): it cannot be reached.
      return { kind: 'retry', status: null, reason: 'network error' };
    }
    if (!token) return { kind: 'retry', status: 401, reason: 'kiosk not paired' };
    let res: Response;
    try {
      res = await doFetch(`${options.baseUrl ?? ''}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(lead),
      });
    } catch {
      return { kind: 'retry', status: null, reason: 'network error' };
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
    if (res.ok) return { kind: 'stored', status: res.status };
    const reason = [body.error ?? 'error', body.field].filter(Boolean).join(' ');
    return REJECTED.has(res.status) ? { kind: 'rejected', status: res.status, reason } : { kind: 'retry', status: res.status, reason };
  };
}

/**
 * The token of the kiosk on the server's own machine (null elsewhere: pair with a code instead).
 * Rejects when the server cannot be reached: offline is not the same as unpaired.
 */
export async function fetchLocalKioskToken(baseUrl = '', doFetch: typeof fetch = fetch): Promise<{ token: string; storeId: string } | null> {
  // The server hands the token only to a page it serves as localhost (src/server/routes-kiosk.ts);
  // a phone or another PC on the showroom network need not ask (and log a 403).
  if (!baseUrl && !isLoopbackPage()) return null;
  const res = await doFetch(`${baseUrl}/api/kiosk-config`, { credentials: 'same-origin' });
  return res.ok ? ((await res.json().catch(() => null)) as { token: string; storeId: string } | null) : null;
}

/** Whether this page was loaded from this machine (no page at all, as in Node, counts as local). */
function isLoopbackPage(): boolean {
  const hostname = globalThis.location?.hostname;
  return hostname === undefined || hostname === '' || isLoopbackHost(hostname);
}

/** Where a paired kiosk keeps its token (default: localStorage; must survive the idle reset). */
export type TokenStore = { get(): Promise<string | null>; set(token: string | null): Promise<void> };

/** A TokenStore in localStorage. */
export function localStorageTokenStore(key = 'showroom-twin.kiosk-token', storage: Storage = globalThis.localStorage): TokenStore {
  return {
    get: async () => storage.getItem(key),
    set: async (token) => (token === null ? storage.removeItem(key) : storage.setItem(key, token)),
  };
}

export type PairResult = { ok: true; storeId: string } | { ok: false; status: number | null; field?: string };

/**
 * The kiosk's token: a token saved at pairing wins, then a store token a share link brought (a
 * customer's phone), else the local kiosk's token from the server on this machine. `pair(code)` is
 * what rep mode calls with a manager's pairing code.
 */
export function createKioskTokenSource(options: {
  store: TokenStore;
  /** The store token a plan's share link brought (a customer's phone), if any and still valid. */
  linkToken?: () => string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
}) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl ?? '';
  let local: Promise<string | null> | undefined;
  return {
    async get(): Promise<string | null> {
      const paired = await options.store.get();
      if (paired) return paired;
      const fromLink = options.linkToken?.();
      if (fromLink) return fromLink;
      local ??= fetchLocalKioskToken(base, doFetch).then((c) => c?.token ?? null);
      try {
        const token = await local;
        if (token === null) local = undefined; // try again next time
        return token;
      } catch (error) {
        local = undefined;
        throw error; // offline: the caller retries, it does not think the kiosk unpaired
      }
    },
    async pair(code: string, label?: string): Promise<PairResult> {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, ...(label ? { label } : {}) }) });
      } catch {
        return { ok: false, status: null };
      }
      const body = (await res.json().catch(() => ({}))) as { token?: string; storeId?: string; field?: string };
      if (res.status !== 201 || !body.token || !body.storeId) return { ok: false, status: res.status, ...(body.field ? { field: body.field } : {}) };
      await options.store.set(body.token);
      return { ok: true, storeId: body.storeId };
    },
    /** Forgets a paired token (e.g. after a 401: the token was revoked). */
    unpair: () => options.store.set(null),
  };
}

/**
 * Posts anonymous funnel events (best effort: they carry no personal data and a lost one only
 * blurs a chart). Resolves true when the server took them; event ids make a resend harmless.
 */
export function createFunnelEventSender(options: { getToken: () => Promise<string | null>; baseUrl?: string; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return async (events: FunnelEventBatch['events']): Promise<boolean> => {
    const token = await options.getToken().catch(() => null);
    if (!token || events.length === 0) return false;
    try {
      const res = await doFetch(`${options.baseUrl ?? ''}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events }),
        keepalive: true,
      });
      return res.status === 202;
    } catch {
      return false;
    }
  };
}
