import { describe, expect, it } from 'vitest';
import { createKioskTokenSource, createLeadSender, type SenderTokens, type TokenStore } from '../../src/leads/sync-client.ts';
import { LeadSchema } from '../../src/leads/lead-schema.ts';

const memoryStore = (): TokenStore & { value: string | null; revoked: number | null } => {
  const s = {
    value: null as string | null,
    revoked: null as number | null,
    get: async () => s.value,
    set: async (t: string | null) => void (s.value = t),
    revokedAt: async () => s.revoked,
    setRevokedAt: async (ms: number | null) => void (s.revoked = ms),
  };
  return s;
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const lead = LeadSchema.parse({ id: crypto.randomUUID(), contact: { name: 'a', phone: '13812345678' }, consent: { contact: true, textVersion: 'v' } });
const paired = (token: string | null = 't'): SenderTokens => ({ choose: async () => (token ? { token, source: 'paired' } : null) });
const LINK = { kind: 'link' as const, token: `stw_share_${'a'.repeat(43)}`, expiresAtMs: 10_000 };

describe('createLeadSender', () => {
  it.each([
    [201, 'stored'], [200, 'stored'], [400, 'rejected'], [403, 'rejected'], [413, 'rejected'], [422, 'rejected'],
    [401, 'retry'], [409, 'retry'], [429, 'retry'], [503, 'retry'],
  ])('classifies HTTP %i for a kiosk as %s', async (status, kind) => {
    const send = createLeadSender({ tokens: paired(), fetch: (async () => json(status, { error: 'x', field: 'contact.phone', message: 'why' })) as typeof fetch });
    expect((await send(lead)).kind).toBe(kind);
  });

  it('keeps the server’s reason with a refusal, for a rep to judge a version skew', async () => {
    const send = createLeadSender({ tokens: paired(), fetch: (async () => json(400, { error: 'invalid', field: 'consent.textVersion', message: 'expected a version like 2026-12/zh-CN' })) as typeof fetch });
    expect(await send(lead)).toEqual({ kind: 'rejected', status: 400, reason: 'invalid consent.textVersion: expected a version like 2026-12/zh-CN' });
  });

  it('retries when offline or unpaired, without calling the server unpaired', async () => {
    let calls = 0;
    const offline = createLeadSender({ tokens: paired(), fetch: (async () => { calls++; throw new TypeError('Failed to fetch'); }) as typeof fetch });
    expect(await offline(lead)).toEqual({ kind: 'retry', status: null, reason: 'network error' });
    const unpaired = createLeadSender({ tokens: paired(null), fetch: (async () => { calls++; return json(201, {}); }) as typeof fetch });
    expect((await unpaired(lead)).kind).toBe('retry');
    expect(calls).toBe(1);
  });

  it('sends a share-link lead with its own link token until the server’s expiry, and closes it on 401 or 403', async () => {
    const used: string[] = [];
    let status = 201;
    const send = createLeadSender({
      tokens: paired('kiosk-token'),
      now: () => 9_999,
      fetch: (async (_url: string, init: RequestInit) => (used.push(new Headers(init.headers).get('authorization')!), json(status, { error: 'unauthorized' }))) as typeof fetch,
    });
    expect(await send(lead, LINK)).toEqual({ kind: 'stored', status: 201 });
    expect(used).toEqual([`Bearer ${LINK.token}`]);
    status = 401;
    expect(await send(lead, LINK)).toEqual({ kind: 'refused', status: 401, reason: 'unauthorized' });
    status = 403;
    expect((await send(lead, LINK)).kind).toBe('refused');
    status = 503;
    expect((await send(lead, LINK)).kind).toBe('retry');
  });

  it('closes a share-link lead whose token has expired without sending it', async () => {
    let calls = 0;
    const send = createLeadSender({ tokens: paired(), now: () => 10_000, fetch: (async () => (calls++, json(201, {}))) as typeof fetch });
    expect(await send(lead, LINK)).toEqual({ kind: 'refused', status: null, reason: 'link expired' });
    expect(calls).toBe(0);
  });
});

describe('createKioskTokenSource', () => {
  it('uses the local kiosk config until paired, then the paired token', async () => {
    const store = memoryStore();
    const fetchStub = (async (url: string) => (url.endsWith('/api/kiosk-config') ? json(200, { token: 'local', storeId: 'local' }) : json(201, { token: 'paired', storeId: 'sh-01' }))) as typeof fetch;
    const source = createKioskTokenSource({ store, fetch: fetchStub });
    expect(await source.choose()).toEqual({ token: 'local', source: 'local' });
    expect(await source.pair('ABCD2345')).toEqual({ ok: true, storeId: 'sh-01' });
    expect(await source.choose()).toEqual({ token: 'paired', source: 'paired' });
    await source.unpair();
    expect(await source.get()).toBe('local');
  });

  it('unpairs when the server answers 401 to the paired token, remembers when, and forgets that on a new pairing', async () => {
    const store = memoryStore();
    store.value = 'revoked-token';
    let posts = 0;
    const fetchStub = (async (url: string) => {
      if (url.endsWith('/api/leads')) return posts++, json(401, { error: 'unauthorized', message: 'unknown or revoked token' });
      if (url.endsWith('/api/pair')) return json(201, { token: 'new-token', storeId: 'sh-01' });
      return json(403, { error: 'forbidden' }); // not the machine of the server: no local token
    }) as typeof fetch;
    const source = createKioskTokenSource({ store, fetch: fetchStub, now: () => 42_000 });
    const send = createLeadSender({ tokens: source, fetch: fetchStub });
    expect(await send(lead)).toEqual({ kind: 'retry', status: 401, reason: 'kiosk token revoked' });
    expect(store.value).toBeNull();
    expect(await source.revokedAt()).toBe(42_000);
    // Unpaired now: the lead waits without asking the server again.
    expect(await send(lead)).toEqual({ kind: 'retry', status: 401, reason: 'kiosk not paired' });
    expect(posts).toBe(1);
    expect(await source.pair('ABCD2345')).toEqual({ ok: true, storeId: 'sh-01' });
    expect(await source.revokedAt()).toBeNull();
  });

  it('does not unpair a kiosk that was paired again while a send with the old token was out', async () => {
    const store = memoryStore();
    store.value = 'new-token';
    const source = createKioskTokenSource({ store, fetch: (async () => json(403, {})) as typeof fetch });
    await source.revoked({ token: 'old-token', source: 'paired' });
    expect(store.value).toBe('new-token');
    expect(await source.revokedAt()).toBeNull();
  });

  it('tells offline from unpaired: the local token fetch failing is a network error, not a 401', async () => {
    let reachable = false;
    const fetchStub = (async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return json(200, { token: 'local', storeId: 'local' });
    }) as typeof fetch;
    const source = createKioskTokenSource({ store: memoryStore(), fetch: fetchStub });
    await expect(source.get()).rejects.toThrow('Failed to fetch');
    const send = createLeadSender({ tokens: source, fetch: fetchStub });
    expect(await send(lead)).toEqual({ kind: 'retry', status: null, reason: 'network error' });
    reachable = true;
    expect(await source.get()).toBe('local'); // the failed fetch was not cached
  });

  it('says unpaired when the server answers that this kiosk gets no local token', async () => {
    const source = createKioskTokenSource({ store: memoryStore(), fetch: (async () => json(403, { error: 'forbidden' })) as typeof fetch });
    expect(await source.get()).toBeNull();
    const send = createLeadSender({ tokens: source });
    expect(await send(lead)).toEqual({ kind: 'retry', status: 401, reason: 'kiosk not paired' });
  });

  it('reports a refused code without storing anything', async () => {
    const store = memoryStore();
    const source = createKioskTokenSource({ store, fetch: (async () => json(404, { error: 'unknown_code', field: 'code' })) as typeof fetch });
    expect(await source.pair('WRONG234')).toEqual({ ok: false, status: 404, field: 'code' });
    expect(store.value).toBeNull();
  });
});
