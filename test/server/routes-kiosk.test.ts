import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
