import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KIOSK_DATABASES, KIOSK_KEYS, wipeSessionStorage } from '../../src/state/session-wipe.ts';

/** A Storage over a Map (node has none). */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(entries));
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const openDb = (name: string) =>
  new Promise<void>((done, fail) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => {
      req.result.close();
      done();
    };
    req.onerror = () => fail(req.error);
  });

describe('the storage wipe between customers', () => {
  it("keeps only the kiosk's own keys and the lead outbox, and clears the session and the route", async () => {
    const kept = Object.fromEntries(KIOSK_KEYS.map((k) => [k, `kept ${k}`]));
    const local = memoryStorage({ ...kept, 'showroom-twin.plan-draft': '{"dailyKm":60}', 'other-lib': 'x' });
    const session = memoryStorage({ 'showroom-twin.rep-token': 'secret' });
    await openDb(KIOSK_DATABASES[0]!);
    await openDb('session');
    await openDb('some-cache');
    let replaced: string | null = null;
    await wipeSessionStorage({
      local,
      session,
      idb: indexedDB,
      location: { pathname: '/', search: '?idle=90', hash: '#/plan?a=eyJkIjo2MH0&k=tok' },
      history: { replaceState: (_s, _t, url) => void (replaced = String(url)) },
    });
    expect(Object.fromEntries(KIOSK_KEYS.map((k) => [k, local.getItem(k)]))).toEqual(kept);
    expect(local.length).toBe(KIOSK_KEYS.length);
    expect(session.length).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([KIOSK_DATABASES[0]]);
    // The kiosk's start parameters stay; the customer's route and its answers go.
    expect(replaced).toBe('/?idle=90#/');
  });

  it('leaves a clean home route alone', async () => {
    let calls = 0;
    await wipeSessionStorage({ local: memoryStorage(), session: memoryStorage(), location: { pathname: '/', search: '', hash: '#/' }, history: { replaceState: () => void calls++ } });
    expect(calls).toBe(0);
  });
});
