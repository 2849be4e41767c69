import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, purgeExpiredTokens, revokeToken, SHARE_TOKEN_TTL_MS } from '../../src/server/auth-repo.ts';
import { auth, BACKENDS, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

type Who = 'none' | 'kiosk' | 'rep' | 'manager';
const ALL: Who[] = ['none', 'kiosk', 'rep', 'manager'];

/** Each route and the callers it admits (everyone else: 401 without a token, 403 with one). */
const MATRIX: { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: () => object; allowed: Who[] }[] = [
  { method: 'POST', url: '/api/leads', body: () => lead({}, nextPhone()), allowed: ['kiosk'] },
  { method: 'POST', url: '/api/events', body: () => ({ events: [{ id: randomUUID(), sessionId: randomUUID(), type: 'session_started', at: '2026-05-01T10:00:00+08:00' }] }), allowed: ['kiosk'] },
  { method: 'GET', url: '/api/leads', allowed: ['rep', 'manager'] },
  { method: 'GET', url: `/api/leads/${randomUUID()}`, allowed: ['rep', 'manager'] },
  { method: 'POST', url: `/api/leads/${randomUUID()}/contacted`, allowed: ['rep', 'manager'] },
  { method: 'POST', url: `/api/leads/${randomUUID()}/test-drive`, allowed: ['rep', 'manager'] },
  { method: 'GET', url: '/api/export/leads.csv', allowed: ['manager'] },
  { method: 'DELETE', url: `/api/leads/${randomUUID()}`, allowed: ['manager'] },
  { method: 'POST', url: '/api/erasure', body: () => ({ phone: nextPhone() }), allowed: ['manager'] },
  { method: 'GET', url: '/api/funnel', allowed: ['rep', 'manager'] },
  { method: 'POST', url: '/api/share-tokens', allowed: ['kiosk'] },
  { method: 'POST', url: '/api/pairing-codes', body: () => ({ storeId: 'store-a' }), allowed: ['manager'] },
  { method: 'GET', url: '/api/me', allowed: ['kiosk', 'rep', 'manager'] },
  { method: 'GET', url: '/api/tokens', allowed: ['manager'] },
  { method: 'POST', url: '/api/tokens', body: () => ({ role: 'rep', storeId: 'store-a' }), allowed: ['manager'] },
  { method: 'DELETE', url: '/api/tokens/000000000000', allowed: ['manager'] },
  { method: 'GET', url: '/api/health', allowed: ALL },
  { method: 'GET', url: '/api/openapi.json', allowed: ALL },
];

describe.each(BACKENDS)('permission matrix (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  const call = (m: (typeof MATRIX)[number], who: Who) =>
    f.app.inject({ method: m.method, url: m.url, headers: who === 'none' ? {} : auth(f.tokens[who]), ...(m.body ? { payload: m.body() } : {}) });

  for (const m of MATRIX) {
    for (const who of ALL) {
      const allowed = m.allowed.includes(who);
      it(`${m.method} ${m.url.replace(/[0-9a-f-]{36}/, ':id')} as ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const res = await call(m, who);
        if (allowed) expect([200, 201, 202, 204, 404]).toContain(res.statusCode);
        else expect(res.statusCode).toBe(who === 'none' ? 401 : 403);
      });
    }
  }

  it('refuses a revoked token at once on the instance that revoked it', async () => {
    const { id, token } = await f.db.transaction((tx) => createToken(tx, 'rep', 'store-a', 'temp', f.clock.ms));
    expect((await f.app.inject({ url: '/api/leads', headers: auth(token) })).statusCode).toBe(200);
    await f.db.transaction((tx) => revokeToken(tx, id, f.clock.ms));
    f.clock.ms += 5_001; // token cache lifetime
    expect((await f.app.inject({ url: '/api/leads', headers: auth(token) })).statusCode).toBe(401);
  });

  it('lets a manager create and revoke a rep token through the API, effective at once', async () => {
    const created = await f.app.inject({ method: 'POST', url: '/api/tokens', headers: auth(f.tokens.manager), payload: { role: 'rep', storeId: 'store-b', label: 'Li Na' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect((await f.app.inject({ url: '/api/me', headers: auth(token) })).json()).toEqual({ role: 'rep', storeId: 'store-b' });
    const listed = (await f.app.inject({ url: '/api/tokens', headers: auth(f.tokens.manager) })).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.tokens.find((t: { id: string }) => t.id === id)).toMatchObject({ role: 'rep', storeId: 'store-b', revoked: false });
    expect((await f.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(204);
    expect((await f.app.inject({ url: '/api/me', headers: auth(token) })).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'POST', url: '/api/tokens', headers: auth(f.tokens.manager), payload: { role: 'manager', storeId: 'store-a' } })).statusCode).toBe(400);
  });

  it('issues a kiosk a share-link token: create-only for its store, expiring, unable to renew itself', async () => {
    const issued = await f.app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(f.tokens.kioskB) });
    expect(issued.statusCode).toBe(201);
    const { token, storeId, expiresAt } = issued.json();
    expect(storeId).toBe('store-b');
    expect(Date.parse(expiresAt)).toBe(f.clock.ms + SHARE_TOKEN_TTL_MS);
    const body = lead({}, nextPhone());
    expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body })).statusCode).toBe(201);
    const stored = (await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).json();
    expect(stored.storeId).toBe('store-b');
    expect((await f.app.inject({ url: '/api/leads', headers: auth(token) })).statusCode).toBe(403);
    // A share token cannot mint another, so a leaked link cannot extend its own life.
    expect((await f.app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(token) })).statusCode).toBe(403);

    f.clock.ms += SHARE_TOKEN_TTL_MS + 10_000; // past the expiry and the token cache
    expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: lead({}, nextPhone()) })).statusCode).toBe(401);
    expect(await f.db.transaction((tx) => purgeExpiredTokens(tx, f.clock.ms))).toBe(0); // kept 30 days after expiry
    expect(await f.db.transaction((tx) => purgeExpiredTokens(tx, f.clock.ms + 31 * 24 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect((await f.app.inject({ url: '/api/me', headers: auth(f.tokens.kioskB) })).statusCode).toBe(200); // long-lived tokens stay
  });

  it('refuses unknown and malformed bearer tokens', async () => {
    for (const h of ['Bearer stw_manager_nope', 'Basic abc', 'Bearer ', 'Bearer ' + 'x'.repeat(5000)]) {
      expect((await f.app.inject({ url: '/api/leads', headers: { authorization: h } })).statusCode).toBe(401);
    }
  });

  it('stores tokens only as hashes', async () => {
    const rows = await f.db.transaction((tx) => tx.all<{ token_hash: string }>('SELECT token_hash FROM tokens'));
    const plain = Object.values(f.tokens);
    expect(rows.some((r) => plain.includes(r.token_hash))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
