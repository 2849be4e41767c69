/**
 * Erasure reaches everywhere: the idempotency cache, interactions and CRM rows of every state, the
 * funnel's lead ids; and concurrent merges and erasures of one phone leave no orphan and no
 * half-erased lead.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmWorker } from '../../src/server/crm-worker.ts';
import { IDEMPOTENCY_KEPT_MIN_MS, purgeExpired } from '../../src/server/lead-repo.ts';
import { auth, BACKENDS, keys, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

const DAY_MS = 24 * 3600_000;

describe.each(BACKENDS)('erasure reaches everywhere (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { crmEnabled: true });
  });
  afterAll(() => f.close());

  const post = (body: object, token = f.tokens.kiosk) => f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body });
  const erase = (phone: string) => f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone } });
  const all = <T>(sql: string, params: unknown[] = []) => f.db.transaction((tx) => tx.all<T>(sql, params));

  it('keeps no body hash in the idempotency cache, yet replays the first answers and does not bring the lead back', async () => {
    const phone = nextPhone();
    const first = lead({}, phone);
    const second = lead({ answers: { note: 'second visit' } }, phone);
    const answers = [await post(first), await post(second)].map((r) => ({ status: r.statusCode, body: r.json() }));
    expect(answers.map((a) => a.status)).toEqual([201, 200]);
    expect((await erase(phone)).json()).toEqual({ erased: 1 });
    const rows = await all<{ key: string; request_hash: string; response_json: string }>('SELECT key, request_hash, response_json FROM idempotency WHERE key IN (?, ?) ORDER BY created_at, key', [first.id, second.id]);
    expect(rows.map((r) => r.request_hash)).toEqual(['erased:store-a', 'erased:store-a']);
    for (const [i, body] of [first, second].entries()) {
      const again = await post(body);
      expect({ status: again.statusCode, body: again.json() }).toEqual(answers[i]);
      expect(again.headers['idempotent-replayed']).toBe('true');
    }
    expect((await f.app.inject({ url: `/api/leads/${first.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    expect((await f.app.inject({ url: `/api/leads?phone=${phone}`, headers: auth(f.tokens.manager) })).json().total).toBe(0);
    expect((await post(first, f.tokens.kioskB)).statusCode).toBe(422); // the tombstone still knows its store
  });

  it('remembers an erased lead’s id as long as a kiosk may resend it, even with a retention shorter than that', async () => {
    const body = lead({}, nextPhone());
    expect((await post(body)).statusCode).toBe(201);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(204);
    // Ten days on, a purge with a one-day retention; the kiosk's outbox still holds the lead and resends it.
    f.clock.ms += 10 * DAY_MS;
    await f.db.transaction((tx) => purgeExpired(tx, DAY_MS, f.clock.ms));
    const again = await post(body);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await f.app.inject({ url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    // Past the outbox's maximum age (and a day), the id may go.
    f.clock.ms += IDEMPOTENCY_KEPT_MIN_MS;
    await f.db.transaction((tx) => purgeExpired(tx, DAY_MS, f.clock.ms));
    expect(await all('SELECT key FROM idempotency WHERE key = ?', [body.id])).toEqual([]);
  });

  it('deletes the interactions and the CRM deliveries of every state, dead ones included', async () => {
    const phone = nextPhone();
    const bodies = [lead({}, phone), lead({}, phone), lead({}, phone)];
    for (const b of bodies) await post(b);
    const ids = bodies.map((b) => b.id);
    const failing = createCrmWorker({ db: f.db, keys, url: 'http://crm.invalid/hook', secret: 'webhook-secret-0123456789', now: () => f.clock.ms, maxAttempts: 1, fetch: async () => new Response(null, { status: 503 }) });
    expect((await failing.runOnce()).dead).toBeGreaterThanOrEqual(3);
    expect((await all<{ state: string }>(`SELECT state FROM crm_outbox WHERE lead_id = ?`, [ids[0]])).map((r) => r.state)).toEqual(['dead', 'dead', 'dead']);
    expect((await erase(phone)).json()).toEqual({ erased: 1 });
    expect(await all('SELECT id FROM interactions WHERE lead_id = ? OR id IN (?, ?, ?)', [ids[0], ...ids])).toEqual([]);
    // Only the lead.erased delivery (ids only) is left: the CRM may have got the lead before it went dead.
    expect(await all('SELECT event FROM crm_outbox WHERE lead_id = ?', [ids[0]])).toEqual([{ event: 'lead.erased' }]);
  });

  it('replaces the lead id in its test-drive funnel events by a random one, keeping the counts', async () => {
    const body = lead({}, nextPhone());
    await post(body);
    for (const day of [0, 0, 1]) {
      f.clock.ms += day * DAY_MS;
      expect((await f.app.inject({ method: 'POST', url: `/api/leads/${body.id}/test-drive`, headers: auth(f.tokens.rep) })).statusCode).toBe(204);
    }
    const funnel = async () => (await f.app.inject({ url: '/api/funnel?from=2026-04-01&to=2026-06-30', headers: auth(f.tokens.manager) })).json().days.map((d: { day: string; test_drive_booked: number }) => [d.day, d.test_drive_booked]);
    const before = await funnel();
    expect(before.filter(([, n]: [string, number]) => n > 0)).toHaveLength(2);
    expect(await all('SELECT id FROM funnel_events WHERE session_id = ?', [body.id])).toHaveLength(3);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/leads/${body.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(204);
    expect(await all('SELECT id FROM funnel_events WHERE session_id = ?', [body.id])).toEqual([]);
    expect(await funnel()).toEqual(before.map(([day, n]: [string, number]) => [day, n]));
  });
});

describe('erased bytes on disk (sqlite)', () => {
  it('leaves neither the answers nor the contact ciphertext in the database file or the WAL, and keeps group commit', async () => {
    const f = await makeFixture('sqlite');
    const post = (body: object) => f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
    const marker = `marker-${randomUUID()}`;
    for (let i = 0; i < 5; i++) await post(lead({ answers: { note: `neighbour ${i}` } }, nextPhone()));
    const target = lead({ answers: { note: marker } }, nextPhone());
    expect((await post(target)).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) await post(lead({ answers: { note: `neighbour after ${i}` } }, nextPhone()));
    const sealed = (await f.db.transaction((tx) => tx.get<{ contact_enc: string }>('SELECT contact_enc FROM leads WHERE id = ?', [target.id])))!.contact_enc;
    const files = ['leads.sqlite', 'leads.sqlite-wal'].map((name) => join(f.dataDir, name));
    const found = () => files.filter(existsSync).flatMap((file) => {
      const bytes = readFileSync(file);
      return [marker, sealed].filter((s) => bytes.includes(Buffer.from(s))).map((s) => `${file.split('/').at(-1)}: ${s === marker ? 'answers' : 'contact'}`);
    });
    expect(found().length).toBeGreaterThan(0); // the scan can see them before the erasure

    // The erasure shares a group commit with other leads: all of them still get their answers.
    const others = Array.from({ length: 20 }, () => post(lead({}, nextPhone())));
    const erasure = f.app.inject({ method: 'DELETE', url: `/api/leads/${target.id}`, headers: auth(f.tokens.manager) });
    expect((await Promise.all(others)).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect((await erasure).statusCode).toBe(204);
    expect(found()).toEqual([]); // while the server still runs
    await f.app.close();
    await f.db.close();
    expect(found()).toEqual([]);
    rmSync(f.dataDir, { recursive: true, force: true });
  });
});

describe.each(BACKENDS)('erasure racing merges (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await f.db.transaction((tx) => tx.get<{ n: number }>(sql, params)))?.n);

  it('leaves no interaction without its lead, no half-erased lead, and every stored lead that was not erased complete', async () => {
    const phone = nextPhone();
    const stored: { id: string; interactionId: string }[] = [];
    const statuses: number[] = [];
    for (let round = 0; round < 12; round++) {
      const merges = Array.from({ length: 24 }, async () => {
        const res = await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, phone) });
        statuses.push(res.statusCode);
        if (res.statusCode === 200 || res.statusCode === 201) stored.push(res.json());
      });
      const erasures = Array.from({ length: 4 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 3));
        const res = await f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone } });
        statuses.push(res.statusCode);
      });
      await Promise.all([...merges, ...erasures]);
    }
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(stored.length).toBe(12 * 24);

    expect(await count('SELECT COUNT(*) AS n FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = i.lead_id)')).toBe(0);
    // Half-erased: a lead whose counter disagrees with its interactions, or whose consents are marked erased.
    expect(await count('SELECT COUNT(*) AS n FROM leads l WHERE l.interactions <> (SELECT COUNT(*) FROM interactions i WHERE i.lead_id = l.id)')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM consents c WHERE c.lead_erased_at IS NOT NULL AND EXISTS (SELECT 1 FROM leads l WHERE l.id = c.lead_id)')).toBe(0);
    // Consent records of an erased lead are all marked (else no purge would ever delete them).
    expect(await count('SELECT COUNT(*) AS n FROM consents c WHERE c.lead_erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = c.lead_id)')).toBe(0);
    let kept = 0;
    for (const r of stored) {
      const leadRow = await count('SELECT COUNT(*) AS n FROM leads WHERE id = ?', [r.id]);
      const interaction = await count('SELECT COUNT(*) AS n FROM interactions WHERE id = ? AND lead_id = ?', [r.interactionId, r.id]);
      const consents = await count('SELECT COUNT(*) AS n FROM consents WHERE interaction_id = ? AND lead_id = ? AND lead_erased_at IS NULL', [r.interactionId, r.id]);
      if (leadRow === 1) {
        kept++;
        expect({ interaction, consents }).toEqual({ interaction: 1, consents: 5 });
      } else {
        expect({ interaction, consents }).toEqual({ interaction: 0, consents: 0 });
      }
    }
    expect(kept).toBeLessThan(stored.length); // the erasures did erase
  });
});
