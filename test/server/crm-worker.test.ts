import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../../src/server/crypto.ts';
import { backoffMs, createCrmWorker, replayOutbox } from '../../src/server/crm-worker.ts';
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
