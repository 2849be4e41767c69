import { create } from 'zustand';
import { parseJson, parseVehicle, type VehicleSpec } from '../sim/index.ts';
import { INDEX_SOURCE, vehicleIdsOf } from '../store/lineup-ids.ts';
import { orderCars } from '../store/store-settings.ts';
import { useStoreSettings } from './settings-store.ts';
import { toFailure } from './failure.ts';
import type { SimFailure } from './sim-protocol.ts';

/** One trim of the line-up: parsed, or the reason its bundle cannot be used. */
export type LineupEntry =
  | { id: string; source: string; status: 'ok'; raw: unknown; spec: VehicleSpec }
  | { id: string; source: string; status: 'error'; failure: SimFailure; name?: LocalizedName };

export interface LocalizedName {
  'zh-CN': string;
  en: string;
}

/** The display name of a bundle that failed validation, if its name field itself is usable. */
function nameOf(raw: unknown): LocalizedName | undefined {
  const name = (raw as { name?: Record<string, unknown> } | null)?.name;
  return typeof name?.['zh-CN'] === 'string' && typeof name.en === 'string'
    ? { 'zh-CN': name['zh-CN'], en: name.en }
    : undefined;
}

export { vehicleIdsOf };

interface LineupState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The cars the kiosk shows: the store settings' `cars`, in their order (else the whole line-up). */
  entries: LineupEntry[];
  /** Every trim of models/index.json, in its order (rep mode's store settings choose from these). */
  all: LineupEntry[];
  failure: SimFailure | null;
  load: (fetchImpl?: typeof fetch) => Promise<void>;
}

async function fetchJson(fetchImpl: typeof fetch, source: string): Promise<unknown> {
  const response = await fetchImpl(`${import.meta.env.BASE_URL}${source}`);
  if (!response.ok) throw { source, field: '', detail: `HTTP ${response.status}` };
  // A static server with an SPA fallback answers a missing file with the app's index.html.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw { source, field: '', detail: 'file not found (the server sent a web page)' };
  }
  return parseJson(await response.text(), source);
}

async function loadEntry(fetchImpl: typeof fetch, id: string): Promise<LineupEntry> {
  const source = `models/${id}/vehicle.json`;
  let raw: unknown;
  try {
    raw = await fetchJson(fetchImpl, source);
    const spec = parseVehicle(raw, source);
    return { id, source, status: 'ok', raw, spec };
  } catch (error) {
    const name = nameOf(raw);
    return { id, source, status: 'error', failure: toFailure(error), ...(name && { name }) };
  }
}

/** The entries the store shows, in its order. */
function shown(all: LineupEntry[]): LineupEntry[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  return orderCars([...byId.keys()], useStoreSettings.getState().settings.cars).map((id) => byId.get(id)!);
}

/**
 * The vehicle line-up, fetched at run time so a dealer can replace the bundles in
 * `public/models/` without a rebuild. A broken bundle becomes an error entry; the others load.
 */
export const useLineupStore = create<LineupState>()((set, get) => ({
  status: 'idle',
  entries: [],
  all: [],
  failure: null,
  load: async (fetchImpl = fetch) => {
    if (get().status === 'loading') return;
    set({ status: 'loading', failure: null });
    try {
      const ids = vehicleIdsOf(await fetchJson(fetchImpl, INDEX_SOURCE));
      const all = await Promise.all(ids.map((id) => loadEntry(fetchImpl, id)));
      set({ status: 'ready', all, entries: shown(all) });
    } catch (error) {
      set({ status: 'error', entries: [], all: [], failure: toFailure(error) });
    }
  },
}));

// Settings that arrive (or change) after the line-up loaded reorder what the kiosk shows.
useStoreSettings.subscribe((s, prev) => {
  if (s.settings.cars !== prev.settings.cars && useLineupStore.getState().status === 'ready') useLineupStore.setState({ entries: shown(useLineupStore.getState().all) });
});
