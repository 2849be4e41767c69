/**
 * GET /api/store-settings: what a store's kiosks run on (public: names, cars, prices, timings,
 * languages, share origin; nothing secret), with the store file's problem if it has one. PUT: a
 * manager replaces the store's settings; the body is checked with the same schema as the file,
 * written atomically and applied at once.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { StoreIdSchema } from '../leads/lead-schema.ts';
import { settingsIssues } from '../store/settings-issues.ts';
import { storeSettingsSchema, type StoreSettings } from '../store/store-settings.ts';
import { storeExists } from './auth-repo.ts';
import { bearer, scopeStore } from './auth.ts';
import type { AppContext } from './context.ts';
import { HttpError } from './errors.ts';
import type { StoreSettingsService } from './store-settings-service.ts';
import { parse } from './validate.ts';

/** Parses a PUT body; a 400 names the field as a file problem would (an unknown key by its own path). */
function parseSettings(service: StoreSettingsService, body: unknown): StoreSettings {
  const result = storeSettingsSchema(service.schemaOptions()).safeParse(body);
  if (result.success) return result.data;
  const first = settingsIssues(result.error)[0];
  const field = first?.path || '(body)';
  throw new HttpError(400, 'invalid', `body field ${field}: ${first?.message ?? 'invalid'}`, field);
}

/** Query of GET /api/store-settings. */
export const StoreSettingsQuerySchema = z.strictObject({ store: StoreIdSchema.optional().describe('the store (default: the token’s store, else this server’s LOCAL_STORE_ID)') });

/** Registers GET and PUT /api/store-settings. */
export function storeSettingsRoutes(app: FastifyInstance, ctx: AppContext, service: StoreSettingsService): void {
  const { db, auth } = ctx;

  /** Refuses a store the database does not know (the local store is created at start). */
  const known = async (storeId: string, field: string) => {
    if (storeId === service.localStoreId) return;
    if (!(await db.transaction((tx) => storeExists(tx, storeId)))) throw new HttpError(404, 'not_found', 'no such store', field);
  };

  // A kiosk sends its token, so a paired kiosk on a central server gets its own store's settings;
  // without one (a kiosk before it has a token), `?store=` or the local store.
  app.get('/api/store-settings', async (req, reply) => {
    const { store } = parse(StoreSettingsQuerySchema, req.query, 'query');
    const token = bearer(req);
    let storeId = store ?? service.localStoreId;
    if (token) {
      const principal = await auth.principal(token);
      if (!principal) throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
      storeId = scopeStore(principal, store) ?? service.localStoreId;
    }
    await known(storeId, 'store');
    return reply.header('cache-control', 'no-store').send(await service.get(storeId));
  });

  app.put('/api/store-settings', { preHandler: auth.require('manager') }, async (req, reply) => {
    const settings = parseSettings(service, req.body);
    scopeStore(req.principal!, settings.storeId);
    if (service.pathFor(settings.storeId) === null) {
      throw new HttpError(409, 'not_editable', `this server keeps a settings file for store ${service.localStoreId} only (STORE_CONFIG_FILE; use {store} in its name for one file per store)`, 'storeId');
    }
    await known(settings.storeId, 'storeId');
    try {
      const saved = await service.save(settings.storeId, settings, req.principal!.tokenId);
      return reply.header('cache-control', 'no-store').send(saved);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
      req.log.error({ file: service.pathFor(settings.storeId), code }, 'store settings not saved');
      throw new HttpError(503, 'not_saved', `the settings file could not be written (${code}); the running settings are unchanged`);
    }
  });
}
