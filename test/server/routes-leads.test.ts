import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema } from '../../src/leads/lead-schema.ts';
import { canonicalJson, phoneHash } from '../../src/server/crypto.ts';
import { auth, BACKENDS, keys, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('lead routes (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  const post = (body: unknown, token = f.tokens.kiosk) => f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body as object });

  it('stores the smallest lead with 201 and returns its id', async () => {
    const body = lead({}, nextPhone());
    const res = await post(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: body.id, interactionId: body.id, merged: false });
    const got = await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) });
    expect(got.statusCode).toBe(200);
    expect(got.json().contact.phone).toBe(body.contact.phone.replace(/^/, '+86'));
    expect(got.json().storeId).toBe('store-a');
  });

  it('replays the first answer for the same id and body, without a second lead', async () => {
    const body = lead({}, nextPhone());
    const first = await post(body);
    const again = await post(body);
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await f.app.inject({ url: `/api/leads?phone=${body.contact.phone}`, headers: auth(f.tokens.manager) });
    expect(list.json().total).toBe(1);
  });

  it('answers 422 when an id is reused with a different body, and keeps the first', async () => {
    const body = lead({}, nextPhone());
    expect((await post(body)).statusCode).toBe(201);
    const res = await post({ ...body, contact: { ...body.contact, name: 'Someone else' } });
    expect(res.statusCode).toBe(422);
    const got = await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) });
    expect(got.json().contact.name).toBe('王小明');
  });

  it('answers 422 when another store’s kiosk reuses a lead id, instead of replaying the first store’s receipt', async () => {
    const body = lead({}, nextPhone());
    expect((await post(body)).statusCode).toBe(201);
    const other = await post(body, f.tokens.kioskB);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toBe('idempotency_mismatch');
    expect((await post(body)).headers['idempotent-replayed']).toBe('true');
  });

  it('still replays a lead whose idempotency row holds the hash written before the upgrade', async () => {
    const body = lead({}, nextPhone());
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    // What the server stored before the hash was keyed by store: the phone HMAC of the canonical body.
    const legacy = phoneHash(keys, canonicalJson(LeadSchema.parse(body)));
    expect(await f.db.transaction((tx) => tx.run('UPDATE idempotency SET request_hash = ? WHERE key = ?', [legacy, body.id]))).toBe(1);
    const again = await post(body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await post({ ...body, contact: { ...body.contact, name: 'Someone else' } })).statusCode).toBe(422);
    expect((await post(body, f.tokens.kioskB)).statusCode).toBe(422); // the lead it names is store A's
  });

  it('answers 409 to a retry while the first request is still in flight', async () => {
    const body = lead({}, nextPhone());
    if (backend === 'postgres') {
      // Another instance holds the lead: simulate with its advisory lock held in an open transaction.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = f.db.transaction(async (tx) => {
        await tx.lockKey(`lead:${body.id}`);
        locked();
        await held;
      });
      await isLocked;
      expect((await post(body)).statusCode).toBe(409);
      release();
      await holder;
    } else {
      // Stall the SQLite write queue so the first request stays in flight.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const holder = f.db.transaction(() => held);
      // Wait until the first request has reached the database (and so is in flight).
      const original = f.db.transaction.bind(f.db);
      let reached!: () => void;
      const inFlight = new Promise<void>((r) => (reached = r));
      f.db.transaction = ((fn) => (reached(), original(fn))) as typeof f.db.transaction;
      const first = post(body);
      await inFlight;
      f.db.transaction = original;
      expect((await post(body)).statusCode).toBe(409);
      release();
      await holder;
      expect((await first).statusCode).toBe(201);
    }
    expect((await post(body)).statusCode).toBe(201);
  });

  it('merges a second lead with the same phone in the same store within 30 days', async () => {
    const phone = nextPhone();
    const first = lead({ tags: { needs: ['family'] } }, phone);
    const second = lead({ tags: { needs: ['long-commute'] } }, `+86 ${phone}`);
    expect((await post(first)).statusCode).toBe(201);
    const res = await post(second);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: first.id, interactionId: second.id, merged: true });
    const got = (await f.app.inject({ url: `/api/leads/${first.id}`, headers: auth(f.tokens.manager) })).json();
    expect(got.interactions).toHaveLength(2);
    expect(got.tags.needs).toEqual(['family', 'long-commute']);
    // Another store keeps its own lead.
    expect((await post(lead({}, phone), f.tokens.kioskB)).statusCode).toBe(201);
  });

  it('does not merge after 30 days', async () => {
    const phone = nextPhone();
    expect((await post(lead({}, phone))).statusCode).toBe(201);
    f.clock.ms += 31 * 24 * 3600_000;
    expect((await post(lead({}, phone))).statusCode).toBe(201);
  });

  it('rejects malformed bodies with 400 naming the field', async () => {
    const res = await post({ ...lead(), contact: { name: 'x', phone: '1440123456789' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('contact.phone');
    const bad = await f.app.inject({ method: 'POST', url: '/api/leads', headers: { ...auth(f.tokens.kiosk), 'content-type': 'application/json' }, payload: '{"id": ' });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects bodies over 32 KB with 413', async () => {
    const res = await post({ ...lead(), answers: { big: 'x'.repeat(40_000) } });
    expect(res.statusCode).toBe(413);
  });

  it('rejects a storeId other than the token store', async () => {
    expect((await post(lead({ storeId: 'store-b' }, nextPhone()))).statusCode).toBe(403);
  });

  it('lists with tag, store and date filters; a rep sees only their store', async () => {
    const tagged = lead({ tags: { value: ['vip_plus'] } }, nextPhone());
    await post(tagged);
    await post(lead({ tags: { value: ['vipxplus'] } }, nextPhone()));
    const byTag = (await f.app.inject({ url: '/api/leads?tag=vip_plus', headers: auth(f.tokens.manager) })).json();
    expect(byTag.leads.map((l: { id: string }) => l.id)).toEqual([tagged.id]);
    expect(byTag.leads[0].phoneMasked).toMatch(/^\+86139\*{4}\d{4}$/);
    const b = lead({}, nextPhone());
    await post(b, f.tokens.kioskB);
    const repA = (await f.app.inject({ url: '/api/leads?limit=200', headers: auth(f.tokens.rep) })).json();
    expect(repA.leads.every((l: { storeId: string }) => l.storeId === 'store-a')).toBe(true);
    expect((await f.app.inject({ url: '/api/leads?store=store-b', headers: auth(f.tokens.rep) })).statusCode).toBe(403);
    expect((await f.app.inject({ url: `/api/leads/${b.id}`, headers: auth(f.tokens.rep) })).statusCode).toBe(404);
    const future = (await f.app.inject({ url: '/api/leads?from=2099-01-01', headers: auth(f.tokens.manager) })).json();
    expect(future.total).toBe(0);
  });

  it('searches by name inside the caller’s scope', async () => {
    const body = lead({}, nextPhone());
    body.contact.name = 'Zhang Searchable';
    await post(body);
    await post({ ...lead({}, nextPhone()), contact: { name: 'zhang searchable', phone: nextPhone() } }, f.tokens.kioskB);
    const mine = (await f.app.inject({ url: '/api/leads?q=SEARCHABLE', headers: auth(f.tokens.rep) })).json();
    expect(mine.leads.map((l: { id: string }) => l.id)).toEqual([body.id]);
    expect((await f.app.inject({ url: '/api/leads?q=searchable', headers: auth(f.tokens.manager) })).json().total).toBe(2);
  });

  it('exports CSV with formula injection defused', async () => {
    const body = lead({}, nextPhone());
    body.contact.name = '=HYPERLINK("http://evil")';
    await post(body);
    const res = await f.app.inject({ url: '/api/export/leads.csv', headers: auth(f.tokens.manager) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body.split('\r\n')[0]).toBe('\uFEFFid,store_id,created_at,name,phone,email,preferred_time,tags,interactions,first_contact_at');
  });

  it('returns 404 for an unknown lead and 400 for a malformed id', async () => {
    expect((await f.app.inject({ url: `/api/leads/${randomUUID()}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    const res = await f.app.inject({ url: '/api/leads/1%27%20OR%201=1', headers: auth(f.tokens.manager) });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('id');
  });
});
