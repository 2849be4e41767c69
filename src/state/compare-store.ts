import { create } from 'zustand';
import { onSessionReset } from './session-reset.ts';
import { acceptReply } from './reply-order.ts';
import type { BreakdownKey, CompareReply, RangeResult, SimFailure } from './sim-protocol.ts';

export const COMPARE_MIN_COLUMNS = 2;
export const COMPARE_MAX_COLUMNS = 3;

/** The pair a rep starts from: a southern summer city day against a Harbin winter highway. */
const DEFAULT_IDS = ['guangzhou-summer-city', 'harbin-winter-highway'];

/** The default columns among the available presets (the warmest and coldest if those are missing). */
export function defaultCompareIds(presetIds: readonly string[]): string[] {
  const ids = DEFAULT_IDS.filter((id) => presetIds.includes(id));
  if (ids.length === COMPARE_MIN_COLUMNS) return ids;
  // Presets come coldest first: the warmest against the coldest.
  return [...new Set([presetIds.at(-1), presetIds[0]].filter((id): id is string => id !== undefined))];
}

/** Energy groups of the compact breakdown, kWh per 100 km. */
export const COMPARE_GROUPS = ['road', 'losses', 'heat', 'auxiliaries', 'regen'] as const;
export type CompareGroup = (typeof COMPARE_GROUPS)[number];
const GROUP_OF: Record<BreakdownKey, CompareGroup> = {
  aero: 'road', rolling: 'road', grade: 'road', inertia: 'road',
  drivetrain: 'losses', battery: 'losses',
  climate: 'heat', batteryThermal: 'heat',
  auxiliaries: 'auxiliaries',
  regen: 'regen',
};

/** Sums the breakdown into the compare view's five groups (regen stays negative). */
export function groupBreakdown(b: Record<BreakdownKey, number>): Record<CompareGroup, number> {
  const out = { road: 0, losses: 0, heat: 0, auxiliaries: 0, regen: 0 };
  for (const [k, v] of Object.entries(b) as [BreakdownKey, number][]) out[GROUP_OF[k]] += v;
  return out;
}

/**
 * The shared scales of the columns, so equal lengths mean equal amounts across columns: the
 * longest range (or the CLTC rating, if longer) and the largest group magnitude, kWh/100 km.
 */
export function sharedScales(results: readonly RangeResult[], ratedKm?: number): { rangeKm: number; groupKwh: number } {
  const groups = results.flatMap((r) => Object.values(groupBreakdown(r.breakdownKwhPer100km)).map(Math.abs));
  return {
    rangeKm: Math.max(ratedKm ?? 0, ...results.map((r) => r.rangeKm), 1),
    groupKwh: Math.max(...groups, 0.1),
  };
}

interface CompareState {
  presetIds: string[];
  results: RangeResult[] | null;
  failure: SimFailure | null;
  stale: boolean;
  requestedSeq: number;
  shownSeq: number;
  setColumns: (ids: string[]) => void;
  setColumn: (index: number, id: string) => void;
  addColumn: (id: string) => void;
  removeColumn: (index: number) => void;
  requested: (seq: number) => void;
  receive: (reply: CompareReply) => void;
  reset: () => void;
}

/** The compare view's columns (preset ids, same trim as the lab) and their simulated results. */
export const useCompareStore = create<CompareState>()((set, get) => ({
  presetIds: [],
  results: null,
  failure: null,
  stale: false,
  requestedSeq: 0,
  shownSeq: 0,
  setColumns: (presetIds) => set({ presetIds: presetIds.slice(0, COMPARE_MAX_COLUMNS) }),
  setColumn: (index, id) => set({ presetIds: get().presetIds.map((p, i) => (i === index ? id : p)) }),
  addColumn: (id) => {
    const ids = get().presetIds;
    if (ids.length < COMPARE_MAX_COLUMNS) set({ presetIds: [...ids, id] });
  },
  removeColumn: (index) => {
    const ids = get().presetIds;
    if (ids.length > COMPARE_MIN_COLUMNS) set({ presetIds: ids.filter((_, i) => i !== index) });
  },
  requested: (seq) => set({ requestedSeq: Math.max(seq, get().requestedSeq), stale: true }),
  receive: (reply) => {
    const order = acceptReply(get(), reply.seq);
    if (!order) return;
    set({
      ...order,
      ...(reply.ok ? { results: reply.results, failure: null } : { results: null, failure: reply.failure }),
    });
  },
  reset: () => set({ presetIds: [], results: null, failure: null, stale: false, shownSeq: get().requestedSeq }),
}));

onSessionReset(() => useCompareStore.getState().reset());
