/** Lead routes: create (kiosk), list, detail, contacted, test drive, delete, erasure, CSV export. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cstDayStartMs } from '../leads/cst-day.ts';
import { LeadSchema, PhoneSchema, StoreIdSchema, TagSchema } from '../leads/lead-schema.ts';
import { CREATE_ROLES } from './auth-repo.ts';
import { scopeStore } from './auth.ts';
import { HttpError } from './errors.ts';
import { recordTestDrive } from './funnel-repo.ts';
import { exportCsv, getLead, listLeads, markContacted } from './lead-query.ts';
import { createLead, eraseByPhone, eraseLead } from './lead-repo.ts';
import type { AppContext } from './context.ts';
import { parse } from './validate.ts';

const DAY_MS = 24 * 3600_000;
const DateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** `from`: a CST day from its start (inclusive), or an instant (inclusive). */
const FromBound = DateOrInstant.transform((s) => (s.length === 10 ? cstDayStartMs(s) : Date.parse(s)));
/** `to`: a CST day up to its end (the whole day, as in /api/funnel), or an instant (exclusive). */
const ToBound = DateOrInstant.transform((s) => (s.length === 10 ? cstDayStartMs(s) + DAY_MS : Date.parse(s)));

/**
 * Query of GET /api/leads. `from` and `to` are CST (UTC+8) days, both inclusive as in /api/funnel,
 * or instants with an offset: `from` inclusive, `to` exclusive.
 */
export const LeadQuerySchema = z.strictObject({
  store: StoreIdSchema.optional(),
  tag: TagSchema.optional(),
  from: FromBound.optional().describe('CST day (inclusive, from its start) or instant with offset (inclusive)'),
  to: ToBound.optional().describe('CST day (inclusive: the whole day, as in /api/funnel) or instant with offset (exclusive)'),
  phone: PhoneSchema.optional(),
  q: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** Query of the CSV export. */
export const ExportQuerySchema = LeadQuerySchema.omit({ limit: true, offset: true, phone: true, q: true });
/** Path parameter of the lead routes. */
export const LeadIdParams = z.strictObject({ id: z.uuid().transform((s) => s.toLowerCase()) });
/** Body of POST /api/erasure. */
export const ErasureSchema = z.strictObject({ phone: PhoneSchema });

/** Registers the lead routes. */
export function leadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, keys, auth, now } = ctx;
  const inFlight = new Set<string>();

  app.post('/api/leads', { preHandler: auth.require(...CREATE_ROLES) }, async (req, reply) => {
    const lead = parse(LeadSchema, req.body);
    const storeId = req.principal!.storeId!;
    if (lead.storeId !== undefined && lead.storeId !== storeId) throw new HttpError(403, 'forbidden', 'storeId differs from the kiosk token store', 'storeId');
    if (inFlight.has(lead.id)) throw new HttpError(409, 'in_flight', 'a request with this lead id is still being processed; retry later');
    inFlight.add(lead.id);
    try {
      const outcome = await db.transaction((tx) => createLead(tx, keys, storeId, lead, now(), ctx.crmEnabled));
      if (!outcome.replayed) ctx.onLeadStored();
      return reply.code(outcome.status).header('idempotent-replayed', String(outcome.replayed)).send(outcome.body);
    } finally {
      inFlight.delete(lead.id);
    }
  });

  app.get('/api/leads', { preHandler: auth.require('rep', 'manager') }, async (req) => {
    const q = parse(LeadQuerySchema, req.query, 'query');
    const storeId = scopeStore(req.principal!, q.store);
    return listLeads(db, keys, { storeId, tag: q.tag, fromMs: q.from, toMs: q.to, phone: q.phone, q: q.q, limit: q.limit, offset: q.offset });
  });

  app.get('/api/export/leads.csv', { preHandler: auth.require('manager') }, async (req, reply) => {
    const q = parse(ExportQuerySchema, req.query, 'query');
    const storeId = scopeStore(req.principal!, q.store);
    const csv = await db.transaction((tx) => exportCsv(tx, keys, { storeId, tag: q.tag, fromMs: q.from, toMs: q.to }));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="leads.csv"').header('cache-control', 'no-store').send(csv);
  });

  app.get('/api/leads/:id', { preHandler: auth.require('rep', 'manager') }, async (req, reply) => {
    const { id } = parse(LeadIdParams, req.params, 'params');
    const lead = await db.transaction((tx) => getLead(tx, keys, id, req.principal!.storeId));
    if (!lead) throw new HttpError(404, 'not_found', 'no such lead');
    return reply.header('cache-control', 'no-store').send(lead);
  });

  app.post('/api/leads/:id/contacted', { preHandler: auth.require('rep', 'manager') }, async (req, reply) => {
    const { id } = parse(LeadIdParams, req.params, 'params');
    if (!(await db.transaction((tx) => markContacted(tx, id, req.principal!.storeId, now())))) throw new HttpError(404, 'not_found', 'no such lead');
    return reply.code(204).send();
  });

  app.post('/api/leads/:id/test-drive', { preHandler: auth.require('rep', 'manager') }, async (req, reply) => {
    const { id } = parse(LeadIdParams, req.params, 'params');
    if (!(await db.transaction((tx) => recordTestDrive(tx, id, req.principal!.storeId, randomUUID(), now())))) throw new HttpError(404, 'not_found', 'no such lead');
    return reply.code(204).send();
  });

  app.delete('/api/leads/:id', { preHandler: auth.require('manager') }, async (req, reply) => {
    const { id } = parse(LeadIdParams, req.params, 'params');
    const storeId = req.principal!.storeId;
    const erased = await db.transaction(async (tx) => {
      const row = await tx.get<{ store_id: string }>('SELECT store_id FROM leads WHERE id = ?', [id]);
      if (!row || (storeId !== null && row.store_id !== storeId)) return false;
      return eraseLead(tx, id, 'request', now(), ctx.crmEnabled);
    });
    if (!erased) throw new HttpError(404, 'not_found', 'no such lead');
    return reply.code(204).send();
  });

  app.post('/api/erasure', { preHandler: auth.require('manager') }, async (req) => {
    const { phone } = parse(ErasureSchema, req.body);
    const erased = await db.transaction((tx) => eraseByPhone(tx, keys, phone, req.principal!.storeId, now(), ctx.crmEnabled));
    return { erased };
  });
}
