/** The OpenAPI 3.1 description served at /api/openapi.json, built from the same zod schemas. */
import { z } from 'zod';
import { ConsentNoticeParamsSchema, FunnelSchema, LeadDetailSchema, LeadListSchema, LeadReceiptSchema, MeSchema } from '../leads/api-schema.ts';
import { FunnelEventBatchSchema } from '../leads/event-schema.ts';
import { LeadSchema } from '../leads/lead-schema.ts';
import { PairSchema } from './routes-kiosk.ts';
import { ErasureSchema, ExportQuerySchema, LeadQuerySchema } from './routes-leads.ts';
import { FunnelQuerySchema, PairingCodeSchema } from './routes-manage.ts';
import { CreateTokenSchema } from './routes-tokens.ts';
import { StoreSettingsQuerySchema } from './routes-store-settings.ts';
import { StoreSettingsResponseSchema } from '../store/settings-issues.ts';
import { StoreSettingsSchema } from '../store/store-settings.ts';
import { HeartbeatReceiptSchema, HeartbeatSchema, KioskListSchema } from '../leads/heartbeat-schema.ts';
import { KiosksQuerySchema } from './routes-heartbeat.ts';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema: z.toJSONSchema(schema, { unrepresentable: 'any' }) } } });
const params = (schema: z.ZodObject) =>
  Object.entries(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }).properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const secured = (roles: string, extra: object) => ({ security: [{ bearer: [] }], description: `Roles: ${roles}.`, ...extra });
const dateBounds = 'Dates: `from` and `to` are CST (UTC+8) days, both inclusive (`to` is the whole day, as in /api/funnel), or instants with an offset (`from` inclusive, `to` exclusive).';
const common = { 400: err('malformed: `field` names the first bad field'), 401: err('no or unknown token'), 403: err('role or store not allowed'), 429: err('rate limited') };

