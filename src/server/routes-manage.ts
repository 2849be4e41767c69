/** Rep and manager routes besides leads: who am I, funnel, pairing codes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { StoreIdSchema } from '../leads/lead-schema.ts';
import { issuePairingCode } from './auth-repo.ts';
import { scopeStore } from './auth.ts';
import type { AppContext } from './context.ts';
import { HttpError } from './errors.ts';
import { cstDay } from '../leads/cst-day.ts';
import { funnel } from './funnel-repo.ts';
import { parse } from './validate.ts';

/** Query of GET /api/funnel (CST days, both inclusive; default the last 30). */
export const FunnelQuerySchema = z.strictObject({
  from: z.iso.date().optional().describe('CST day (inclusive)'),
  to: z.iso.date().optional().describe('CST day (inclusive: the whole day)'),
  store: StoreIdSchema.optional(),
});
/** Body of POST /api/pairing-codes. */
export const PairingCodeSchema = z.strictObject({ storeId: StoreIdSchema });

const DAY_MS = 24 * 3600_000;

/** Registers GET /api/me, GET /api/funnel and POST /api/pairing-codes. */
export function manageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, auth, now } = ctx;

  app.get('/api/me', { preHandler: auth.require('kiosk', 'rep', 'manager') }, async (req) => ({ role: req.principal!.role, storeId: req.principal!.storeId }));

  app.get('/api/funnel', { preHandler: auth.require('rep', 'manager') }, async (req) => {
    const q = parse(FunnelQuerySchema, req.query, 'query');
    const to = q.to ?? cstDay(now());
    const from = q.from ?? cstDay(Date.parse(`${to}T12:00:00+08:00`) - 29 * DAY_MS);
    if (from > to) throw new HttpError(400, 'invalid', 'query field from: after to', 'from');
    if (Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw new HttpError(400, 'invalid', 'query field from: at most 366 days', 'from');
    const storeId = scopeStore(req.principal!, q.store);
    return { from, to, ...(await db.transaction((tx) => funnel(tx, from, to, storeId))) };
  });

  app.post('/api/pairing-codes', { preHandler: auth.require('manager') }, async (req, reply) => {
    const { storeId } = parse(PairingCodeSchema, req.body);
    scopeStore(req.principal!, storeId);
    const issued = await db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 AS x FROM stores WHERE id = ?', [storeId]))) return null;
      return issuePairingCode(tx, storeId, now());
    });
    if (!issued) throw new HttpError(404, 'not_found', 'no such store', 'storeId');
    return reply.code(201).header('cache-control', 'no-store').send({ code: issued.code, expiresAt: new Date(issued.expiresAt).toISOString() });
  });
}
