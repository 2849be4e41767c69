/**
 * HTTP transport for the kiosk outbox: posts a lead with the kiosk's bearer token and classifies the
 * answer. Also the kiosk's token (paired, or the local kiosk's from the server that served the page)
 * and the sender of anonymous funnel events.
 */
import type { FunnelEventBatch } from './event-schema.ts';
import { isLoopbackHost } from './loopback.ts';
import type { Lead } from './lead-schema.ts';
import type { SendResult, SendVia } from './outbox.ts';

/** Refusals that resending the same lead cannot change; kept for a rep (an update may fix a version skew). */
const REJECTED = new Set([400, 403, 413, 422]);
/** A send that hangs this long is given up and retried (a sync run holds the tabs' lock meanwhile). */
const SEND_TIMEOUT_MS = 30_000;

/** The token a kiosk sends with: one saved at pairing, or the local kiosk's from this machine's server. */
export type TokenChoice = { token: string; source: 'paired' | 'local' };

/** What the sender needs of the kiosk's tokens (createKioskTokenSource gives it). */
export type SenderTokens = {
  choose(): Promise<TokenChoice | null>;
  /** The server answered 401 to this token: a paired one was revoked (unpair), a local one is asked for again. */
  revoked?(choice: TokenChoice): Promise<void>;
};

/**
 * Creates a `send` for openLeadOutbox. A kiosk entry goes with the kiosk's token; a 401 on a paired
 * token unpairs the kiosk (rep mode says so) and the lead waits for a new pairing. An entry made
 * under a share link goes with that link's token until the expiry the server gave; once the server
 * refuses it (401/403) or it has expired, the lead can never reach the store that way: `refused`.
 */
