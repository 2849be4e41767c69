/** Kiosk-facing routes: funnel events, pairing by code, and the local kiosk's config. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FunnelEventBatchSchema } from '../leads/event-schema.ts';
import { isLoopbackHost } from '../leads/loopback.ts';
import { CREATE_ROLES, mintShareToken, redeemPairingCode } from './auth-repo.ts';
import type { AppContext } from './context.ts';
import { HttpError } from './errors.ts';
import { firstEventOutOfTime, recordFunnelEvents } from './funnel-repo.ts';
import { parse } from './validate.ts';

/** Body of POST /api/pair. */
export const PairSchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z\s-]{6,16}$/, 'pairing code'),
  label: z.string().trim().min(1).max(64).optional(),
});

/** The token and store of the kiosk running on this machine (created at first start). */
export type LocalKiosk = { token: string; storeId: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);


/** Headers a reverse proxy adds; the kiosk browser on this machine sends none of them. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'via', 'x-forwarded-host', 'x-forwarded-proto'] as const;

/**
 * A request from a browser on this machine, to this server directly: loopback socket, a loopback
 * Host (defeats DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own
 * Host), no proxy headers, and not a cross-site fetch (another origin cannot read the answer anyway:
 * no CORS). It reads the socket and the raw headers, never `req.ip`/`req.host`: with TRUST_PROXY
 * those come from X-Forwarded-* and a client could claim 127.0.0.1. A proxy on this machine must
 * add one of PROXY_HEADERS, or every client it forwards would look local.
 */
export function isLocalRequest(req: FastifyRequest): boolean {
  const h = req.headers;
  return (
    LOOPBACK.has(req.socket.remoteAddress ?? '') &&
    isLoopbackHost(h.host ?? '') &&
    PROXY_HEADERS.every((name) => h[name] === undefined) &&
    (h['sec-fetch-site'] === undefined || h['sec-fetch-site'] === 'same-origin' || h['sec-fetch-site'] === 'none')
  );
}

/**
 * Registers POST /api/events, POST /api/share-tokens, POST /api/pair and GET /api/kiosk-config
 * (with `publicOrigin` when set: the origin the kiosk should put in share links).
 */
export function kioskRoutes(app: FastifyInstance, ctx: AppContext, localKiosk: LocalKiosk | undefined, pairLimit: (key: string) => boolean, publicOrigin?: string): void {
  const { db, auth, now } = ctx;

  app.post('/api/events', { preHandler: auth.require(...CREATE_ROLES) }, async (req, reply) => {
    const { events } = parse(FunnelEventBatchSchema, req.body);
    const late = firstEventOutOfTime(events, now(), ctx.retentionDays);
    if (late) throw new HttpError(400, 'invalid', `body field events.${late.index}.at: ${late.reason}`, `events.${late.index}.at`);
    const accepted = await db.transaction((tx) => recordFunnelEvents(tx, req.principal!.storeId!, events, now()));
    return reply.code(202).send({ accepted, duplicates: events.length - accepted });
  });

  // A kiosk puts this in a plan's share link: the customer's phone can then leave a lead for the
  // store. Only a kiosk token may ask (a share token has its own role), so a share token cannot
  // renew itself; a kiosk gets at most shareTokensPerHour of them an hour.
  app.post('/api/share-tokens', { preHandler: auth.require('kiosk') }, async (req, reply) => {
    const principal = req.principal!;
    const nowMs = now();
    const issued = await db.transaction((tx) => mintShareToken(tx, principal.tokenId, principal.storeId!, nowMs, ctx.shareTokensPerHour));
    if ('retryAtMs' in issued) {
      reply.header('retry-after', String(Math.max(1, Math.ceil((issued.retryAtMs - nowMs) / 1000))));
      throw new HttpError(429, 'rate_limited', `at most ${ctx.shareTokensPerHour} share-link tokens per kiosk per hour`);
    }
    return reply.code(201).header('cache-control', 'no-store').send({ token: issued.token, storeId: principal.storeId, expiresAt: new Date(issued.expiresAt).toISOString() });
  });

  app.post('/api/pair', async (req, reply) => {
    if (pairLimit(req.ip)) throw new HttpError(429, 'rate_limited', 'too many pairing attempts; wait a minute');
    const { code, label } = parse(PairSchema, req.body);
    const paired = await db.transaction((tx) => redeemPairingCode(tx, code, label ?? 'paired kiosk', now()));
    if (!paired) throw new HttpError(404, 'unknown_code', 'unknown, used or expired pairing code', 'code');
    return reply.code(201).header('cache-control', 'no-store').send(paired);
  });

  app.get('/api/kiosk-config', async (req, reply) => {
    if (!localKiosk || !isLocalRequest(req)) throw new HttpError(403, 'forbidden', 'only the kiosk on this machine gets its config; pair other kiosks with a code');
    return reply.header('cache-control', 'no-store').send(publicOrigin ? { ...localKiosk, publicOrigin } : localKiosk);
  });
}
