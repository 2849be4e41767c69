/**
 * The facts the contact form's consent notice states (dealer, maker, retention days, a CRM outside
 * mainland China), from the lead server that will keep the data: GET /api/consent-notice with the
 * token the lead will be sent with. The last answer is kept in localStorage (no personal data; the
 * idle reset leaves it), so a kiosk that lost its network still shows the notice it last had. With
 * neither, the form is not shown: a consent asked with the wrong facts is no consent.
 */
import type { ConsentNoticeParams } from '../leads/api-schema.ts';
import { ConsentNoticeParamsSchema } from '../leads/api-schema.ts';
import { createLeadApi } from '../leads/api-client.ts';
import type { SendVia } from '../leads/outbox.ts';
import { kioskTokens } from './lead-outbox.ts';

export const NOTICE_CACHE_KEY = 'showroom-twin.consent-notice';

/** The cache: one entry for this kiosk, one for the share link a phone's lead goes with. */
type Cache = { kiosk?: ConsentNoticeParams; link?: { token: string; params: ConsentNoticeParams } };

function readCache(): Cache {
  try {
    const c = JSON.parse(localStorage.getItem(NOTICE_CACHE_KEY) ?? '{}') as Cache;
    return typeof c === 'object' && c !== null ? c : {};
  } catch {
    return {};
  }
}

/** The notice facts last fetched for this way of sending, or null. */
export function cachedNotice(via: SendVia): ConsentNoticeParams | null {
  const c = readCache();
  const params = via.kind === 'link' ? (c.link?.token === via.token ? c.link.params : undefined) : c.kiosk;
  const parsed = ConsentNoticeParamsSchema.safeParse(params);
  return parsed.success ? parsed.data : null;
}

/**
 * Fetches the notice facts for the token a lead made now would go with, and keeps them; on any
 * failure (offline, unpaired) resolves with the cached copy, or null when there is none.
 */
export async function loadNotice(via: SendVia, doFetch?: typeof fetch): Promise<ConsentNoticeParams | null> {
  try {
    const token = via.kind === 'link' ? via.token : await kioskTokens().get();
    if (!token) return cachedNotice(via);
    const params = await createLeadApi({ token: () => token, ...(doFetch ? { fetch: doFetch } : {}) }).consentNotice();
    const c = readCache();
    localStorage.setItem(NOTICE_CACHE_KEY, JSON.stringify(via.kind === 'link' ? { ...c, link: { token: via.token, params } } : { ...c, kiosk: params }));
    return params;
  } catch {
    return cachedNotice(via);
  }
}
