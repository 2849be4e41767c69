import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLineupStore, vehicleIdsOf } from '../../src/state/lineup-store.ts';
import { useStoreSettings } from '../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../src/store/store-settings.ts';

const shipped = (path: string) => readFileSync(new URL(`../../public/${path}`, import.meta.url), 'utf8');

/** A fetch that serves files from a map, 404 for anything else. */
function fakeFetch(files: Record<string, string>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const path = String(input).replace(/^\//, '');
    const body = files[path];
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(body, { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('vehicleIdsOf', () => {
  it('reads the shapes an index may take', () => {
    expect(vehicleIdsOf(['a', 'b'])).toEqual(['a', 'b']);
    expect(vehicleIdsOf({ vehicles: ['a'] })).toEqual(['a']);
    expect(vehicleIdsOf({ vehicles: [{ id: 'a' }] })).toEqual(['a']);
  });

  it('rejects ids that could escape the models folder', () => {
    expect(() => vehicleIdsOf(['../secrets'])).toThrow();
  });
});

describe('line-up store', () => {
  beforeEach(() => useLineupStore.setState({ status: 'idle', entries: [], all: [], failure: null }));

  it('loads the shipped line-up', async () => {
    const index = JSON.parse(shipped('models/index.json')) as { vehicles: string[] };
    const files: Record<string, string> = { 'models/index.json': shipped('models/index.json') };
    for (const id of index.vehicles) files[`models/${id}/vehicle.json`] = shipped(`models/${id}/vehicle.json`);
    await useLineupStore.getState().load(fakeFetch(files));
    const { status, entries } = useLineupStore.getState();
    expect(status).toBe('ready');
    expect(entries.map((e) => e.status)).toEqual(index.vehicles.map(() => 'ok'));
  });

  it('keeps the good trims and names the broken file and field', async () => {
    await useLineupStore.getState().load(
      fakeFetch({
        'models/index.json': '["good", "bad", "gone"]',
        'models/good/vehicle.json': shipped('models/vela-s5-standard/vehicle.json'),
        'models/bad/vehicle.json': JSON.stringify({ id: 'bad', name: { 'zh-CN': '坏', en: 'Bad' } }),
      }),
    );
    const [good, bad, gone] = useLineupStore.getState().entries;
    expect(good?.status).toBe('ok');
    expect(bad).toMatchObject({
      status: 'error',
      failure: { kind: 'spec', source: 'models/bad/vehicle.json' },
      name: { 'zh-CN': '坏', en: 'Bad' },
    });
    expect(gone).toMatchObject({ status: 'error', failure: { kind: 'spec', detail: 'HTTP 404' } });
  });

  it('fails as a whole, with the reason, when the index is missing', async () => {
    await useLineupStore.getState().load(fakeFetch({}));
    expect(useLineupStore.getState()).toMatchObject({
      status: 'error',
      failure: { kind: 'spec', source: 'models/index.json', detail: 'HTTP 404' },
    });
  });

  it('shows the store settings’ cars in their order, keeps the whole line-up for rep mode, and follows new settings', async () => {
    const index = JSON.parse(shipped('models/index.json')) as { vehicles: string[] };
    const files: Record<string, string> = { 'models/index.json': shipped('models/index.json') };
    for (const id of index.vehicles) files[`models/${id}/vehicle.json`] = shipped(`models/${id}/vehicle.json`);
    const settings = (cars?: string[]) => ({ settings: { ...defaultStoreSettings('local'), ...(cars ? { cars } : {}) }, problem: null });
    useStoreSettings.getState().apply(settings(['vela-x7-long-range', 'vela-s5-standard']));
    await useLineupStore.getState().load(fakeFetch(files));
    expect(useLineupStore.getState().entries.map((e) => e.id)).toEqual(['vela-x7-long-range', 'vela-s5-standard']);
    expect(useLineupStore.getState().all.map((e) => e.id)).toEqual(index.vehicles);
    useStoreSettings.getState().apply(settings(['vela-s5-performance']));
    expect(useLineupStore.getState().entries.map((e) => e.id)).toEqual(['vela-s5-performance']);
    useStoreSettings.getState().apply(settings());
    expect(useLineupStore.getState().entries.map((e) => e.id)).toEqual(index.vehicles);
  });
});
