import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultCompareIds,
  groupBreakdown,
  sharedScales,
  useCompareStore,
} from '../../src/state/compare-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import type { RangeResult } from '../../src/state/sim-protocol.ts';

const result = (rangeKm: number, climate: number): RangeResult => ({
  rangeKm,
  batteryKwhPer100km: 15 + climate,
  wallKwhPer100km: 16.5 + climate,
  breakdownKwhPer100km: {
    aero: 5, rolling: 4, grade: 0, inertia: 3, drivetrain: 1.5, battery: 0.5,
    climate, batteryThermal: 1, auxiliaries: 0.5, regen: -1.5,
  },
});

describe('compare helpers', () => {
  it('starts from summer city against Harbin winter highway, else the warmest against the coldest', () => {
    expect(defaultCompareIds(['harbin-winter-highway', 'x', 'guangzhou-summer-city'])).toEqual([
      'guangzhou-summer-city', 'harbin-winter-highway',
    ]);
    expect(defaultCompareIds(['cold', 'mild', 'hot'])).toEqual(['hot', 'cold']);
  });

  it('groups the breakdown into road, losses, heat, auxiliaries and regen, keeping the total', () => {
    const g = groupBreakdown(result(300, 4).breakdownKwhPer100km);
    expect(g).toEqual({ road: 12, losses: 2, heat: 5, auxiliaries: 0.5, regen: -1.5 });
    expect(Object.values(g).reduce((a, b) => a + b, 0)).toBeCloseTo(18);
  });

  it('puts every column on one scale: the longest range or the rating, the largest group', () => {
    expect(sharedScales([result(300, 4), result(200, 14)], 560)).toEqual({ rangeKm: 560, groupKwh: 15 });
    expect(sharedScales([result(600, 0)], 560).rangeKm).toBe(600);
  });
});

describe('compare store', () => {
  beforeEach(() => useCompareStore.getState().reset());

  it('keeps two or three columns', () => {
    const s = useCompareStore.getState();
    s.setColumns(['a', 'b']);
    s.removeColumn(0);
    expect(useCompareStore.getState().presetIds).toEqual(['a', 'b']);
    s.addColumn('c');
    s.addColumn('d');
    expect(useCompareStore.getState().presetIds).toEqual(['a', 'b', 'c']);
    s.setColumn(1, 'e');
    s.removeColumn(0);
    expect(useCompareStore.getState().presetIds).toEqual(['e', 'c']);
  });

  it('never lets an older reply replace a newer one, and is cleared by the session reset', () => {
    const s = useCompareStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive({ seq: base + 2, ok: true, results: [result(280, 0)] });
    s.receive({ seq: base + 1, ok: true, results: [result(300, 0)] });
    expect(useCompareStore.getState().results?.[0]?.rangeKm).toBe(280);
    s.setColumns(['a', 'b']);
    s.requested(base + 3);
    resetKioskSession();
    useCompareStore.getState().receive({ seq: base + 3, ok: true, results: [result(1, 0)] });
    expect(useCompareStore.getState()).toMatchObject({ presetIds: [], results: null });
  });
});
