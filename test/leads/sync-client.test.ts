import { describe, expect, it } from 'vitest';
import { createKioskTokenSource, createLeadSender, type TokenStore } from '../../src/leads/sync-client.ts';
import { LeadSchema } from '../../src/leads/lead-schema.ts';

const memoryStore = (): TokenStore & { value: string | null } => {
  const s = { value: null as string | null, get: async () => s.value, set: async (t: string | null) => void (s.value = t) };
  return s;
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const lead = LeadSchema.parse({ id: crypto.randomUUID(), contact: { name: 'a', phone: '13812345678' }, consent: { contact: true, textVersion: 'v' } });

describe('createLeadSender', () => {
  it.each([
    [201, 'stored'], [200, 'stored'], [400, 'rejected'], [413, 'rejected'], [422, 'rejected'],
    [401, 'retry'], [403, 'retry'], [409, 'retry'], [429, 'retry'], [503, 'retry'],
  ])('classifies HTTP %i as %s', async (status, kind) => {
    const send = createLeadSender({ getToken: async () => 't', fetch: (async () => json(status, { error: 'x', field: 'contact.phone' })) as typeof fetch });
    expect((await send(lead)).kind).toBe(kind);
  });

  it('retries when offline or unpaired, without calling the server unpaired', async () => {
    let calls = 0;
    const offline = createLeadSender({ getToken: async () => 't', fetch: (async () => { calls++; throw new TypeError('Failed to fetch'); }) as typeof fetch });
    expect(await offline(lead)).toEqual({ kind: 'retry', status: null, reason: 'network error' });
    const unpaired = createLeadSender({ getToken: async () => null, fetch: (async () => { calls++; return json(201, {}); }) as typeof fetch });
    expect((await unpaired(lead)).kind).toBe('retry');
    expect(calls).toBe(1);
  });
});

describe('createKioskTokenSource', () => {
  it('uses the local kiosk config until paired, then the paired token', async () => {
    const store = memoryStore();
    const fetchStub = (async (url: string) => (url.endsWith('/api/kiosk-config') ? json(200, { token: 'local', storeId: 'local' }) : json(201, { token: 'paired', storeId: 'sh-01' }))) as typeof fetch;
    const source = createKioskTokenSource({ store, fetch: fetchStub });
    expect(await source.get()).toBe('local');
    expect(await source.pair('ABCD2345')).toEqual({ ok: true, storeId: 'sh-01' });
    expect(await source.get()).toBe('paired');
    await source.unpair();
    expect(await source.get()).toBe('local');
  });

  it('tells offline from unpaired: the local token fetch failing is a network error, not a 401', async () => {
    let reachable = false;
    const fetchStub = (async () => {
      if (!reachable) throw new TypeError('Failed to fetch');
      return json(200, { token: 'local', storeId: 'local' });
    }) as typeof fetch;
    const source = createKioskTokenSource({ store: memoryStore(), fetch: fetchStub });
    await expect(source.get()).rejects.toThrow('Failed to fetch');
    const send = createLeadSender({ getToken: () => source.get(), fetch: fetchStub });
    expect(await send(lead)).toEqual({ kind: 'retry', status: null, reason: 'network error' });
    reachable = true;
    expect(await source.get()).toBe('local'); // the failed fetch was not cached
  });

  it('says unpaired when the server answers that this kiosk gets no local token', async () => {
    const source = createKioskTokenSource({ store: memoryStore(), fetch: (async () => json(403, { error: 'forbidden' })) as typeof fetch });
    expect(await source.get()).toBeNull();
    const send = createLeadSender({ getToken: () => source.get() });
    expect(await send(lead)).toEqual({ kind: 'retry', status: 401, reason: 'kiosk not paired' });
  });

  it('reports a refused code without storing anything', async () => {
    const store = memoryStore();
    const source = createKioskTokenSource({ store, fetch: (async () => json(404, { error: 'unknown_code', field: 'code' })) as typeof fetch });
    expect(await source.pair('WRONG234')).toEqual({ ok: false, status: 404, field: 'code' });
    expect(store.value).toBeNull();
  });
});
