/**
 * buildApp: the lead server as a fastify instance, not listening (tests call inject()). Routes are
 * validated at the edge with the shared zod schemas; every error is a JSON 4xx naming the problem,
 * storage failures a 503 the kiosk outbox will retry. Nothing personal is logged: request logs hold
 * the method, route pattern and status only.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { TokenAuth, bearer } from './auth.ts';
import type { AppContext } from './context.ts';
import type { Keys } from './crypto.ts';
import type { Db } from './db.ts';
import { appVersion } from './app-version.ts';
import { HttpError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { RateLimiter } from './rate-limit.ts';
import { securityHeaders } from './security-headers.ts';
import { kioskRoutes, type LocalKiosk } from './routes-kiosk.ts';
import { heartbeatRoutes } from './routes-heartbeat.ts';
import { leadRoutes } from './routes-leads.ts';
import { manageRoutes } from './routes-manage.ts';
import { DEFAULT_NOTICE, noticeRoutes, type NoticeSettings } from './routes-notice.ts';
import { storeSettingsRoutes } from './routes-store-settings.ts';
import { tokenRoutes } from './routes-tokens.ts';
import { StoreSettingsService, type StoreSettingsOptions } from './store-settings-service.ts';
import { readLineupIds } from './lineup.ts';
import { DEFAULT_QUIET_AFTER_S } from '../leads/heartbeat-schema.ts';

/** Larger bodies get 413. */
export const BODY_LIMIT_BYTES = 32 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /api/...` of every API route, for the OpenAPI consistency test. */
    apiRoutes: string[];
    /** Each store's settings from its store file (STORE_CONFIG_FILE). */
    storeSettings: StoreSettingsService;
  }
}

export type BuildAppOptions = {
  db: Db;
  keys: Keys;
  /** Clock in epoch milliseconds (tests pass a fake one). */
  now?: () => number;
  /** Requests per minute per token and per client address on /api (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  tokenCacheMs?: number;
  crmEnabled?: boolean;
  onLeadStored?: () => void;
  /** Days leads are kept (RETENTION_DAYS, default 365); older funnel events are refused. */
  retentionDays?: number;
  /** Share-link tokens a kiosk may mint per hour (SHARE_TOKENS_PER_HOUR, default 6). */
  shareTokensPerHour?: number;
  /** Built kiosk to serve with SPA fallback (dist/); omitted in API-only tests. */
  staticDir?: string;
  localKiosk?: LocalKiosk;
  logger?: FastifyServerOptions['logger'];
  /** Reverse proxies (addresses, CIDR ranges: TRUST_PROXY) whose X-Forwarded-For gives the client address; none by default. */
  trustProxy?: readonly string[];
  /** This build's version for /api/health (default: package.json's and the git commit). */
  version?: string;
  /** Dealer, maker and CRM location for the consent notice (DEALER_NAME, MAKER_NAME, CRM_LOCATION). */
  notice?: NoticeSettings;
  /** Origin phones should open share links at (PUBLIC_ORIGIN), for the local kiosk's config. */
  publicOrigin?: string;
  /**
   * The store files (STORE_CONFIG_FILE). Defaults: no file, the local kiosk's store, the notice's
   * dealer name, the line-up of `staticDir`'s models/index.json.
   */
  storeSettings?: Partial<StoreSettingsOptions>;
  /** Seconds without a heartbeat after which GET /api/kiosks calls a kiosk quiet (KIOSK_QUIET_AFTER_S, default 180). */
  kioskQuietAfterS?: number;
};

/** Log serializers that keep personal data out: no headers, no query strings, no bodies. */
const serializers = {
  req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Builds the app with every route, hook and error mapping; call listen() (main.ts) or inject() (tests). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const logger = options.logger === undefined || options.logger === false ? false : { ...(typeof options.logger === 'object' ? options.logger : {}), serializers };
  const trustProxy = options.trustProxy?.length ? [...options.trustProxy] : false;
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, trustProxy, return503OnClosing: true });
  const auth = new TokenAuth(options.db, options.tokenCacheMs ?? 5000, now);
  const ctx: AppContext = {
    db: options.db, keys: options.keys, auth, now, crmEnabled: options.crmEnabled ?? false, onLeadStored: options.onLeadStored ?? (() => undefined),
    retentionDays: options.retentionDays ?? 365,
    shareTokensPerHour: options.shareTokensPerHour ?? 6,
  };

  const apiRoutes: string[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (r.url.startsWith('/api/')) for (const m of methods) if (m !== 'HEAD') apiRoutes.push(`${m} ${r.url}`);
  });
  app.decorate('apiRoutes', apiRoutes);

  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 300, now);
  const pairLimiter = new RateLimiter(10, now);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = bearer(req);
    const keys = [`ip:${req.ip}`];
    if (token) keys.push(`token:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`);
    const verdict = limiter.hit(keys);
    if (verdict.limited) {
      reply.header('retry-after', String(verdict.retryAfterS));
      throw new HttpError(429, 'rate_limited', 'too many requests; slow down');
    }
    reply.header('x-ratelimit-remaining', String(verdict.remaining));
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders(req));
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    const status = error.statusCode ?? 0;
    if (status >= 400 && status < 500) {
      const field = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body' : undefined;
      return reply.code(status).send({ error: (error.code ?? 'bad_request').toLowerCase(), message: error.message, ...(field ? { field } : {}) });
    }
    req.log.error({ code: error.code, name: error.name }, 'request failed');
    return reply.code(503).header('retry-after', '5').send({ error: 'unavailable', message: 'storage unavailable; retry later' });
  });

  const notice = options.notice ?? DEFAULT_NOTICE;
  const staticDir = options.staticDir;
  const storeSettings = new StoreSettingsService(
    {
      localStoreId: options.localKiosk?.storeId ?? 'local',
      defaultName: notice.dealerName,
      lineupIds: () => (staticDir === undefined ? null : readLineupIds(staticDir)),
      ...options.storeSettings,
    },
    app.log,
  );
  await storeSettings.start();
  app.decorate('storeSettings', storeSettings);
  app.addHook('onClose', async () => storeSettings.close());

  leadRoutes(app, ctx);
  kioskRoutes(app, ctx, options.localKiosk, (ip) => pairLimiter.hit([ip]).limited, options.publicOrigin);
  manageRoutes(app, ctx);
  tokenRoutes(app, ctx);
  noticeRoutes(app, ctx, notice, ctx.retentionDays, async (storeId) => (await storeSettings.get(storeId)).settings.name);
  storeSettingsRoutes(app, ctx, storeSettings);
  const version = options.version ?? appVersion();
  heartbeatRoutes(app, ctx, { quietAfterS: options.kioskQuietAfterS ?? DEFAULT_QUIET_AFTER_S, version });
  // Liveness by default; `?deep=1` also runs a query (for load balancers that should skip an instance whose database is gone).
  app.get('/api/health', async (req, reply) => {
    if ((req.query as { deep?: string }).deep === '1') {
      const ok = await options.db.transaction((tx) => tx.get('SELECT 1 AS ok')).then(() => true, () => false);
      if (!ok) return reply.code(503).send({ status: 'storage unavailable', storage: options.db.dialect });
    }
    return { status: 'ok', storage: options.db.dialect, version };
  });
  const doc = openApiDocument();
  app.get('/api/openapi.json', async () => doc);

  const hasKiosk = staticDir !== undefined && existsSync(staticDir);
  if (hasKiosk) await app.register(fastifyStatic, { root: staticDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (hasKiosk && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: 'no such route' });
  });
  return app;
}
