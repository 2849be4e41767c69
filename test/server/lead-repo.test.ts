import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/server/lead-repo.ts';
import { auth, BACKENDS, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

const DAY_MS = 24 * 3600_000;

describe.each(BACKENDS)('lead storage (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  const post = (body: object, token = f.tokens.kiosk) => f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body });
  const consentsOf = (leadId: string) =>
    f.db.transaction((tx) => tx.all<{ purpose: string; granted: number; lead_erased_at: number | null; erasure_reason: string | null }>('SELECT purpose, granted, lead_erased_at, erasure_reason FROM consents WHERE lead_id = ? ORDER BY id', [leadId]));

  it('keeps the phone, name and email encrypted at rest', async () => {
    const body = lead({}, '13912340000');
    body.contact = { ...body.contact, email: 'wang@example.com' } as typeof body.contact;
    await post(body);
    const dump = await f.db.transaction(async (tx) => JSON.stringify([await tx.all('SELECT * FROM leads'), await tx.all('SELECT * FROM interactions'), await tx.all('SELECT * FROM consents')]));
    expect(dump).not.toContain('13912340000');
    expect(dump).not.toContain('王小明');
    expect(dump).not.toContain('wang@example.com');
  });

  it('records each consent separately, refusals included', async () => {
    const body = lead({ consent: { contact: true, textVersion: 'zh-CN-2', marketing: true, shareWithMaker: false } }, nextPhone());
    await post(body);
    const rows = await consentsOf(body.id);
    expect(rows.map((r) => [r.purpose, Number(r.granted)])).toEqual([
      ['contact', 1], ['marketing', 1], ['tag_marketing', 0], ['share_with_maker', 0], ['cross_border_crm', 0],
    ]);
  });

  it('erases a lead by id; consent records survive, marked', async () => {
    const body = lead({}, nextPhone());
    await post(body);
    const del = await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) });
    expect(del.statusCode).toBe(204);
    expect((await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    const rows = await consentsOf(body.id);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.erasure_reason === 'request' && r.lead_erased_at !== null)).toBe(true);
    const left = await f.db.transaction((tx) => tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM interactions WHERE lead_id = ?', [body.id]));
    expect(Number(left?.n)).toBe(0);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
  });

  it('erases every lead with a phone number, in all stores, whatever the format typed', async () => {
    const phone = nextPhone();
    const a = lead({}, phone);
    const b = lead({}, phone);
    const other = lead({}, nextPhone());
    await post(a);
    await post(b, f.tokens.kioskB);
    await post(other);
    const res = await f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3)}` } });
    expect(res.json()).toEqual({ erased: 2 });
    for (const id of [a.id, b.id]) expect((await f.app.inject({ url: `/api/leads/${id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    expect((await f.app.inject({ url: `/api/leads/${other.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(200);
  });

  it('a replay after erasure does not bring the lead back', async () => {
    const body = lead({}, nextPhone());
    await post(body);
    await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) });
    expect((await post(body)).statusCode).toBe(201);
    expect((await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
  });

  it('purges leads past the retention period, keeping consent proof', async () => {
    const old = lead({}, nextPhone());
    await post(old);
    f.clock.ms += 200 * DAY_MS;
    const recent = lead({}, nextPhone());
    await post(recent);
    f.clock.ms += 200 * DAY_MS;
    const purged = await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect((await f.app.inject({ url: `/api/leads/${old.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    expect((await f.app.inject({ url: `/api/leads/${recent.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(200);
    expect((await consentsOf(old.id)).every((r) => r.erasure_reason === 'retention')).toBe(true);
  });

  it('deletes consent proof of erased leads only after the proof period', async () => {
    const body = lead({}, nextPhone());
    await post(body);
    await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) });
    f.clock.ms += 3 * 365 * DAY_MS - DAY_MS;
    await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms));
    expect(await consentsOf(body.id)).toHaveLength(5);
    f.clock.ms += 2 * DAY_MS;
    await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms));
    expect(await consentsOf(body.id)).toHaveLength(0);
  });

  it('a returning customer’s interaction keeps the lead alive past the original retention date', async () => {
    const phone = nextPhone();
    const first = lead({}, phone);
    await post(first);
    f.clock.ms += 20 * DAY_MS;
    await post(lead({}, phone));
    f.clock.ms += 350 * DAY_MS;
    await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms));
    expect((await f.app.inject({ url: `/api/leads/${first.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(200);
  });
});
