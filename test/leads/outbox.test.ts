// idb checks instanceof IDBRequest etc. on globals; each test still injects its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadDraftError, openLeadOutbox, OUTBOX_DB_NAME, OUTBOX_MAX_AGE_MS, type OutboxDeps, type SendResult, type SendVia } from '../../src/leads/outbox.ts';
import { seal } from '../../src/leads/outbox-crypto.ts';
import { createLeadSender } from '../../src/leads/sync-client.ts';
import type { Lead } from '../../src/leads/lead-schema.ts';
import { auth, makeFixture, type Fixture } from '../server/helpers.ts';

const draft = (phone = '13812345678') => ({ contact: { name: '王小明', phone }, consent: { contact: true as const, textVersion: 'zh-CN-1' } });

function harness(send: (lead: Lead, via: SendVia) => Promise<SendResult>) {
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
        const req = h.factory.open(OUTBOX_DB_NAME);
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
    expect(await outbox.syncNow()).toEqual({ sent: 1, retrying: 0, rejected: 0, refused: 0 });
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
      expect(await outbox.syncNow()).toEqual({ sent: 0, retrying: 0, rejected: 0, refused: 0 }); // not due yet
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
      const req = h.factory.open(OUTBOX_DB_NAME);
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
    expect(await outbox.syncNow()).toEqual({ sent: 1, retrying: 0, rejected: 1, refused: 0 });
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
    const send = createLeadSender({ tokens: { choose: async () => ({ token: f.tokens.kiosk, source: 'paired' }) }, fetch: fetchViaInject });
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

/** Reads the raw stored entries (as another tab or a forensic look at the disk would). */
function rawEntries(factory: IDBFactory): Promise<Record<string, unknown>[]> {
  return new Promise((resolve) => {
    const req = factory.open(OUTBOX_DB_NAME);
    req.onsuccess = () => {
      const all = req.result.transaction('entries').objectStore('entries').getAll();
      all.onsuccess = () => (resolve(all.result as Record<string, unknown>[]), req.result.close());
    };
  });
}

describe('no entry waits forever', () => {
  const LINK: SendVia = { kind: 'link', token: `stw_share_${'a'.repeat(43)}`, expiresAtMs: 2_000_000 };

  it('closes an entry whose share-link token the server refuses, and deletes its personal data at once', async () => {
    const vias: SendVia[] = [];
    const h = harness(async (_lead, via) => (vias.push(via), { kind: 'refused', status: 401, reason: 'unauthorized' }));
    const outbox = await h.open();
    opened.push(outbox);
    const id = await outbox.enqueue(draft('13912340000'), LINK);
    expect(await outbox.syncNow()).toEqual({ sent: 0, retrying: 0, rejected: 0, refused: 1 });
    expect(vias).toEqual([LINK]); // the entry keeps the link it was made under
    expect((await outbox.status()).entries[0]).toMatchObject({ id, state: 'refused', via: 'link', lastError: '401 unauthorized' });
    const [raw] = await rawEntries(h.factory);
    expect(raw!.sealed).toBeNull();
    // Closed: no further attempt, ever.
    h.clock.ms += 3600_000;
    expect(await outbox.retryAll()).toEqual({ sent: 0, retrying: 0, rejected: 0, refused: 0 });
  });

  it('removes pending and failed entries older than 30 days and counts them; rep mode reads the count', async () => {
    const h = harness(async (lead) => (lead.contact.phone.endsWith('1') ? { kind: 'rejected', status: 400, reason: 'invalid' } : { kind: 'retry', status: 503, reason: 'unavailable' }));
    const outbox = await h.open();
    opened.push(outbox);
    await outbox.enqueue(draft('13912340001')); // will fail for good
    await outbox.enqueue(draft('13912340002')); // keeps being retried
    await outbox.syncNow();
    expect(await outbox.status()).toMatchObject({ pending: 1, failed: 1, expired: 0 });
    h.clock.ms += OUTBOX_MAX_AGE_MS - 1;
    await outbox.retryAll();
    expect(await outbox.status()).toMatchObject({ pending: 1, failed: 1, expired: 0 });
    h.clock.ms += 1;
    const young = await outbox.enqueue(draft('13912340003'));
    h.clock.ms += 1;
    await outbox.syncNow();
    const s = await outbox.status();
    expect(s).toMatchObject({ pending: 1, failed: 0, expired: 2 });
    expect(s.entries.map((e) => e.id)).toEqual([young]);
    // The count outlives a reload.
    const again = await h.open();
    opened.push(again);
    expect((await again.status()).expired).toBe(2);
  });
});

describe('several tabs on one outbox', () => {
  it('a tab whose send fails late never turns an entry another tab delivered back to pending', async () => {
    // Tab A's send hangs and then fails; meanwhile tab B sends the same entry and it is stored.
    let releaseA: (() => void) | undefined;
    const h = harness(async () => {
      await new Promise<void>((resolve) => (releaseA = resolve));
      return { kind: 'retry', status: 503, reason: 'unavailable' };
    });
    const tabA = await h.open();
    opened.push(tabA);
    const tabB = await openLeadOutbox({ ...h.deps, send: async () => ({ kind: 'stored', status: 201 }) });
    opened.push(tabB);
    const id = await tabA.enqueue(draft('13912340010'));
    const a = tabA.syncNow();
    await vi.waitFor(() => expect(releaseA).toBeDefined());
    expect((await tabB.syncNow()).sent).toBe(1);
    releaseA!();
    await a;
    const entry = (await tabB.status()).entries.find((e) => e.id === id)!;
    expect(entry).toMatchObject({ state: 'sent', attempts: 1 });
    const [raw] = await rawEntries(h.factory);
    expect(raw!.sealed).toBeNull(); // the personal data did not come back either
  });

  it('holds the Web Lock for a sync run, so the second tab waits and then finds nothing left to send', async () => {
    const order: string[] = [];
    let tail = Promise.resolve();
    const locks = {
      request: (_name: string, fn: () => Promise<unknown>) => {
        const run = tail.then(fn);
        tail = run.then(() => undefined, () => undefined);
        return run;
      },
    } as unknown as Pick<LockManager, 'request'>;
    const h = harness(async (lead) => (order.push(lead.id), { kind: 'stored', status: 201 }));
    h.deps.locks = locks;
    const tabA = await h.open();
    const tabB = await h.open();
    opened.push(tabA, tabB);
    const id = await tabA.enqueue(draft('13912340011'));
    const [a, b] = await Promise.all([tabA.syncNow(), tabB.syncNow()]);
    expect(a.sent + b.sent).toBe(1);
    expect(order).toEqual([id]);
  });

  it('tells the other tabs about a change, so their status views follow', async () => {
    const channelA = new EventTarget() as EventTarget & Pick<BroadcastChannel, 'postMessage'>;
    const channelB = new EventTarget() as EventTarget & Pick<BroadcastChannel, 'postMessage'>;
    channelA.postMessage = () => channelB.dispatchEvent(new MessageEvent('message', { data: 'changed' }));
    channelB.postMessage = () => channelA.dispatchEvent(new MessageEvent('message', { data: 'changed' }));
    const h = harness(async () => ({ kind: 'stored', status: 201 }));
    const tabA = await openLeadOutbox({ ...h.deps, channel: channelA as unknown as BroadcastChannel });
    const tabB = await openLeadOutbox({ ...h.deps, channel: channelB as unknown as BroadcastChannel });
    opened.push(tabA, tabB);
    const seen: number[] = [];
    tabB.subscribe((s) => seen.push(s.pending));
    await tabA.enqueue(draft('13912340012'));
    await vi.waitFor(() => expect(seen).toContain(1));
  });
});

describe('version skew: a lead a newer server refuses', () => {
  it('is kept with the server’s reason, and a rep resends it after the kiosk updates', async () => {
    let serverWants = 'new';
    const h = harness(async (lead) => (lead.consent.textVersion === serverWants ? { kind: 'stored', status: 201 } : { kind: 'rejected', status: 400, reason: 'invalid consent.textVersion: unknown notice version' }));
    h.deps.appVersion = '0.1.0+old';
    const old = await h.open();
    opened.push(old);
    const id = await old.enqueue({ ...draft('13912340020'), consent: { contact: true, textVersion: 'old' } });
    await old.syncNow();
    expect((await old.status()).entries[0]).toMatchObject({ id, state: 'failed', appVersion: '0.1.0+old', lastError: '400 invalid consent.textVersion: unknown notice version' });
    // Resending an unchanged lead to a server that still refuses it fails the same way, and is kept.
    expect(await old.resend(id)).toEqual({ ok: true });
    await old.syncNow();
    expect((await old.status()).entries[0]).toMatchObject({ state: 'failed' });
    // The side that was wrong is fixed (here the server; or an updated kiosk whose schema brings the lead up to date): resent, it is delivered.
    serverWants = 'old';
    const updated = await openLeadOutbox({ ...h.deps, appVersion: '0.2.0+new' });
    opened.push(updated);
    expect(await updated.resend(id)).toEqual({ ok: true });
    await updated.syncNow();
    expect((await updated.status()).entries[0]).toMatchObject({ id, state: 'sent', appVersion: '0.2.0+new' });
  });

  it('a resend reads the lead through this version’s schema and says which field it objects to', async () => {
    const h = harness(async () => ({ kind: 'rejected', status: 400, reason: 'invalid' }));
    const outbox = await h.open();
    opened.push(outbox);
    const id = await outbox.enqueue(draft('13912340021'));
    await outbox.syncNow();
    // Stored by an older version with a field this version no longer accepts.
    const key = await new Promise<CryptoKey>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME);
      req.onsuccess = () => {
        const get = req.result.transaction('keys').objectStore('keys').get('lead-key');
        get.onsuccess = () => (resolve(get.result as CryptoKey), req.result.close());
      };
    });
    const stale = { id, contact: { name: '王小明', phone: '+8613912340021' }, consent: { contact: true, textVersion: 'v' }, kioskModel: 'K1' };
    const sealed = await seal(globalThis.crypto.subtle, key, id, stale, globalThis.crypto.getRandomValues(new Uint8Array(12)));
    await new Promise<void>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME);
      req.onsuccess = () => {
        const store = req.result.transaction('entries', 'readwrite').objectStore('entries');
        const get = store.get(id);
        get.onsuccess = () => (store.put({ ...get.result, sealed }).onsuccess = () => (req.result.close(), resolve()));
      };
    });
    expect(await outbox.resend(id)).toMatchObject({ ok: false, message: expect.stringContaining('kioskModel') });
    expect((await outbox.status()).entries[0]).toMatchObject({ state: 'failed' });
  });

  it('sends an entry an older version stored (the lead alone, no way of sending recorded) as a kiosk lead', async () => {
    const vias: SendVia[] = [];
    const h = harness(async (_lead, via) => (vias.push(via), { kind: 'stored', status: 201 }));
    const outbox = await h.open();
    opened.push(outbox);
    const key = await new Promise<CryptoKey>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME);
      req.onsuccess = () => {
        const get = req.result.transaction('keys').objectStore('keys').get('lead-key');
        get.onsuccess = () => (resolve(get.result as CryptoKey), req.result.close());
      };
    });
    const id = '00000000-0000-4000-8000-0000000000aa';
    const lead = { id, contact: { name: '王小明', phone: '+8613912340022' }, consent: { contact: true, textVersion: 'v' } };
    const sealed = await seal(globalThis.crypto.subtle, key, id, lead, globalThis.crypto.getRandomValues(new Uint8Array(12)));
    await new Promise<void>((resolve) => {
      const req = h.factory.open(OUTBOX_DB_NAME);
      req.onsuccess = () => {
        const entry = { id, state: 'pending', createdAtMs: h.clock.ms, attempts: 0, nextAttemptAtMs: h.clock.ms, lastError: null, sentAtMs: null, sealed };
        req.result.transaction('entries', 'readwrite').objectStore('entries').put(entry).onsuccess = () => (req.result.close(), resolve());
      };
    });
    expect((await outbox.syncNow()).sent).toBe(1);
    expect(vias).toEqual([{ kind: 'kiosk' }]);
  });
});