/** Builds the document (the paths are the routes buildApp registers; a test checks they agree). */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Showroom Twin lead server', version: '1.0.0', description: 'Lead capture for EV showroom kiosks. Bodies over 32 KB get 413.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, required: ['error', 'message'] } },
    },
    paths: {
      '/api/leads': {
        post: secured('kiosk, share', {
          summary: 'Store a lead. The lead id is the idempotency key.',
          requestBody: { required: true, content: json(LeadSchema) },
          responses: {
            201: ok('stored as a new lead', LeadReceiptSchema), 200: ok('merged into a lead with the same phone in this store within 30 days (or a replay)', LeadReceiptSchema),
            409: err('a request with this id is in flight'), 413: err('body over 32 KB'), 422: err('id reused with a different body'), ...common,
          },
        }),
        get: secured('rep (own store), manager', { summary: 'List leads', description: `Roles: rep (own store), manager. ${dateBounds} \`q\` searches names (every lead matching the other filters; \`total\` is exact).`, parameters: params(LeadQuerySchema), responses: { 200: ok('a page of leads', LeadListSchema), ...common } }),
      },
      '/api/leads/{id}': {
        get: secured('rep (own store), manager', { summary: 'Lead detail', parameters: idParam, responses: { 200: ok('lead with contact, interactions and consent records', LeadDetailSchema), 404: err('no such lead'), ...common } }),
        delete: secured('manager', { summary: 'Erase a lead (consent records are kept; a CRM that may have it gets lead.erased)', parameters: idParam, responses: { 204: { description: 'erased' }, 404: err('no such lead'), ...common } }),
      },
      '/api/leads/{id}/test-drive': {
        post: secured('rep (own store), manager', { summary: 'Record a test drive booked for this lead (funnel)', parameters: idParam, responses: { 204: { description: 'recorded' }, 404: err('no such lead'), ...common } }),
      },
      '/api/leads/{id}/contacted': {
        post: secured('rep (own store), manager', { summary: 'Record first contact (speed-to-lead)', parameters: idParam, responses: { 204: { description: 'recorded' }, 404: err('no such lead'), ...common } }),
      },
      '/api/export/leads.csv': { get: secured('manager', { summary: 'CSV export', description: `Roles: manager. ${dateBounds} Phone numbers are plain E.164; other cells starting with = + - @, tab or CR get a leading ' (formula injection).`, parameters: params(ExportQuerySchema), responses: { 200: { description: 'text/csv' }, ...common } }) },
      '/api/erasure': { post: secured('manager', { summary: 'Erase every lead with this phone number (as DELETE /api/leads/{id}, each)', requestBody: { required: true, content: json(ErasureSchema) }, responses: { 200: { description: '{ erased }' }, ...common } }) },
      '/api/events': { post: secured('kiosk, share', { summary: 'Anonymous funnel events; a batch with an event more than 5 minutes ahead or older than RETENTION_DAYS is refused whole (400, field events.N.at)', requestBody: { required: true, content: json(FunnelEventBatchSchema) }, responses: { 202: { description: '{ accepted, duplicates }' }, ...common } }) },
      '/api/funnel': { get: secured('rep (own store), manager', { summary: 'Funnel per day (UTC+8) and store', parameters: params(FunnelQuerySchema), responses: { 200: ok('funnel rows', FunnelSchema), ...common } }) },
      '/api/share-tokens': {
        post: secured('kiosk', {
          summary: 'A 7-day share-role token (create leads and events only) of the kiosk’s store for a plan’s share link; at most SHARE_TOKENS_PER_HOUR per kiosk per hour',
          responses: { 201: { description: '{ token, storeId, expiresAt }' }, ...common, 429: err('this kiosk minted its hourly share tokens; see Retry-After') },
        }),
      },
      '/api/pairing-codes': { post: secured('manager', { summary: 'Issue a 10-minute single-use kiosk pairing code', requestBody: { required: true, content: json(PairingCodeSchema) }, responses: { 201: { description: '{ code, expiresAt }' }, ...common } }) },
      '/api/tokens': {
        get: secured('manager', { summary: 'List tokens (never their secrets)', responses: { 200: { description: '{ tokens }' }, ...common } }),
        post: secured('manager', { summary: 'Create a rep or kiosk token; the secret is returned once', requestBody: { required: true, content: json(CreateTokenSchema) }, responses: { 201: { description: '{ id, token }' }, 404: err('no such store'), ...common } }),
      },
      '/api/tokens/{id}': {
        delete: secured('manager', { summary: 'Revoke a token', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 204: { description: 'revoked' }, 404: err('no such active token'), ...common } }),
      },
      '/api/pair': { post: { summary: 'Exchange a pairing code for a kiosk token', requestBody: { required: true, content: json(PairSchema) }, responses: { 201: { description: '{ token, storeId }' }, 404: err('unknown, used or expired code'), 400: common[400], 429: common[429] } } },
      '/api/consent-notice': {
        get: secured('kiosk, share', { summary: 'What the consent notice states for the caller’s store: dealer, maker, retention days, CRM location outside mainland China (null if none)', responses: { 200: ok('notice facts', ConsentNoticeParamsSchema), ...common } }),
      },
      '/api/store-settings': {
        get: {
          summary: 'What a store’s kiosks run on: names, cars shown, prices, idle timings, languages, share origin; `problem` when its store file is bad (file and fields named) and the last good settings or the defaults run',
          description: 'Public (nothing in it is secret). With a bearer token: the token’s store (a token limited to a store asking another gets 403); without: `store`, else this server’s LOCAL_STORE_ID. `Cache-Control: no-store`.',
          parameters: params(StoreSettingsQuerySchema),
          responses: { 200: ok('the running settings, where they come from, the file’s problem', StoreSettingsResponseSchema), 400: common[400], 401: err('a token was sent and it is unknown or revoked'), 403: common[403], 404: err('no such store'), 429: common[429] },
        },
        put: secured('manager (own store, or any for a manager of every store)', {
          summary: 'Replace a store’s settings: checked as the store file is (fields missing take their defaults; `cars` must be in the served line-up), written atomically (the previous file kept as `.bak`) and applied at once',
          requestBody: { required: true, content: json(StoreSettingsSchema) },
          responses: {
            200: ok('saved and running', StoreSettingsResponseSchema), 404: err('no such store'), 409: err('this server keeps no settings file for the store (STORE_CONFIG_FILE without {store} is the local store’s only)'),
            413: err('body over 32 KB'), 503: err('the file could not be written; the running settings are unchanged'), ...common,
          },
        }),
      },
      '/api/kiosks/heartbeat': {
        post: secured('kiosk', {
          summary: 'A kiosk’s heartbeat, once a minute (and at start and when its network returns): its version, screen, outbox counts, storage, service worker and last error. Stored as the kiosk’s one row (the token is the kiosk); a failed beat is not resent',
          description: 'Roles: kiosk. The kiosk is its token: the body names none. `lastError` is the page’s last uncaught error or unhandled rejection, scrubbed of numbers, addresses, tokens and non-ASCII text. `Cache-Control: no-store`.',
          requestBody: { required: true, content: json(HeartbeatSchema) },
          responses: { 200: ok('stored: the kiosk id (its token’s) and store', HeartbeatReceiptSchema), 413: err('body over 32 KB'), ...common },
        }),
      },
      '/api/kiosks': {
        get: secured('rep (own store), manager (own store, or any for a manager of every store)', {
          summary: 'Every kiosk of the store that has sent a heartbeat (with its token in force): last seen, seconds since, what it reported, and `quiet` when not seen for more than KIOSK_QUIET_AFTER_S (default 180)',
          description: 'Roles: rep (own store), manager. Without `store` a manager of every store gets every store’s kiosks. For a store’s watchdog (docs/deploy.md, “Heartbeat and watchdog”) and rep mode. `Cache-Control: no-store`.',
          parameters: params(KiosksQuerySchema),
          responses: { 200: ok('the kiosks, the quiet threshold and the server’s version', KioskListSchema), ...common },
        }),
      },
      '/api/me': { get: secured('any', { summary: 'The calling token’s role and store', responses: { 200: ok('role and store', MeSchema), 401: common[401] } }) },
      '/api/kiosk-config': { get: { summary: 'The local kiosk’s token; loopback, same-origin requests only', responses: { 200: { description: '{ token, storeId, publicOrigin? } (publicOrigin: PUBLIC_ORIGIN, for share links)' }, 403: err('not local') } } },
      '/api/health': { get: { summary: 'Liveness', responses: { 200: { description: '{ status: "ok" }' } } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
