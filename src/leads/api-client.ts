/**
 * Typed client for the rep and manager views: every answer is parsed with the shared response
 * schemas, every refusal becomes an ApiError with the HTTP status and the field the server named.
 */
import type { z } from 'zod';
import { StoreSettingsResponseSchema } from '../store/settings-issues.ts';
import type { StoreSettings } from '../store/store-settings.ts';
import { KioskListSchema } from './heartbeat-schema.ts';
import { ConsentNoticeParamsSchema, ErrorBodySchema, HealthSchema, FunnelSchema, LeadDetailSchema, LeadListSchema, MeSchema } from './api-schema.ts';

/** A refusal from the lead server: HTTP status, error code and, for a 400, the field it named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type LeadListQuery = { store?: string; tag?: string; from?: string; to?: string; phone?: string; q?: string; limit?: number; offset?: number };
export type FunnelQuery = { from?: string; to?: string; store?: string };

const qs = (query: object) => {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

/** `token` is read on every call, so signing out or in takes effect at once. */
export function createLeadApi(options: { token: () => string | null; baseUrl?: string; fetch?: typeof fetch }) {
  // The global is looked up per call, not captured: whatever fetch the page has when it calls.
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);
  const base = options.baseUrl ?? '';

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const token = options.token();
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      const parsed = ErrorBodySchema.safeParse(await res.json().catch(() => null));
      const e = parsed.success ? parsed.data : { error: 'http_error', message: `HTTP ${res.status}` };
      throw new ApiError(res.status, e.error, e.message, 'field' in e ? e.field : undefined);
    }
    return res;
  }
  const json = async <S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> => schema.parse(await (await call(method, path, body)).json());

  return {
    me: () => json(MeSchema, 'GET', '/api/me'),
    /** Liveness and the server's version (no token needed). */
    health: () => json(HealthSchema, 'GET', '/api/health'),
    /** What the consent notice states for this kiosk's store (kiosk and share tokens). */
    consentNotice: () => json(ConsentNoticeParamsSchema, 'GET', '/api/consent-notice'),
    listLeads: (query: LeadListQuery = {}) => json(LeadListSchema, 'GET', `/api/leads${qs(query)}`),
    getLead: (id: string) => json(LeadDetailSchema, 'GET', `/api/leads/${encodeURIComponent(id)}`),
    markContacted: async (id: string) => void (await call('POST', `/api/leads/${encodeURIComponent(id)}/contacted`)),
    recordTestDrive: async (id: string) => void (await call('POST', `/api/leads/${encodeURIComponent(id)}/test-drive`)),
    eraseLead: async (id: string) => void (await call('DELETE', `/api/leads/${encodeURIComponent(id)}`)),
    eraseByPhone: async (phone: string) => ((await (await call('POST', '/api/erasure', { phone })).json()) as { erased: number }).erased,
    funnel: (query: FunnelQuery = {}) => json(FunnelSchema, 'GET', `/api/funnel${qs(query)}`),
    /**
     * The CSV file as the server sent it, byte for byte: `text()` would drop the UTF-8 BOM that
     * makes Excel in zh-CN read the file as UTF-8. Offer it as a download with an object URL.
     */
    exportCsv: async (query: Omit<LeadListQuery, 'phone' | 'q' | 'limit' | 'offset'> = {}) => (await call('GET', `/api/export/leads.csv${qs(query)}`)).blob(),
    /** What a store's kiosks run on (the token's store; a manager of every store may name one). */
    storeSettings: (store?: string) => json(StoreSettingsResponseSchema, 'GET', `/api/store-settings${qs({ store })}`),
    /** A manager replaces a store's settings (saved to its file and applied at once). */
    saveStoreSettings: (settings: StoreSettings) => json(StoreSettingsResponseSchema, 'PUT', '/api/store-settings', settings),
    /** The store's kiosks and their last heartbeats (a manager of every store: all, or `store`). */
    kiosks: (store?: string) => json(KioskListSchema, 'GET', `/api/kiosks${qs({ store })}`),
    issuePairingCode: async (storeId: string) => (await (await call('POST', '/api/pairing-codes', { storeId })).json()) as { code: string; expiresAt: string },
  };
}

export type LeadApi = ReturnType<typeof createLeadApi>;
