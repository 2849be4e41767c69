import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createToken, purgeExpiredTokens, revokeToken, SHARE_TOKEN_TTL_MS } from '../../src/server/auth-repo.ts';
import { secretHash } from '../../src/server/crypto.ts';
import { migrate } from '../../src/server/migrations.ts';
import { auth, BACKENDS, keys, lead, makeFixture, nextPhone, openTestDb, T0, type Fixture } from './helpers.ts';

/** `share`: a share-link token (a plan's QR link on a customer's phone). */
type Who = 'none' | 'kiosk' | 'share' | 'rep' | 'manager';
const ALL: Who[] = ['none', 'kiosk', 'share', 'rep', 'manager'];

/** Each route and the callers it admits (everyone else: 401 without a token, 403 with one). */
const MATRIX: { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: () => object; allowed: Who[] }[] = [
  { method: 'POST', url: '/api/leads', body: () => lead({}, nextPhone()), allowed: ['kiosk', 'share'] },
  { method: 'POST', url: '/api/events', body: () => ({ events: [{ id: randomUUID(), sessionId: randomUUID(), type: 'session_started', at: '2026-05-01T10:00:00+08:00' }] }), allowed: ['kiosk', 'share'] },
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
  { method: 'POST', url: '/api/kiosks/heartbeat', body: () => ({ version: 'dev', screen: 'home', outbox: null, storage: null, serviceWorker: null, lastError: null }), allowed: ['kiosk'] },
  { method: 'GET', url: '/api/kiosks', allowed: ['rep', 'manager'] },
  { method: 'GET', url: '/api/store-settings', allowed: ALL },
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

  it('issues a kiosk a share-link token: its own role, create-only for its store, expiring, unable to renew itself', async () => {
    const issued = await f.app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(f.tokens.kioskB) });
    expect(issued.statusCode).toBe(201);
    const { token, storeId, expiresAt } = issued.json();
    expect(token).toMatch(/^stw_share_[A-Za-z0-9_-]{43}$/);
    expect(storeId).toBe('store-b');
    expect(Date.parse(expiresAt)).toBe(f.clock.ms + SHARE_TOKEN_TTL_MS);
    const body = lead({}, nextPhone());
    expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body })).statusCode).toBe(201);
    const stored = (await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).json();
    expect(stored.storeId).toBe('store-b');
    expect((await f.app.inject({ url: '/api/leads', headers: auth(token) })).statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/me', headers: auth(token) })).statusCode).toBe(403);
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

describe.each(BACKENDS)('share-link tokens minted per kiosk per hour (%s)', (backend) => {
  let f: Fixture;
  /** A kiosk token of its own: the fixture's `kiosk` already issued the fixture's share token. */
  let kiosk: { id: string; token: string };
  beforeAll(async () => {
    f = await makeFixture(backend, { shareTokensPerHour: 3 });
    kiosk = await f.db.transaction((tx) => createToken(tx, 'kiosk', 'store-a', 'limit test', f.clock.ms));
  });
  afterAll(() => f.close());

  const mint = (token: string, app = f.app) => app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(token) });

  it('answers 429 with Retry-After past the limit, counted in the database (another instance sees it), per kiosk, until the hour has passed', async () => {
    const start = f.clock.ms;
    for (let i = 0; i < 3; i++) {
      expect((await mint(kiosk.token)).statusCode).toBe(201);
      f.clock.ms += 10 * 60_000;
    }
    const limited = await mint(kiosk.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(30 * 60)); // the first of the three leaves the hour in 30 minutes
    expect(limited.json().error).toBe('rate_limited');

    // A second instance on the same database (or this one after a restart) counts the same tokens.
    const other = await buildApp({ db: f.db, keys, now: () => f.clock.ms, rateLimitPerMinute: 1_000_000, shareTokensPerHour: 3 });
    try {
      expect((await mint(kiosk.token, other)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
    expect((await mint(f.tokens.kioskB)).statusCode).toBe(201); // another kiosk has its own count

    f.clock.ms = start + 3600_000 + 1; // the first one is now older than an hour
    expect((await mint(kiosk.token)).statusCode).toBe(201);
    expect((await mint(kiosk.token)).statusCode).toBe(429);
  });

  it('gives exactly the limit to a burst of concurrent requests on two instances', async () => {
    const burst = await f.db.transaction((tx) => createToken(tx, 'kiosk', 'store-a', 'burst test', f.clock.ms));
    const other = await buildApp({ db: f.db, keys, now: () => f.clock.ms, rateLimitPerMinute: 1_000_000, shareTokensPerHour: 3 });
    try {
      const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => mint(burst.token, i % 2 ? other : f.app).then((r) => r.statusCode)));
      expect(codes.filter((c) => c === 201)).toHaveLength(3);
      expect(codes.filter((c) => c === 429)).toHaveLength(9);
    } finally {
      await other.close();
    }
  });

  it('records which kiosk token issued each share token', async () => {
    const rows = await f.db.transaction((tx) => tx.all<{ role: string; issued_by: string | null }>("SELECT role, issued_by FROM tokens WHERE label = 'share link'"));
    expect(rows.length).toBe(8); // 4 by `kiosk`, 1 by kioskB, 3 by the burst's kiosk
    expect(rows.every((r) => r.role === 'share')).toBe(true);
    expect(rows.filter((r) => r.issued_by === kiosk.id)).toHaveLength(4);
  });
});

describe.each(BACKENDS)('migration 3 (%s)', (backend) => {
  it('turns share tokens stored as expiring kiosk tokens into the share role, and leaves kiosk tokens be', async () => {
    const t = await openTestDb(backend);
    try {
      await migrate(t.db, T0, 2); // a database from before migration 3
      const made = await t.db.transaction(async (tx) => {
        await tx.run("INSERT INTO stores (id, name, created_at) VALUES ('store-a', 'A', ?)", [T0]);
        const insert = 'INSERT INTO tokens (id, token_hash, role, store_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
        const kiosk = `stw_kiosk_${'k'.repeat(43)}`;
        await tx.run(insert, ['0000000000k1', secretHash(kiosk), 'kiosk', 'store-a', 'kiosk', T0, null]);
        // What POST /api/share-tokens stored before: a kiosk-role token that expires.
        const share = `stw_kiosk_${'s'.repeat(43)}`;
        await tx.run(insert, ['0000000000s1', secretHash(share), 'kiosk', 'store-a', 'share link', T0, T0 + SHARE_TOKEN_TTL_MS]);
        return { kiosk, share };
      });
      await migrate(t.db, T0);
      const app = await buildApp({ db: t.db, keys, now: () => T0 });
      try {
        expect((await app.inject({ url: '/api/me', headers: auth(made.share) })).statusCode).toBe(403);
        expect((await app.inject({ method: 'POST', url: '/api/leads', headers: auth(made.share), payload: lead({}, nextPhone()) })).statusCode).toBe(201);
        expect((await app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(made.share) })).statusCode).toBe(403);
        expect((await app.inject({ url: '/api/me', headers: auth(made.kiosk) })).json()).toEqual({ role: 'kiosk', storeId: 'store-a' });
      } finally {
        await app.close();
      }
      const roles = await t.db.transaction((tx) => tx.all<{ label: string; role: string }>('SELECT label, role FROM tokens ORDER BY label'));
      expect(roles).toEqual([{ label: 'kiosk', role: 'kiosk' }, { label: 'share link', role: 'share' }]);
    } finally {
      await t.cleanup();
    }
  });
});
