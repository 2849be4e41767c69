/** Bearer-token authentication and role checks as fastify hooks. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findPrincipal, type Principal, type Role } from './auth-repo.ts';
import type { Db } from './db.ts';
import { HttpError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Reads `Authorization: Bearer <token>`; undefined when absent. */
export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer ([A-Za-z0-9_\-.~+/]{1,200}=*)$/.exec(header.trim());
  return m?.[1];
}

/**
 * Caches token lookups for `cacheMs` so a busy kiosk does not cost a query per request; a revoked
 * token stops working within that time on every instance (at once on the instance that revoked it).
 */
export class TokenAuth {
  private cache = new Map<string, { principal: Principal | null; expiresMs: number }>();

  constructor(
    private readonly db: Db,
    private readonly cacheMs: number,
    private readonly now: () => number,
  ) {}

  async principal(token: string): Promise<Principal | null> {
    const hit = this.cache.get(token);
    if (hit && hit.expiresMs > this.now()) return hit.principal;
    const principal = await findPrincipal(this.db, token, this.now());
    if (this.cache.size > 10_000) this.cache.clear();
    if (principal && this.cacheMs > 0) this.cache.set(token, { principal, expiresMs: this.now() + this.cacheMs });
    return principal;
  }

  forget(): void {
    this.cache.clear();
  }

  /** A preHandler that lets only the given roles through. */
  require(...roles: Role[]) {
    return async (req: FastifyRequest, _reply: FastifyReply) => {
      const token = bearer(req);
      if (!token) throw new HttpError(401, 'unauthorized', 'a bearer token is required');
      const principal = await this.principal(token);
      if (!principal) throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
      if (!roles.includes(principal.role)) throw new HttpError(403, 'forbidden', `this route needs the role ${roles.join(' or ')}`);
      req.principal = principal;
    };
  }
}

/** The store a request may see: a rep's own store, or for a manager the asked store (or all). */
export function scopeStore(principal: Principal, asked: string | undefined): string | null {
  if (principal.storeId === null) return asked ?? null;
  if (asked !== undefined && asked !== principal.storeId) throw new HttpError(403, 'forbidden', 'this token is limited to its own store');
  return principal.storeId;
}
