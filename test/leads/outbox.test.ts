// idb checks instanceof IDBRequest etc. on globals; each test still injects its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadDraftError, openLeadOutbox, OUTBOX_DB_NAME, type OutboxDeps, type SendResult } from '../../src/leads/outbox.ts';
import { createLeadSender } from '../../src/leads/sync-client.ts';
import type { Lead } from '../../src/leads/lead-schema.ts';
import { auth, makeFixture, type Fixture } from '../server/helpers.ts';

const draft = (phone = '13812345678') => ({ contact: { name: '王小明', phone }, consent: { contact: true as const, textVersion: 'zh-CN-1' } });

function harness(send: (lead: Lead) => Promise<SendResult>) {
  const clock = { ms: 1_000_000 };
  let n = 0;
  const factory = new IDBFactory();
  const deps: OutboxDeps = {
    send,
    now: () => clock.ms,
    random: () => 0,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    indexedDB: factory,
    storage: { persist: async () => true },
    baseDelayMs: 1000,
  };
  return { clock, factory, deps, open: () => openLeadOutbox(deps) };
}

const opened: { close: () => void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

describe('lead outbox', () => {
  it('stores before sending, encrypts personal data, and sends with the client id', async () => {
    const sent: Lead[] = [];
    const h = harness(async (lead) => (sent.push(lead), { kind: 'stored', status: 201 }));
    const outbox = await h.open();
    opened.push(outbox);
    const id = await outbox.enqueue(draft());
    expect(id).toBe('00000000-0000-4000-8000-000000000001');
    // Raw IndexedDB content holds no plain personal data.
    const readAll = (store: string) =>
      new Promise<unknown[]>((resolve) => {
        const req = h.factory.open(OUTBOX_DB_NAME, 1);
        req.onsuccess = () => {
          const get = req.result.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => (resolve(get.result), req.result.close());
        };
      });
    const raw = await readAll('entries');
    const [key] = (await readAll('keys')) as CryptoKey[];
    expect(key).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM', length: 256 } });
    const dump = JSON.stringify(raw, (_k, v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString('latin1') : v));
    expect(dump).not.toContain('13812345678');
    expect(dump).not.toContain('王小明');
    expect(sent).toHaveLength(0);
    expect(await outbox.syncNow()).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    expect(sent[0]).toMatchObject({ id, contact: { phone: '+8613812345678' } });
    const s = await outbox.status();
    expect(s).toMatchObject({ pending: 0, sent: 1, failed: 0, persisted: true });
    expect(JSON.stringify(s)).not.toContain('138');
  });

  it('refuses an invalid draft naming the field, storing nothing', async () => {
    const outbox = await harness(async () => ({ kind: 'stored', status: 201 })).open();
    opened.push(outbox);
    await expect(outbox.enqueue({ ...draft(), contact: { name: 'x', phone: '1440123456789' } })).rejects.toMatchObject({ field: 'contact.phone' });
    await expect(outbox.enqueue({ ...draft(), contact: { name: 'x', phone: '1' } })).rejects.toBeInstanceOf(LeadDraftError);
    expect((await outbox.status()).entries).toHaveLength(0);
  });

  it('backs off exponentially while offline, and sends once the network returns', async () => {
    let online = false;
    let calls = 0;
    const h = harness(async () => {
      calls++;
      if (!online) throw new TypeError('Failed to fetch');
      return { kind: 'stored', status: 201 };
    });
    const outbox = await h.open();
    opened.push(outbox);
    await outbox.enqueue(draft());
    const due: number[] = [];
    for (let i = 0; i < 4; i++) {
      await outbox.syncNow();
      const e = (await outbox.status()).entries[0]!;
      due.push(e.nextAttemptAtMs - h.clock.ms);
      expect(await outbox.syncNow()).toEqual({ sent: 0, retrying: 0, rejected: 0 }); // not due yet
      h.clock.ms = e.nextAttemptAtMs;
    }
    expect(due).toEqual([500, 1000, 2000, 4000]); // random() = 0: half the ceiling
    online = true;
    expect((await outbox.syncNow()).sent).toBe(1);
    expect(calls).toBe(5);
  });

  it('a retry asked for while a failing send is still out is not lost to that send\'s backoff', async () => {
    // The network returns while the last offline attempt is still failing: "retry all" must win.
    let failInFlight: (() => void) | undefined;
    const sends: string[] = [];
    const h = harness(async () => {
      sends.push(failInFlight ? 'online' : 'offline');
      if (sends.length === 1) {
        await new Promise<void>((resolve) => (failInFlight = resolve));
        throw new TypeError('Failed to fetch');
      }
      return { kind: 'stored', status: 201 };
    });
    const outbox = await h.open();
    opened.push(outbox);
    await outbox.enqueue(draft());
    const first = outbox.syncNow();
    await vi.waitFor(() => expect(failInFlight).toBeDefined());
    const retry = outbox.retryAll(); // the 'online' event
    failInFlight!();
    await first;
    expect((await retry).sent).toBe(1);
    expect(sends).toEqual(['offline', 'online']);
    expect((await outbox.status()).sent).toBe(1);
  });

  it('survives a reload: a new outbox on the same database sends what the old one stored', async () => {
    const sent: string[] = [];
    let online = false;
    const h = harness(async (lead) => {
      if (!online) return { kind: 'retry', status: null, reason: 'offline' };
      sent.push(lead.id);
      return { kind: 'stored', status: 201 };
    });
    const before = await h.open();
    const id = await before.enqueue(draft());
    await before.syncNow();
    before.close();
    online = true;
    const after = await h.open();
    opened.push(after);
    expect((await after.status()).pending).toBe(1);
    await after.retryAll();
    expect(sent).toEqual([id]);
  });

  it('marks a lead the server rejects for good as failed, keeps retrying a 409 or 503', async () => {
    const answers: SendResult[] = [
      { kind: 'retry', status: 409, reason: 'in_flight' },
      { kind: 'retry', status: 503, reason: 'unavailable' },
      { kind: 'rejected', status: 422, reason: 'idempotency_mismatch' },
    ];
    const h = harness(async () => answers.shift()!);
    const outbox = await h.open();
    opened.push(outbox);
    const id = await outbox.enqueue(draft());
    for (let i = 0; i < 3; i++) {
      await outbox.retryAll();
    }
    const s = await outbox.status();
    expect(s.entries[0]).toMatchObject({ id, state: 'failed', attempts: 3, lastError: '422 idempotency_mismatch' });
    expect(await outbox.discard(id)).toBe(true);
    expect((await outbox.status()).entries).toHaveLength(0);
  });
});

describe('lead outbox in the background', () => {
  it('start() sends a new lead and keeps retrying on its own until the server takes it', async () => {
    let failures = 2;
    const sent: string[] = [];
    const h = harness(async (lead) => {
      if (failures-- > 0) return { kind: 'retry', status: 503, reason: 'unavailable' };
      sent.push(lead.id);
      return { kind: 'stored', status: 201 };
    });
    const outbox = await openLeadOutbox({ ...h.deps, now: Date.now, baseDelayMs: 5, maxDelayMs: 20 });
    opened.push(outbox);
    const statuses: number[] = [];
    outbox.subscribe((s) => statuses.push(s.sent));
    outbox.start();
    const id = await outbox.enqueue(draft());
    await vi.waitFor(() => expect(sent).toEqual([id]), { timeout: 10_000, interval: 20 });
    await outbox.stop();
    expect((await outbox.status()).entries[0]).toMatchObject({ state: 'sent', attempts: 3 });
    expect(statuses).toContain(1);
  });
});

describe('lead outbox integrity', () => {
  it('marks an entry that no longer decrypts as failed instead of blocking the queue', async () => {
    const sent: string[] = [];
    const h = harness(async (lead) => (sent.push(lead.id), { kind: 'stored', status: 201 }));
    const outbox = await h.open();
    opened.push(outbox);
    const bad = await outbox.enqueue(draft('13812345670'));
    const good = await outbox.enqueue(draft('13812345671'));
    await new Promise<void>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME, 1);
      req.onsuccess = () => {
        const store = req.result.transaction('entries', 'readwrite').objectStore('entries');
        const get = store.get(bad);
        get.onsuccess = () => {
          const entry = get.result;
          const bytes = new Uint8Array(entry.sealed.data);
          bytes[0] = bytes[0]! ^ 0xff; // a corrupted byte: GCM authentication fails
          store.put(entry).onsuccess = () => (req.result.close(), resolve());
        };
      };
    });
    expect(await outbox.syncNow()).toEqual({ sent: 1, retrying: 0, rejected: 1 });
    expect(sent).toEqual([good]);
    expect((await outbox.status()).entries.find((e) => e.id === bad)).toMatchObject({ state: 'failed', lastError: 'cannot decrypt (device key changed?)' });
  });
});

