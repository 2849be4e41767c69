import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../../src/server/crypto.ts';
import { backoffMs, CLAIM_LEASE_MS, createCrmWorker, replayOutbox } from '../../src/server/crm-worker.ts';
import { purgeExpired } from '../../src/server/lead-repo.ts';
import { auth, BACKENDS, keys, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

const SECRET = 'webhook-secret-0123456789';

type Mode = 'ok' | 'fail' | 'hang';
/** A local CRM webhook whose behaviour the test switches. */
function webhook() {
  const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
  const state = { mode: 'ok' as Mode };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (state.mode === 'hang') return; // never answers: the worker must time out
      if (state.mode === 'fail') return void res.writeHead(503).end();
      received.push({ body, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  return { server, received, state };
}

describe('backoffMs', () => {
  it('doubles per failure within [50%, 100%] of the ceiling, capped', () => {
    expect(backoffMs(1, 1000, 60_000, 0)).toBe(500);
    expect(backoffMs(3, 1000, 60_000, 0.999)).toBe(3998);
    expect(backoffMs(3, 1000, 60_000, 0)).toBe(2000);
    expect(backoffMs(20, 1000, 60_000, 0)).toBe(30_000);
  });
});

describe.each(BACKENDS)('CRM outbox worker (%s)', (backend) => {
  let f: Fixture;
  let hook: ReturnType<typeof webhook>;
  let url: string;
  beforeAll(async () => {
    hook = webhook();
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/crm`;
    f = await makeFixture(backend, { crmEnabled: true });
  });
  afterAll(async () => {
    hook.server.closeAllConnections();
    hook.server.close();
    await f.close();
  });

  // A short timeout only where the webhook hangs, so a slow machine never turns a success into a timeout.
  const worker = (maxAttempts = 3, timeoutMs = 10_000) => createCrmWorker({ db: f.db, keys, url, secret: SECRET, now: () => f.clock.ms, random: () => 0.5, maxAttempts, baseDelayMs: 1000, timeoutMs });
  const states = () => f.db.transaction((tx) => tx.all<{ state: string; attempts: number }>('SELECT state, attempts FROM crm_outbox ORDER BY id'));

  it('delivers, after failures and a timeout, exactly the stored lead with a valid signature', async () => {
    const body = lead({ consent: { contact: true, textVersion: 'v1', tagMarketing: true }, tags: { needs: ['family'] } }, nextPhone());
    expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body })).statusCode).toBe(201);
    const w = worker(5);
    hook.state.mode = 'fail';
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0, skipped: 0 });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, skipped: 0 }); // backing off
    f.clock.ms += 60_000;
    hook.state.mode = 'hang';
    expect(await worker(5, 300).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0, skipped: 0 });
    f.clock.ms += 60_000;
    hook.state.mode = 'ok';
    expect(await w.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0, skipped: 0 });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, skipped: 0 });
    expect(hook.received).toHaveLength(1);
    const got = hook.received[0]!;
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({ event: 'lead.created', leadId: body.id, storeId: 'store-a', contact: { name: '王小明', phone: `+86${body.contact.phone}` }, tags: { needs: ['family'] } });
    const [t, v1] = String(got.headers['x-showroom-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(webhookSignature(SECRET, Number(t), got.body));
    expect((await states()).at(-1)).toEqual({ state: 'sent', attempts: 3 });
  });

  it('moves a delivery to dead after the last attempt, and the CLI replay revives it', async () => {
    hook.received.length = 0;
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, nextPhone()) });
    const w = worker(2);
    hook.state.mode = 'fail';
    await w.runOnce();
    f.clock.ms += 60_000;
    expect((await w.runOnce()).dead).toBe(1);
    expect((await states()).at(-1)?.state).toBe('dead');
    f.clock.ms += 3600_000;
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0, skipped: 0 });
    hook.state.mode = 'ok';
    expect(await replayOutbox(f.db, f.clock.ms)).toBe(1);
    expect((await w.runOnce()).sent).toBe(1);
    expect(hook.received).toHaveLength(1);
  });

  it('does not send tags when tag-based marketing was refused, nor an erased lead', async () => {
    hook.received.length = 0;
    const body = lead({ tags: { needs: ['family'] } }, nextPhone());
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
    const erased = lead({}, nextPhone());
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: erased });
    await f.app.inject({ method: 'DELETE', url: `/api/leads/${erased.id}`, headers: auth(f.tokens.manager) });
    expect((await worker().runOnce()).sent).toBe(1);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ leadId: body.id, tags: null });
  });

  it('skips leads without cross-border consent when the CRM is outside mainland China', async () => {
    hook.received.length = 0;
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, nextPhone()) });
    const ok = lead({ consent: { contact: true, textVersion: 'v1', crossBorderCrm: true } }, nextPhone());
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: ok });
    const w = createCrmWorker({ db: f.db, keys, url, secret: SECRET, now: () => f.clock.ms, crmOutsideMainland: true });
    expect(await w.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0, skipped: 1 });
    expect(JSON.parse(hook.received[0]!.body).leadId).toBe(ok.id);
  });

  it('logs each failed and dead delivery (id, event, attempt, reason) and no personal data', async () => {
    hook.received.length = 0;
    const body = lead({}, nextPhone());
    body.contact = { ...body.contact, name: '李秘密', email: 'li.secret@example.com' } as typeof body.contact;
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
    const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
    const logger = { warn: (obj: object, msg: string) => void lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }), error: (obj: object, msg: string) => void lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }) };
    const opts = { db: f.db, keys, secret: SECRET, now: () => f.clock.ms, random: () => 0.5, maxAttempts: 3, baseDelayMs: 1000, logger };
    hook.state.mode = 'fail';
    expect((await createCrmWorker({ ...opts, url: `${url}?api_key=query-secret-123` }).runOnce()).failed).toBe(1);
    f.clock.ms += 60_000;
    hook.state.mode = 'hang';
    expect((await createCrmWorker({ ...opts, url, timeoutMs: 300 }).runOnce()).failed).toBe(1);
    f.clock.ms += 60_000;
    expect((await createCrmWorker({ ...opts, url: 'http://127.0.0.1:1/crm' }).runOnce()).dead).toBe(1);
    hook.state.mode = 'ok';
    const deliveryId = (await f.db.transaction((tx) => tx.get<{ id: number }>('SELECT id FROM crm_outbox WHERE lead_id = ?', [body.id])))!.id;
    expect(lines.map((l) => [l.level, l.obj])).toEqual([
      ['warn', { deliveryId, event: 'lead.created', attempt: 1, error: 'HTTP 503' }],
      ['warn', { deliveryId, event: 'lead.created', attempt: 2, error: 'timeout' }],
      ['error', { deliveryId, event: 'lead.created', attempt: 3, error: 'network error' }],
    ]);
    expect(lines.map((l) => l.msg)).toEqual(['CRM delivery failed; will retry', 'CRM delivery failed; will retry', 'CRM delivery dead after the last attempt']);
    const text = JSON.stringify(lines);
    for (const secret of ['李秘密', body.contact.phone, 'li.secret@example.com', 'query-secret-123', SECRET, '127.0.0.1']) expect(text).not.toContain(secret);
  });

  it('logs a failed run by error name and code only', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const logger = { warn: () => expect.unreachable(), error: (obj: object, msg: string) => void lines.push({ obj: obj as Record<string, unknown>, msg }) };
    const failing = Object.assign(new Error('connect ECONNREFUSED postgres://crm:hunter2@db.internal/leads?password=hunter2'), { code: 'ECONNREFUSED' });
    const db = { dialect: f.db.dialect, transaction: () => Promise.reject(failing), close: async () => undefined };
    const w = createCrmWorker({ db, keys, url, secret: SECRET, logger });
    w.start(60_000);
    await w.stop();
    expect(lines).toEqual([{ obj: { name: 'Error', code: 'ECONNREFUSED' }, msg: 'CRM worker run failed' }]);
  });
});

describe.each(BACKENDS)('lead.erased through the CRM outbox (%s)', (backend) => {
  let f: Fixture;
  let hook: ReturnType<typeof webhook>;
  let url: string;
  beforeAll(async () => {
    hook = webhook();
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/crm`;
    f = await makeFixture(backend, { crmEnabled: true });
  });
  afterAll(async () => {
    hook.server.closeAllConnections();
    hook.server.close();
    await f.close();
  });

  const DAY_MS = 24 * 3600_000;
  const worker = (extra: Partial<Parameters<typeof createCrmWorker>[0]> = {}) => createCrmWorker({ db: f.db, keys, url, secret: SECRET, now: () => f.clock.ms, random: () => 0.5, maxAttempts: 2, baseDelayMs: 1000, ...extra });
  const post = (body: object) => f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
  const erase = (phone: string) => f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone } });
  const erasedRows = (leadId: string) => f.db.transaction((tx) => tx.all<{ id: number; state: string }>("SELECT id, state FROM crm_outbox WHERE lead_id = ? AND event = 'lead.erased'", [leadId]));

  it('sends a signed lead.erased with ids only, once the claim lease of a delivery in flight is over', async () => {
    hook.received.length = 0;
    hook.state.mode = 'ok';
    const phone = nextPhone();
    const first = lead({ contact: { name: '赵删除', phone, email: 'zhao@example.com' } });
    const second = lead({}, phone);
    await post(first);
    f.clock.ms += 60_000;
    await post(second);
    expect((await worker().runOnce()).sent).toBe(2);
    hook.received.length = 0;
    const erasedAt = f.clock.ms;
    expect((await erase(phone)).json()).toEqual({ erased: 1 });
    const [row] = await erasedRows(first.id);
    expect(row).toBeDefined();
    f.clock.ms += CLAIM_LEASE_MS - 1; // a lead.created claimed on another instance just before the erasure may still be in flight
    expect((await worker().runOnce()).sent).toBe(0);
    f.clock.ms += 10_000;
    expect(await worker({ crmOutsideMainland: true }).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0, skipped: 0 }); // no consent to check: it carries no personal data
    expect(hook.received).toHaveLength(1);
    const got = hook.received[0]!;
    expect(JSON.parse(got.body)).toEqual({
      event: 'lead.erased', deliveryId: row!.id, leadId: first.id, interactionIds: [first.id, second.id], storeId: 'store-a', erasedAt: new Date(erasedAt).toISOString(), reason: 'request',
    });
    expect(got.headers['x-showroom-delivery']).toBe(String(row!.id));
    const [t, v1] = String(got.headers['x-showroom-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(webhookSignature(SECRET, Number(t), got.body));
    for (const personal of ['赵删除', phone.slice(-8), 'zhao@example.com']) expect(got.body).not.toContain(personal);
    expect((await erasedRows(first.id)).map((r) => r.state)).toEqual(['sent']);
  });

  it('is sent for a lead whose delivery failed, was in flight or is dead, not for one never attempted or skipped', async () => {
    hook.state.mode = 'ok';
    const leads = { failed: lead({}, nextPhone()), inFlight: lead({}, nextPhone()), dead: lead({}, nextPhone()), pending: lead({}, nextPhone()), skipped: lead({}, nextPhone()) };
    for (const body of [leads.failed, leads.dead, leads.skipped]) await post(body);
    // skipped: the CRM is outside mainland China and there is no cross-border consent.
    hook.state.mode = 'fail';
    const outside = await worker({ crmOutsideMainland: true, maxAttempts: 1 }).runOnce();
    expect(outside).toEqual({ sent: 0, failed: 0, dead: 0, skipped: 3 });
    await replayOutbox(f.db, f.clock.ms, (await f.db.transaction((tx) => tx.all<{ id: number }>('SELECT id FROM crm_outbox WHERE lead_id IN (?, ?)', [leads.failed.id, leads.dead.id]))).map((r) => r.id));
    expect(await worker({ maxAttempts: 2 }).runOnce()).toEqual({ sent: 0, failed: 2, dead: 0, skipped: 0 });
    f.clock.ms += 60_000;
    await f.db.transaction((tx) => tx.run("UPDATE crm_outbox SET next_attempt_at = ? WHERE lead_id = ?", [f.clock.ms + 3600_000, leads.failed.id]));
    expect((await worker({ maxAttempts: 2 }).runOnce()).dead).toBe(1);
    await post(leads.inFlight);
    await post(leads.pending);
    // Claimed by a worker on another instance, whose POST has not answered yet.
    await f.db.transaction((tx) => tx.run('UPDATE crm_outbox SET locked_until = ? WHERE lead_id = ?', [f.clock.ms + CLAIM_LEASE_MS, leads.inFlight.id]));
    for (const body of Object.values(leads)) expect((await erase(body.contact.phone)).json()).toEqual({ erased: 1 });
    const has = async (body: { id: string }) => (await erasedRows(body.id)).length;
    expect({ failed: await has(leads.failed), inFlight: await has(leads.inFlight), dead: await has(leads.dead), pending: await has(leads.pending), skipped: await has(leads.skipped) })
      .toEqual({ failed: 1, inFlight: 1, dead: 1, pending: 0, skipped: 0 });
    const left = await f.db.transaction((tx) => tx.all<{ event: string }>('SELECT event FROM crm_outbox WHERE lead_id IN (?, ?, ?, ?, ?)', Object.values(leads).map((b) => b.id)));
    expect(left.map((r) => r.event)).toEqual(['lead.erased', 'lead.erased', 'lead.erased']);
    hook.state.mode = 'ok';
    hook.received.length = 0;
    f.clock.ms += 2 * CLAIM_LEASE_MS;
    expect((await worker().runOnce()).sent).toBe(3);
    expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['lead.erased', 'lead.erased', 'lead.erased']);
  });

  it('the retention purge sends lead.erased (reason retention), also for a lead kept alive past its first delivery', async () => {
    hook.state.mode = 'ok';
    hook.received.length = 0;
    const phone = nextPhone();
    const first = lead({ consent: { contact: true, textVersion: 'v1', crossBorderCrm: true } }, phone);
    await post(first);
    expect((await worker({ crmOutsideMainland: true }).runOnce()).sent).toBe(1);
    // A returning customer without cross-border consent: kept on the lead, never forwarded.
    f.clock.ms += 20 * DAY_MS;
    await post(lead({}, phone));
    expect((await worker({ crmOutsideMainland: true }).runOnce()).skipped).toBe(1);
    // A year after the first delivery the lead is still alive (its last visit is recent): the first delivery's record must stay.
    f.clock.ms += 350 * DAY_MS;
    await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms, undefined, true));
    expect((await f.app.inject({ url: `/api/leads/${first.id}`, headers: auth(f.tokens.manager) })).statusCode).toBe(200);
    f.clock.ms += 30 * DAY_MS;
    expect(await f.db.transaction((tx) => purgeExpired(tx, 365 * DAY_MS, f.clock.ms, undefined, true))).toBeGreaterThanOrEqual(1);
    hook.received.length = 0;
    f.clock.ms += 2 * CLAIM_LEASE_MS;
    expect((await worker().runOnce()).sent).toBeGreaterThanOrEqual(1);
    const erased = hook.received.map((r) => JSON.parse(r.body)).find((p) => p.leadId === first.id);
    expect(erased).toMatchObject({ event: 'lead.erased', reason: 'retention' });
  });
});
