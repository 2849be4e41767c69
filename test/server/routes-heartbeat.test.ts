/**
 * Kiosk heartbeats on both backends: one row per kiosk, who may beat and who may see, hostile
 * bodies (refused whole, nothing stored), the quiet threshold on a fake clock, and the list's shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../../src/server/auth-repo.ts';
import { auth, BACKENDS, beat, makeFixture, T0, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('kiosk heartbeats (%s)', (backend) => {
  let f: Fixture;
  let managerB: string;
  let kioskId: string;
  beforeAll(async () => {
    f = await makeFixture(backend, { version: '0.1.0+abc1234' });
    managerB = await f.db.transaction(async (tx) => (await createToken(tx, 'manager', 'store-b', 'manager of b', T0)).token);
  });
  afterAll(() => f.close());

  const post = (token: string | null, payload: unknown, headers: Record<string, string> = {}) =>
    f.app.inject({ method: 'POST', url: '/api/kiosks/heartbeat', headers: { ...(token ? auth(token) : {}), ...headers }, payload: payload as object });
  const list = async (token: string, query = '') => {
    const res = await f.app.inject({ url: `/api/kiosks${query}`, headers: auth(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { now: string; quietAfterS: number; serverVersion: string; kiosks: Record<string, unknown>[] };
  };
  const rows = () => f.db.transaction((tx) => tx.all<{ kiosk_id: string; screen: string }>('SELECT kiosk_id, screen FROM kiosk_heartbeats ORDER BY kiosk_id'));

  it('keeps one row per kiosk, replaced by each beat, and answers which kiosk it took it for', async () => {
    const first = await post(f.tokens.kiosk, beat({ screen: 'home', lastError: { kind: 'error', message: 'TypeError: x is undefined', at: '2026-05-01T01:59:00.000Z' } }));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    kioskId = first.json().kioskId;
    expect(first.json()).toEqual({ kioskId: expect.stringMatching(/^[0-9a-f]{12}$/), storeId: 'store-a' });
    f.clock.ms = T0 + 60_000;
    expect((await post(f.tokens.kiosk, beat({ screen: 'twin', outbox: { pending: 2, failed: 1 } }))).statusCode).toBe(200);
    expect((await post(f.tokens.kioskB, beat())).statusCode).toBe(200);
    const stored = await rows();
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.kiosk_id === kioskId)?.screen).toBe('twin');
    const [a] = (await list(f.tokens.rep)).kiosks;
    // The second beat replaced the first whole: its null lastError too.
    expect(a).toMatchObject({ id: kioskId, lastSeenAt: new Date(T0 + 60_000).toISOString(), screen: 'twin', outbox: { pending: 2, failed: 1 }, lastError: null });
  });

  it('lists the store’s kiosks with last seen, seconds since, what they reported, and the server’s version', async () => {
    f.clock.ms = T0 + 90_000;
    const body = await list(f.tokens.rep);
    expect(body).toEqual({
      now: new Date(T0 + 90_000).toISOString(),
      quietAfterS: 180,
      serverVersion: '0.1.0+abc1234',
      kiosks: [
        {
          id: kioskId, storeId: 'store-a', label: 'test', lastSeenAt: new Date(T0 + 60_000).toISOString(), secondsSince: 30, quiet: false,
          version: '0.1.0+abc1234', screen: 'twin', outbox: { pending: 2, failed: 1 },
          storage: { persisted: true, usageBytes: 21_000_000, quotaBytes: 60_000_000_000 },
          serviceWorker: { registered: true, offlineReady: true, waiting: false }, lastError: null,
        },
      ],
    });
    const res = await f.app.inject({ url: '/api/kiosks', headers: auth(f.tokens.rep) });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps nulls where the kiosk could not tell, and the last error it reported', async () => {
    const error = { kind: 'rejection', message: 'Error: WebGL context lost', at: '2026-05-01T02:01:00.000Z' };
    expect((await post(f.tokens.kioskB, beat({ outbox: null, storage: { persisted: false, usageBytes: null, quotaBytes: null }, serviceWorker: null, lastError: error }))).statusCode).toBe(200);
    const [b] = (await list(managerB)).kiosks;
    expect(b).toMatchObject({ storeId: 'store-b', outbox: null, storage: { persisted: false, usageBytes: null, quotaBytes: null }, serviceWorker: null, lastError: error });
  });

  it('calls a kiosk quiet only after more than the threshold without a beat', async () => {
    const quiet = async () => (await list(f.tokens.rep)).kiosks.map((k) => [k.secondsSince, k.quiet]);
    f.clock.ms = T0 + 60_000 + 180_000;
    expect(await quiet()).toEqual([[180, false]]);
    f.clock.ms += 1000;
    expect(await quiet()).toEqual([[181, true]]);
    // A beat brings it back.
    expect((await post(f.tokens.kiosk, beat())).statusCode).toBe(200);
    expect(await quiet()).toEqual([[0, false]]);
  });

  it('lets a store’s rep and manager see their store only, a manager of every store any or all', async () => {
    const ids = async (token: string, query = '') => (await list(token, query)).kiosks.map((k) => k.storeId);
    expect(await ids(f.tokens.rep)).toEqual(['store-a']);
    expect(await ids(f.tokens.repB)).toEqual(['store-b']);
    expect(await ids(managerB)).toEqual(['store-b']);
    expect(await ids(f.tokens.manager)).toEqual(['store-a', 'store-b']);
    expect(await ids(f.tokens.manager, '?store=store-a')).toEqual(['store-a']);
    for (const [token, query] of [[f.tokens.rep, '?store=store-b'], [managerB, '?store=store-a'], [f.tokens.kiosk, ''], [f.tokens.share, '']] as const) {
      expect((await f.app.inject({ url: `/api/kiosks${query}`, headers: auth(token) })).statusCode, `${token.slice(0, 12)} ${query}`).toBe(403);
    }
    expect((await f.app.inject({ url: '/api/kiosks' })).statusCode).toBe(401);
    expect((await f.app.inject({ url: '/api/kiosks?store=Store A', headers: auth(f.tokens.manager) })).statusCode).toBe(400);
  });

  it('takes beats from kiosk tokens only', async () => {
    const before = await rows();
    expect((await post(null, beat())).statusCode).toBe(401);
    expect((await post('stw_kiosk_unknown', beat())).statusCode).toBe(401);
    for (const token of [f.tokens.share, f.tokens.rep, f.tokens.manager, managerB]) expect((await post(token, beat())).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('refuses hostile bodies whole and stores nothing of them', async () => {
    const before = await rows();
    const [listed] = (await list(f.tokens.rep)).kiosks;
    const err = (e: Record<string, unknown>) => ({ lastError: { kind: 'error', message: 'Error: boom', at: '2026-05-01T02:00:00.000Z', ...e } });
    const bodies: [string, unknown][] = [
      ['a kiosk id of its own', { ...beat(), kioskId: 'ffffffffffff' }],
      ['an unknown field', { ...beat(), heapBytes: 1 }],
      ['a missing field', (({ screen: _s, ...rest }) => rest)(beat())],
      ['an array', [beat()]],
      ['a negative count', beat({ outbox: { pending: -1, failed: 0 } })],
      ['a fractional count', beat({ outbox: { pending: 1.5, failed: 0 } })],
      ['a huge count', beat({ outbox: { pending: 1e12, failed: 0 } })],
      ['a count as text', beat({ outbox: { pending: '1', failed: 0 } })],
      ['bytes beyond 2^53', beat({ storage: { persisted: true, usageBytes: 2 ** 60, quotaBytes: null } })],
      ['persisted as text', beat({ storage: { persisted: 'yes', usageBytes: null, quotaBytes: null } })],
      ['an unknown service-worker field', beat({ serviceWorker: { registered: true, offlineReady: true, waiting: false, scope: '/' } })],
      ['markup as the screen', beat({ screen: '<img src=x onerror=alert(1)>' })],
      ['a long screen', beat({ screen: 'a'.repeat(33) })],
      ['a version with a space', beat({ version: '1.0 beta' })],
      ['a long version', beat({ version: '1'.repeat(65) })],
      ['an empty version', beat({ version: '' })],
      ['a multi-line error', err({ message: 'Error: a\nforged log line' })],
      ['an error with a terminal escape', err({ message: 'Error: \u001b[2J' })],
      ['an error with a line separator', err({ message: 'Error: a\u2028b' })],
      ['an error over 200 characters', err({ message: 'x'.repeat(201) })],
      ['an empty error', err({ message: '' })],
      ['an unknown error kind', err({ kind: 'warning' })],
      ['an error time that is not one', err({ at: 'yesterday' })],
      ['an error with a stack', err({ stack: 'at x (app.js:1:1)' })],
      ['a prototype key', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(beat()).slice(1)}`)],
    ];
    for (const [what, body] of bodies) {
      const res = await post(f.tokens.kiosk, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
    }
    const big = await post(f.tokens.kiosk, JSON.stringify({ ...beat(), pad: 'x'.repeat(40_000) }), { 'content-type': 'application/json' });
    expect(big.statusCode).toBe(413);
    const form = await post(f.tokens.kiosk, 'version=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    expect((await post(f.tokens.kiosk, 'version=1', { 'content-type': 'text/plain' })).statusCode).toBe(400);
    for (const raw of ['{"version": ', '"beat"', 'null', '42']) expect((await post(f.tokens.kiosk, raw, { 'content-type': 'application/json' })).statusCode, raw).toBe(400);
    expect(await rows()).toEqual(before);
    expect((await list(f.tokens.rep)).kiosks).toEqual([listed]);
  });

  it('no longer lists a kiosk whose token was revoked', async () => {
    await f.db.transaction((tx) => revokeToken(tx, kioskId, f.clock.ms));
    f.clock.ms += 10_000; // past the token cache (the API's DELETE clears it at once)
    expect((await list(f.tokens.rep)).kiosks).toEqual([]);
    expect((await post(f.tokens.kiosk, beat())).statusCode).toBe(401);
  });
});

describe('the quiet threshold (KIOSK_QUIET_AFTER_S)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture('sqlite', { kioskQuietAfterS: 90 });
  });
  afterAll(() => f.close());

  it('is the server’s, and reported with the list', async () => {
    expect((await f.app.inject({ method: 'POST', url: '/api/kiosks/heartbeat', headers: auth(f.tokens.kiosk), payload: beat() })).statusCode).toBe(200);
    f.clock.ms += 91_000;
    const body = (await f.app.inject({ url: '/api/kiosks', headers: auth(f.tokens.rep) })).json();
    expect(body.quietAfterS).toBe(90);
    expect(body.kiosks.map((k: { quiet: boolean }) => k.quiet)).toEqual([true]);
  });
});