describe('outbox against the lead server', () => {
  let f: Fixture;
  afterEach(async () => {
    await f?.close();
  });

  it('offline submit, reload, network returns: the lead arrives exactly once', async () => {
    f = await makeFixture('sqlite');
    let online = false;
    let posts = 0;
    const fetchViaInject = (async (url: string, init: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      posts++;
      const res = await f.app.inject({ method: 'POST', url, headers: init.headers as Record<string, string>, payload: init.body as string });
      return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const send = createLeadSender({ getToken: async () => f.tokens.kiosk, fetch: fetchViaInject });
    const h = harness(send);
    const first = await h.open();
    const id = await first.enqueue(draft('13700001111'));
    await first.syncNow();
    first.close(); // page reload
    online = true;
    const second = await h.open();
    opened.push(second);
    await second.retryAll();
    await second.retryAll(); // a second pass must not resend
    expect(posts).toBe(1);
    const list = (await f.app.inject({ url: '/api/leads?phone=13700001111', headers: auth(f.tokens.manager) })).json();
    expect(list.total).toBe(1);
    expect(list.leads[0].id).toBe(id);
  });
});

describe('lead outbox without WebCrypto (plain HTTP from another address)', () => {
  it('seals with the JavaScript AES-GCM under a device key that stays in IndexedDB, and sends the same lead', async () => {
    const sent: Lead[] = [];
    const h = harness(async (lead) => (sent.push(lead), { kind: 'stored', status: 201 }));
    h.deps.subtle = null;
    const outbox = await h.open();
    opened.push(outbox);
    const id = await outbox.enqueue(draft('13912345678'));
    // At rest: no trace of the name or number in the stored entry.
    const raw = await new Promise<unknown[]>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME);
      req.onsuccess = () => {
        const all = req.result.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => (resolve(all.result as unknown[]), req.result.close());
      };
    });
    const bytes = new Uint8Array((raw[0] as { sealed: { data: ArrayBuffer } }).sealed.data);
    expect(new TextDecoder().decode(bytes)).not.toMatch(/王小明|13912345678/);
    // A reload (a new outbox on the same database) still decrypts with the stored key.
    const again = await h.open();
    opened.push(again);
    expect((await again.syncNow()).sent).toBe(1);
    expect(sent[0]).toMatchObject({ id, contact: { name: '王小明', phone: '+8613912345678' } });
  });

  it('makes version 4 UUIDs without crypto.randomUUID', async () => {
    const { randomUuid } = await import('../../src/leads/outbox-crypto.ts');
    const ids = new Set(Array.from({ length: 200 }, () => randomUuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
