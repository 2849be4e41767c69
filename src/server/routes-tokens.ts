/** Token management for managers: list, create (rep or kiosk), revoke. Secrets are shown once. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { StoreIdSchema } from '../leads/lead-schema.ts';
import { createToken, listTokens, revokeToken, storeExists } from './auth-repo.ts';
import { scopeStore } from './auth.ts';
import type { AppContext } from './context.ts';
import { HttpError } from './errors.ts';
import { parse } from './validate.ts';

/** Body of POST /api/tokens: managers make rep and kiosk tokens (manager tokens only by CLI). */
export const CreateTokenSchema = z.strictObject({ role: z.enum(['kiosk', 'rep']), storeId: StoreIdSchema, label: z.string().trim().min(1).max(64).optional() });
/** Path parameter of DELETE /api/tokens/:id. */
export const TokenIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{12}$/, 'token id') });

/** Registers the token routes. */
export function tokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, auth, now } = ctx;

  app.get('/api/tokens', { preHandler: auth.require('manager') }, async (req) => {
    const scope = req.principal!.storeId;
    const rows = await db.transaction((tx) => listTokens(tx));
    return {
      tokens: rows
        .filter((t) => scope === null || t.store_id === scope)
        .map((t) => ({ id: t.id, role: t.role, storeId: t.store_id, label: t.label, createdAt: new Date(Number(t.created_at)).toISOString(), revoked: t.revoked_at !== null })),
    };
  });

  app.post('/api/tokens', { preHandler: auth.require('manager') }, async (req, reply) => {
    const body = parse(CreateTokenSchema, req.body);
    scopeStore(req.principal!, body.storeId);
    const created = await db.transaction(async (tx) => ((await storeExists(tx, body.storeId)) ? createToken(tx, body.role, body.storeId, body.label ?? `api ${body.role}`, now()) : null));
    if (!created) throw new HttpError(404, 'not_found', 'no such store', 'storeId');
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.delete('/api/tokens/:id', { preHandler: auth.require('manager') }, async (req, reply) => {
    const { id } = parse(TokenIdParams, req.params, 'params');
    const scope = req.principal!.storeId;
    const revoked = await db.transaction(async (tx) => {
      const row = await tx.get<{ store_id: string | null }>('SELECT store_id FROM tokens WHERE id = ?', [id]);
      if (!row || (scope !== null && row.store_id !== scope)) return false;
      return revokeToken(tx, id, now());
    });
    if (!revoked) throw new HttpError(404, 'not_found', 'no such active token');
    auth.forget();
    return reply.code(204).send();
  });
}
