/**
 * Contract test: the typed client parses every answer of the real app with the shared response
 * schemas, on both backends, so the server and the rep views cannot drift apart.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createLeadApi } from '../../src/leads/api-client.ts';
import { createFunnelEventSender } from '../../src/leads/sync-client.ts';
import { auth, BACKENDS, lead, makeFixture, nextPhone, type Fixture } from '../server/helpers.ts';

describe.each(BACKENDS)('lead API client against the server (%s)', (backend) => {
  let f: Fixture;
  const api = (token: () => string | null) =>
    createLeadApi({
      token,
      fetch: (async (url: string, init: RequestInit = {}) => {
        const res = await f.app.inject({ method: (init.method ?? 'GET') as 'GET', url, headers: init.headers as Record<string, string>, ...(init.body ? { payload: init.body as string } : {}) });
        return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
      }) as typeof fetch,
    });

  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  it('lists, shows, marks contacted, reports the funnel and exports, all matching the schemas', async () => {
    const phone = nextPhone();
    const full = lead(
      {
        answers: { commuteKm: 40 },
        plan: { vehicleId: 'vela-s5' },
        tags: { needs: ['family'] },
        events: [{ type: 'plan.viewed', at: '2026-05-01T10:00:00+08:00' }],
        consent: { contact: true, textVersion: '2026-05/zh-CN', marketing: true },
      },
      phone,
    );
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: full });
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, phone) });
    const rep = api(() => f.tokens.rep);
    expect(await rep.me()).toEqual({ role: 'rep', storeId: 'store-a' });
    const list = await rep.listLeads({ tag: 'family' });
    expect(list.leads.map((l) => l.id)).toContain(full.id);
    const detail = await rep.getLead(full.id);
    expect(detail.interactions.map((i) => i.kind)).toEqual(['first', 'returning']);
    expect(detail.consents.filter((c) => c.purpose === 'marketing').map((c) => c.granted)).toEqual([true, false]);
    await rep.markContacted(full.id);
    expect((await rep.getLead(full.id)).firstContactAt).not.toBeNull();
    expect((await rep.funnel()).days.length).toBeGreaterThan(0);
    const manager = api(() => f.tokens.manager);
    const csv = new Uint8Array(await (await manager.exportCsv()).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM survives for Excel
    expect(new TextDecoder().decode(csv)).toContain(full.id);
    expect((await manager.issuePairingCode('store-a')).code).toMatch(/^[2-9A-Z]{8}$/);
    expect(await manager.eraseByPhone(phone)).toBe(1);
  });

  it('turns refusals into ApiError with status and field', async () => {
    const rep = api(() => f.tokens.rep);
    await expect(rep.getLead(randomUUID())).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(rep.listLeads({ from: 'yesterday' })).rejects.toMatchObject({ status: 400, field: 'from' });
    await expect(rep.exportCsv()).rejects.toBeInstanceOf(ApiError);
    await expect(api(() => null).me()).rejects.toMatchObject({ status: 401 });
  });
});

describe('funnel event sender against the server', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture('sqlite');
  });
  afterAll(() => f.close());

  it('posts events the funnel then counts, and a resend counts nothing twice', async () => {
    const send = createFunnelEventSender({
      getToken: async () => f.tokens.kiosk,
      fetch: (async (url: string, init: RequestInit) => {
        const res = await f.app.inject({ method: 'POST', url, headers: init.headers as Record<string, string>, payload: init.body as string });
        return new Response(res.body, { status: res.statusCode });
      }) as typeof fetch,
    });
    const events = [{ id: randomUUID(), sessionId: randomUUID(), type: 'session_started' as const, at: '2026-05-01T09:59:00+08:00' }]; // the fixture's clock is 10:00 CST
    expect(await send(events)).toEqual({ kind: 'taken' });
    expect(await send(events)).toEqual({ kind: 'taken' });
    const funnel = await createLeadApi({ token: () => f.tokens.manager, fetch: (async (url: string) => { const r = await f.app.inject({ url, headers: auth(f.tokens.manager) }); return new Response(r.body, { status: r.statusCode }); }) as typeof fetch }).funnel({ from: '2026-05-01', to: '2026-05-01' });
    expect(funnel.days[0]).toMatchObject({ storeId: 'store-a', session_started: 1 });
  });
});
