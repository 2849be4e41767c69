/**
 * Kiosk heartbeats: POST /api/kiosks/heartbeat (a kiosk token, once a minute) and GET /api/kiosks
 * (a store's rep or manager, a manager of every store, and the watchdog scripts they run): each
 * kiosk's last beat, how long ago, and whether it went quiet.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HeartbeatSchema } from '../leads/heartbeat-schema.ts';
import { StoreIdSchema } from '../leads/lead-schema.ts';
import { scopeStore } from './auth.ts';
import type { AppContext } from './context.ts';
import { listKiosks, recordHeartbeat } from './heartbeat-repo.ts';
import { parse } from './validate.ts';

/** Query of GET /api/kiosks. */
export const KiosksQuerySchema = z.strictObject({ store: StoreIdSchema.optional().describe('the store (a manager of every store; default: every store, or the token’s)') });

export type HeartbeatOptions = {
  /** Seconds without a beat after which a kiosk is `quiet` (KIOSK_QUIET_AFTER_S). */
  quietAfterS: number;
  /** The server's version, for the rep's "not updated" warning. */
  version: string;
};

/** Registers POST /api/kiosks/heartbeat and GET /api/kiosks. */
export function heartbeatRoutes(app: FastifyInstance, ctx: AppContext, options: HeartbeatOptions): void {
  const { db, auth, now } = ctx;

  // Only a kiosk token: a share link's phone is not a kiosk, and a beat names no kiosk of its own
  // (the token is its identity, so one kiosk cannot report for another).
  app.post('/api/kiosks/heartbeat', { preHandler: auth.require('kiosk') }, async (req, reply) => {
    const beat = parse(HeartbeatSchema, req.body);
    const { tokenId, storeId } = req.principal!;
    await db.transaction((tx) => recordHeartbeat(tx, tokenId, storeId!, beat, now()));
    return reply.header('cache-control', 'no-store').send({ kioskId: tokenId, storeId });
  });

  app.get('/api/kiosks', { preHandler: auth.require('rep', 'manager') }, async (req, reply) => {
    const q = parse(KiosksQuerySchema, req.query, 'query');
    const storeId = scopeStore(req.principal!, q.store);
    const nowMs = now();
    const kiosks = await db.transaction((tx) => listKiosks(tx, storeId, nowMs, options.quietAfterS));
    return reply.header('cache-control', 'no-store').send({ now: new Date(nowMs).toISOString(), quietAfterS: options.quietAfterS, serverVersion: options.version, kiosks });
  });
}
