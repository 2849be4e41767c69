/**
 * HTTP transport for the kiosk outbox: posts a lead with the kiosk's bearer token and classifies the
 * answer. Also fetches the local kiosk's token from the server that served the page.
 */
import type { Lead } from './lead-schema.ts';
import type { SendResult } from './outbox.ts';

const REJECTED = new Set([400, 413, 422]);

/** Creates a `send` for openLeadOutbox. `getToken` may read a token saved at pairing. */
export function createLeadSender(options: { baseUrl?: string; getToken: () => Promise<string | null>; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return async (lead: Lead): Promise<SendResult> => {
    const token = await options.getToken();
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

/** The token of the kiosk on the server's own machine (null elsewhere: pair with a code instead). */
export async function fetchLocalKioskToken(baseUrl = '', doFetch: typeof fetch = fetch): Promise<{ token: string; storeId: string } | null> {
  try {
    const res = await doFetch(`${baseUrl}/api/kiosk-config`, { credentials: 'same-origin' });
    return res.ok ? ((await res.json()) as { token: string; storeId: string }) : null;
  } catch {
    return null;
  }
}
