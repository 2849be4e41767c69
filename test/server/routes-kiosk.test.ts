import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { auth, BACKENDS, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('kiosk routes (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { localKiosk: { token: 'stw_kiosk_local', storeId: 'store-a' } });
  });
  afterAll(() => f.close());

  it('pairs a kiosk with a single-use code issued by a manager; the new token can create leads', async () => {
    const issued = await f.app.inject({ method: 'POST', url: '/api/pairing-codes', headers: auth(f.tokens.manager), payload: { storeId: 'store-b' } });
    expect(issued.statusCode).toBe(201);
    const { code } = issued.json();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    const paired = await f.app.inject({ method: 'POST', url: '/api/pair', payload: { code: code.toLowerCase(), label: 'kiosk 2' } });
    expect(paired.statusCode).toBe(201);
    expect(paired.json().storeId).toBe('store-b');
    expect((await f.app.inject({ method: 'POST', url: '/api/pair', payload: { code } })).statusCode).toBe(404);
    const created = await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(paired.json().token), payload: lead({}, nextPhone()) });
    expect(created.statusCode).toBe(201);
    expect((await f.app.inject({ url: '/api/me', headers: auth(paired.json().token) })).json()).toEqual({ role: 'kiosk', storeId: 'store-b' });
  });

  it('expires pairing codes after 10 minutes', async () => {
    const { code } = (await f.app.inject({ method: 'POST', url: '/api/pairing-codes', headers: auth(f.tokens.manager), payload: { storeId: 'store-a' } })).json();
    f.clock.ms += 10 * 60_000 + 1;
    expect((await f.app.inject({ method: 'POST', url: '/api/pair', payload: { code }, remoteAddress: '10.9.9.9' })).statusCode).toBe(404);
  });

  it('limits pairing attempts per address', async () => {
    f.clock.ms += 60_000;
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push((await f.app.inject({ method: 'POST', url: '/api/pair', payload: { code: 'AAAAAAAA' }, remoteAddress: '10.3.3.3' })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('gives the local kiosk its token only over loopback and same-origin', async () => {
    expect((await f.app.inject({ url: '/api/kiosk-config' })).json()).toEqual({ token: 'stw_kiosk_local', storeId: 'store-a' });
    expect((await f.app.inject({ url: '/api/kiosk-config', remoteAddress: '192.168.1.20' })).statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/kiosk-config', headers: { 'x-forwarded-for': '1.2.3.4' } })).statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/kiosk-config', headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/kiosk-config', headers: { host: 'evil.example:8080' } })).statusCode).toBe(403); // DNS rebinding
    expect((await f.app.inject({ url: '/api/kiosk-config', headers: { host: '127.0.0.1:8080' } })).statusCode).toBe(200);
  });

  it('tells the local kiosk the public origin for share links when one is set (PUBLIC_ORIGIN)', async () => {
    const g = await makeFixture(backend, { localKiosk: { token: 'stw_kiosk_local', storeId: 'store-a' }, publicOrigin: 'https://showroom.example.cn' });
    try {
      expect((await g.app.inject({ url: '/api/kiosk-config' })).json()).toEqual({ token: 'stw_kiosk_local', storeId: 'store-a', publicOrigin: 'https://showroom.example.cn' });
      expect((await g.app.inject({ url: '/api/kiosk-config', remoteAddress: '192.168.1.20' })).statusCode).toBe(403);
    } finally {
      await g.close();
    }
  });

  it('stores funnel events once per event id', async () => {
    const ev = { id: randomUUID(), sessionId: randomUUID(), type: 'session_started', at: '2026-05-01T10:00:00+08:00' };
    const first = await f.app.inject({ method: 'POST', url: '/api/events', headers: auth(f.tokens.kiosk), payload: { events: [ev] } });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ accepted: 1, duplicates: 0 });
    const again = await f.app.inject({ method: 'POST', url: '/api/events', headers: auth(f.tokens.kiosk), payload: { events: [ev] } });
    expect(again.json()).toEqual({ accepted: 0, duplicates: 1 });
    const res = await f.app.inject({ method: 'POST', url: '/api/events', headers: auth(f.tokens.kiosk), payload: { events: [{ ...ev, phone: '13812345678' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('events.0');
  });
});

describe.each(BACKENDS)('the local kiosk’s config with a trusted proxy on loopback (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { localKiosk: { token: 'stw_kiosk_local', storeId: 'store-a' }, trustProxy: loadConfig({ TRUST_PROXY: '127.0.0.1,::1' }).TRUST_PROXY });
  });
  afterAll(() => f.close());

  const from = (remoteAddress: string, headers: Record<string, string> = {}) => f.app.inject({ url: '/api/kiosk-config', remoteAddress, headers: { host: '127.0.0.1:8080', ...headers } });

  it('still answers the kiosk browser on this machine (no proxy headers)', async () => {
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
  });

  it('refuses anything the proxy forwarded, whichever header it marks it with', async () => {
    const forwarded: Record<string, string>[] = [
      { 'x-forwarded-for': '192.168.1.20' },
      { 'x-forwarded-for': '127.0.0.1' }, // a client claiming to be local: the proxy appends what it saw, or not
      { forwarded: 'for=192.168.1.20' },
      { 'x-real-ip': '192.168.1.20' },
      { via: '1.1 nginx' },
      { 'x-forwarded-host': 'kiosk.example' },
      { 'x-forwarded-proto': 'https' },
    ];
    for (const headers of forwarded) {
      expect((await from('127.0.0.1', headers)).statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it('refuses a LAN client that forges a loopback X-Forwarded-For', async () => {
    expect((await from('192.168.1.20', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
  });
});

describe.each(BACKENDS)('funnel events out of time (%s)', (backend) => {
  const DAY = 24 * 3600_000;
  let f: Fixture;
  let byDefault: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { retentionDays: 30 });
    byDefault = await makeFixture(backend);
  });
  afterAll(async () => {
    await f.close();
    await byDefault.close();
  });

  const event = (atMs: number) => ({ id: randomUUID(), sessionId: randomUUID(), type: 'session_started', at: new Date(atMs).toISOString() });
  const post = (events: object[], fx = f, token = fx.tokens.kiosk) => fx.app.inject({ method: 'POST', url: '/api/events', headers: auth(token), payload: { events } });
  const stored = (fx: Fixture, ids: string[]) =>
    fx.db.transaction(async (tx) => (await tx.all<{ id: string }>('SELECT id FROM funnel_events')).filter((r) => ids.includes(r.id)).length);

  it('refuses a batch with an event more than 5 minutes in the future, naming the first bad one, and stores none of it', async () => {
    const ok = [event(f.clock.ms), event(f.clock.ms + 4 * 60_000)];
    const batch = [...ok, event(f.clock.ms + 6 * 60_000), event(f.clock.ms + DAY)];
    const res = await post(batch);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'events.2.at' });
    expect(res.json().message).toMatch(/future/);
    expect(await stored(f, batch.map((e) => e.id))).toBe(0);
    // The kiosk drops the named one and resends the rest.
    expect((await post(ok)).json()).toEqual({ accepted: 2, duplicates: 0 });
  });

  it('refuses an event older than the retention window (RETENTION_DAYS), also from a share link', async () => {
    const res = await post([event(f.clock.ms - 29 * DAY), event(f.clock.ms - 31 * DAY)], f, f.tokens.share);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('events.1.at');
    expect(res.json().message).toMatch(/30 days/);
    expect((await post([event(f.clock.ms - 29 * DAY)], f, f.tokens.share)).statusCode).toBe(202);
  });

  it('keeps 365 days by default', async () => {
    expect((await post([event(byDefault.clock.ms - 364 * DAY)], byDefault)).statusCode).toBe(202);
    const res = await post([event(byDefault.clock.ms - 366 * DAY)], byDefault);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('events.0.at');
  });
});