export function createLeadSender(options: { tokens: SenderTokens; now?: () => number; baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number }) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const post = (token: string, lead: Lead) =>
    doFetch(`${options.baseUrl ?? ''}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(lead),
      signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS),
    });
  const offline: SendResult = { kind: 'retry', status: null, reason: 'network error' };

  return async (lead: Lead, via: SendVia = { kind: 'kiosk' }): Promise<SendResult> => {
    if (via.kind === 'link') {
      if (now() >= via.expiresAtMs) return { kind: 'refused', status: null, reason: 'link expired' };
      let res: Response;
      try {
        res = await post(via.token, lead);
      } catch {
        return offline;
      }
      const answer = await classify(res);
      return res.status === 401 || res.status === 403 ? { kind: 'refused', status: res.status, reason: answer.reason } : answer.result;
    }
    let choice: TokenChoice | null;
    try {
      choice = await options.tokens.choose();
    } catch {
      return offline; // the token comes from the lead server itself (the local kiosk's): it cannot be reached
    }
    if (!choice) return { kind: 'retry', status: 401, reason: 'kiosk not paired' };
    let res: Response;
    try {
      res = await post(choice.token, lead);
    } catch {
      return offline;
    }
    const answer = await classify(res);
    if (res.status === 401) {
      await options.tokens.revoked?.(choice);
      return { kind: 'retry', status: 401, reason: choice.source === 'paired' ? 'kiosk token revoked' : answer.reason };
    }
    return answer.result;
  };
}

/** The server's answer as a SendResult, and its reason: code, field and message (no personal data in them). */
async function classify(res: Response): Promise<{ result: SendResult; reason: string }> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string; message?: string };
  if (res.ok) return { result: { kind: 'stored', status: res.status }, reason: '' };
  const code = [body.error ?? 'error', body.field].filter(Boolean).join(' ');
  // The message says what the server expected: what a rep needs to judge a version skew.
  const reason = body.message && REJECTED.has(res.status) ? `${code}: ${body.message.slice(0, 200)}` : code;
  return { result: REJECTED.has(res.status) ? { kind: 'rejected', status: res.status, reason } : { kind: 'retry', status: res.status, reason }, reason };
}

/**
 * The token of the kiosk on the server's own machine (null elsewhere: pair with a code instead).
 * Rejects when the server cannot be reached: offline is not the same as unpaired.
 */
/** GET /api/kiosk-config: the local kiosk's token and store, and where phones reach the server (PUBLIC_ORIGIN). */
export type LocalKioskConfig = { token: string; storeId: string; publicOrigin?: string };

export async function fetchLocalKioskToken(baseUrl = '', doFetch: typeof fetch = fetch): Promise<LocalKioskConfig | null> {
  // The server hands the token only to a page it serves as localhost (src/server/routes-kiosk.ts);
  // a phone or another PC on the showroom network need not ask (and log a 403).
  if (!baseUrl && !isLoopbackPage()) return null;
  const res = await doFetch(`${baseUrl}/api/kiosk-config`, { credentials: 'same-origin' });
  return res.ok ? ((await res.json().catch(() => null)) as LocalKioskConfig | null) : null;
}

/** Whether this page was loaded from this machine (no page at all, as in Node, counts as local). */
function isLoopbackPage(): boolean {
  const hostname = globalThis.location?.hostname;
  return hostname === undefined || hostname === '' || isLoopbackHost(hostname);
}

/**
 * Where a paired kiosk keeps its token (default: localStorage; must survive the idle reset), and
 * when a revoked one was forgotten, so rep mode can say why the kiosk is unpaired.
 */
export type TokenStore = {
  get(): Promise<string | null>;
  set(token: string | null): Promise<void>;
  revokedAt?(): Promise<number | null>;
  setRevokedAt?(ms: number | null): Promise<void>;
};

/** A TokenStore in localStorage. */
export function localStorageTokenStore(key = 'showroom-twin.kiosk-token', storage: Storage = globalThis.localStorage): TokenStore {
  const revokedKey = `${key}.revoked-at`;
  return {
    get: async () => storage.getItem(key),
    set: async (token) => (token === null ? storage.removeItem(key) : storage.setItem(key, token)),
    revokedAt: async () => {
      const ms = Number(storage.getItem(revokedKey));
      return Number.isFinite(ms) && ms > 0 ? ms : null;
    },
    setRevokedAt: async (ms) => (ms === null ? storage.removeItem(revokedKey) : storage.setItem(revokedKey, String(ms))),
  };
}

export type PairResult = { ok: true; storeId: string } | { ok: false; status: number | null; field?: string };

/**
 * The kiosk's token: a token saved at pairing wins, else the local kiosk's token from the server
 * on this machine. `pair(code)` is what rep mode calls with a manager's pairing code; a paired
 * token the server answers 401 to is forgotten (`revoked`), with the time, for rep mode to show.
 * (A customer's phone sends with the token of the share link each lead was made under: SendVia.)
 */
export function createKioskTokenSource(options: { store: TokenStore; baseUrl?: string; fetch?: typeof fetch; now?: () => number }) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl ?? '';
  const now = options.now ?? Date.now;
  let local: Promise<LocalKioskConfig | null> | undefined;
  const source = {
    async choose(): Promise<TokenChoice | null> {
      const paired = await options.store.get();
      if (paired) return { token: paired, source: 'paired' };
      const config = await source.localConfig();
      return config ? { token: config.token, source: 'local' } : null;
    },
    /** The local kiosk's config from this machine's server (asked once while it answers); null elsewhere. */
    async localConfig(): Promise<LocalKioskConfig | null> {
      local ??= fetchLocalKioskToken(base, doFetch);
      try {
        const config = await local;
        if (config === null) local = undefined; // try again next time
        return config;
      } catch (error) {
        local = undefined;
        throw error; // offline: the caller retries, it does not think the kiosk unpaired
      }
    },
    async get(): Promise<string | null> {
      return (await source.choose())?.token ?? null;
    },
    async revoked(choice: TokenChoice): Promise<void> {
      if (choice.source === 'local') {
        local = undefined; // the server makes a new one when it restarts: ask again next time
        return;
      }
      if ((await options.store.get()) !== choice.token) return; // paired again meanwhile
      await options.store.set(null);
      await options.store.setRevokedAt?.(now());
    },
    /** When this kiosk's paired token was revoked and forgotten; null once it is paired again (or a rep dismissed it). */
    revokedAt: async (): Promise<number | null> => (await options.store.revokedAt?.()) ?? null,
    dismissRevoked: async (): Promise<void> => options.store.setRevokedAt?.(null),
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
      await options.store.setRevokedAt?.(null);
      return { ok: true, storeId: body.storeId };
    },
    /** Forgets a paired token. */
    unpair: () => options.store.set(null),
  };
  return source;
}

export type KioskTokenSource = ReturnType<typeof createKioskTokenSource>;

/**
 * What became of a batch of funnel events: taken; to be sent again later (offline, 5xx, no
 * token); or refused (400): `index` names the event the server objected to (out of its time
 * window, say), which the queue drops before resending the rest; null when the whole batch is bad.
 */
export type FunnelSendResult = { kind: 'taken' } | { kind: 'retry' } | { kind: 'refused'; index: number | null };

/**
 * Posts anonymous funnel events. They carry no personal data; event ids make a resend harmless.
 */
export function createFunnelEventSender(options: { getToken: () => Promise<string | null>; baseUrl?: string; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return async (events: FunnelEventBatch['events']): Promise<FunnelSendResult> => {
    const token = await options.getToken().catch(() => null);
    if (!token || events.length === 0) return { kind: 'retry' };
    try {
      const res = await doFetch(`${options.baseUrl ?? ''}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events }),
        keepalive: true,
      });
      if (res.status === 202) return { kind: 'taken' };
      if (res.status !== 400) return { kind: 'retry' };
      const body = (await res.json().catch(() => ({}))) as { field?: string };
      const index = /^events\.(\d+)(?:\.|$)/.exec(body.field ?? '')?.[1];
      return { kind: 'refused', index: index === undefined ? null : Number(index) };
    } catch {
      return { kind: 'retry' };
    }
  };
}
