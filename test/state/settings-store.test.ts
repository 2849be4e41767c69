// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DEFAULT_PRICES } from '../../src/plan/index.ts';
import { defaultStoreSettings, StoreSettingsSchema, type StoreSettings } from '../../src/store/store-settings.ts';
import { auth, makeFixture, type Fixture } from '../server/helpers.ts';
import { injectFetch } from '../ui/rep/inject-fetch.ts';

const KEY = 'showroom-twin.store-settings';
const pudong: StoreSettings = StoreSettingsSchema.parse({
  storeId: 'store-a',
  name: { 'zh-CN': '维拉汽车上海浦东体验中心', en: 'Vela Shanghai Pudong' },
  cars: ['vela-x7-standard'],
  prices: { petrolCnyPerL: 8.05 },
  idle: { resetAfterS: 180, stillThereS: 30 },
  languages: { offered: ['en', 'zh-CN'], default: 'en' },
});

/** A fresh copy of the stores, as a kiosk page that just started (the settings module reads its cache once). */
async function startKiosk() {
  vi.resetModules();
  const settings = await import('../../src/state/settings-store.ts');
  const locale = await import('../../src/state/locale-store.ts');
  const reset = await import('../../src/state/session-reset.ts');
  return { ...settings, ...locale, ...reset };
}

const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
const noToken = async () => null;

describe('the kiosk’s store settings', () => {
  beforeEach(() => localStorage.clear());

  it('starts on the defaults without a server or a cached copy', async () => {
    const k = await startKiosk();
    await k.useStoreSettings.getState().load({ fetch: offline, token: noToken });
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: defaultStoreSettings('local'), source: 'defaults', problem: null });
    expect(k.useStoreSettings.getState().settings.prices).toEqual(DEFAULT_PRICES);
  });

  it('caches what the server gave, and an offline start runs on that copy, in the store’s language', async () => {
    let k = await startKiosk();
    const answer = new Response(JSON.stringify({ settings: pudong, source: 'file', problem: null, editable: true }), { headers: { 'content-type': 'application/json' } });
    await k.useStoreSettings.getState().load({ fetch: (async () => answer) as typeof fetch, token: noToken });
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: pudong, source: 'server' });
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(pudong);
    expect(k.useLocaleStore.getState().locale).toBe('en');

    k = await startKiosk(); // a reload without the server
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: pudong, source: 'cache' });
    expect(k.useLocaleStore.getState().locale).toBe('en');
    await k.useStoreSettings.getState().load({ fetch: offline, token: noToken });
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: pudong, source: 'cache' });
  });

  it('ignores a cached copy the schema refuses, and an answer it cannot read', async () => {
    localStorage.setItem(KEY, JSON.stringify({ ...pudong, idle: { stillThereS: 5 } }));
    const k = await startKiosk();
    expect(k.useStoreSettings.getState().source).toBe('defaults');
    const garbage = (async () => new Response('{"settings": {"storeId": 7}}', { headers: { 'content-type': 'application/json' } })) as typeof fetch;
    await k.useStoreSettings.getState().load({ fetch: garbage, token: noToken });
    expect(k.useStoreSettings.getState().source).toBe('defaults');
  });

  it('returns the next customer to the store’s language at a session reset', async () => {
    localStorage.setItem(KEY, JSON.stringify(pudong));
    const k = await startKiosk();
    k.useLocaleStore.getState().setLocale('zh-CN');
    k.resetKioskSession();
    expect(k.useLocaleStore.getState().locale).toBe('en');
  });

  it('drops a language the store no longer offers', async () => {
    localStorage.setItem(KEY, JSON.stringify(pudong));
    const k = await startKiosk();
    k.useStoreSettings.getState().apply({ settings: { ...pudong, languages: { offered: ['zh-CN'], default: 'zh-CN' } }, problem: null });
    expect(k.useLocaleStore.getState().locale).toBe('zh-CN');
  });
});

describe('the kiosk’s store settings from the real lead server', () => {
  let f: Fixture;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
    writeFileSync(join(dir, 'store-b.json'), JSON.stringify({ ...pudong, storeId: 'store-b' }));
    f = await makeFixture('sqlite', { storeSettings: { file: join(dir, '{store}.json'), watch: false } });
  });
  afterAll(async () => {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets its own store’s settings with its token, and the file’s problem', async () => {
    localStorage.clear();
    const k = await startKiosk();
    await k.useStoreSettings.getState().load({ fetch: injectFetch(f.app), token: async () => f.tokens.kioskB });
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: { ...pudong, storeId: 'store-b' }, source: 'server', problem: null });

    writeFileSync(join(dir, 'store-a.json'), '{"storeId": "store-a", "prices": {"petrolCnyPerL": "8"}}');
    await k.useStoreSettings.getState().load({ fetch: injectFetch(f.app), token: async () => f.tokens.kiosk });
    expect(k.useStoreSettings.getState()).toMatchObject({ settings: defaultStoreSettings('store-a'), problem: { issues: [{ path: 'prices.petrolCnyPerL' }] } });
    expect((await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kiosk) })).json().source).toBe('defaults');
  });
});
