import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commuteFigures } from '../../src/plan/commute.ts';
import { REGIONS } from '../../src/plan/regions.ts';
import { parseVehicle, simulate } from '../../src/sim/index.ts';
import { presetCatalogue } from '../../src/state/scenario-presets.ts';
import { xrRange } from '../../src/xr/xr-range.ts';

const spec = parseVehicle(JSON.parse(readFileSync('public/models/vela-s5-standard/vehicle.json', 'utf8')), 'vela-s5-standard');
const preset = (id: string) => presetCatalogue.presets.find((p) => p.id === id)!.scenario;

describe('the in-world panel’s range', () => {
  it('is the simulator’s range for the preset behind a choice, with the largest items first', () => {
    const r = xrRange(spec, 'winter-highway', null)!;
    const direct = simulate(spec, preset('beijing-winter-highway'));
    expect(r.rangeKm).toBe(direct.rangeKm);
    expect(r.batteryKwhPer100km).toBe(direct.batteryKwhPer100km);
    expect(r.ambientC).toBe(-5);
    expect(r.items).toHaveLength(4);
    const sizes = r.items.map((i) => Math.abs(i.kwhPer100km));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(r.items[0]!.key).toBe('aero'); // 120 km/h
    expect(r.pack).toEqual({ startC: direct.battery.startC, endC: direct.battery.endC });
  });

  it('shows a summer city drive’s range with the air conditioning among the items', () => {
    const r = xrRange(spec, 'summer-city', null)!;
    expect(r.rangeKm).toBe(simulate(spec, preset('guangzhou-summer-city')).rangeKm);
    expect(r.items.map((i) => i.key)).toContain('climate');
  });

  it('offers the customer’s commute only with a plan, as the plan computes its winter range', () => {
    expect(xrRange(spec, 'commute', null)).toBeNull();
    expect(xrRange(spec, 'commute', { region: 'harbin' })).toBeNull();
    const r = xrRange(spec, 'commute', { dailyKm: 40, region: 'harbin' })!;
    expect(r.ambientC).toBe(REGIONS.harbin.winterC);
    expect(r.rangeKm).toBeCloseTo(commuteFigures(spec, REGIONS.harbin.winterC, 40).rangeKm, 6);
    // A short leg in −23 °C: warming the cabin is a large item.
    expect(r.items.map((i) => i.key)).toContain('climate');
  });
});
