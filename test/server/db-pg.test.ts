import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createToken, ensureStore } from '../../src/server/auth-repo.ts';
import type { Db } from '../../src/server/db.ts';
import { openPostgres } from '../../src/server/db-pg.ts';
import { migrate } from '../../src/server/migrations.ts';
import { auth, BACKENDS, keys, lead, nextPhone, PG_URL } from './helpers.ts';

/** Two app instances, each with its own pool, on one PostgreSQL schema. */
describe.skipIf(!BACKENDS.includes('postgres'))('two instances on one PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let dbs: Db[] = [];
  let apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  let kiosk = '';
  let manager = '';

  beforeAll(async () => {
    dbs = await Promise.all([openPostgres(PG_URL, schema), openPostgres(PG_URL, schema)]); // both create the schema
    await Promise.all(dbs.map((db) => migrate(db, Date.now()))); // concurrent start: migrations must not race
    ({ kiosk, manager } = await dbs[0]!.transaction(async (tx) => {
      await ensureStore(tx, 'store-a', 'A', Date.now());
      return { kiosk: (await createToken(tx, 'kiosk', 'store-a', 't', Date.now())).token, manager: (await createToken(tx, 'manager', null, 't', Date.now())).token };
    }));
    apps = await Promise.all(dbs.map((db) => buildApp({ db, keys, rateLimitPerMinute: 1e9 })));
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(dbs.map((d) => d.close()));
    const c = new pg.Client(PG_URL);
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  const post = (i: number, body: object) => apps[i]!.inject({ method: 'POST', url: '/api/leads', headers: auth(kiosk), payload: body });

  it('merges simultaneous leads with one phone on both instances into one lead', async () => {
    const phone = nextPhone();
    const bodies = Array.from({ length: 10 }, () => lead({}, phone));
    const res = await Promise.all(bodies.map((b, i) => post(i % 2, b)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const list = (await apps[0]!.inject({ url: `/api/leads?phone=${phone}`, headers: auth(manager) })).json();
    expect(list.total).toBe(1);
    expect(list.leads[0].interactions).toBe(10);
  });

  it('stores a lead sent to both instances at once exactly once', async () => {
    for (let round = 0; round < 10; round++) {
      const body = lead({}, nextPhone());
      const res = await Promise.all([post(0, body), post(1, body)]);
      const codes = res.map((r) => r.statusCode);
      expect(codes).toContain(201);
      expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
      const list = (await apps[1]!.inject({ url: `/api/leads?phone=${body.contact.phone}`, headers: auth(manager) })).json();
      expect(list.total).toBe(1);
    }
  });
});
