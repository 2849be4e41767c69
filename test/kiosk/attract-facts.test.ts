import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attractFacts, ATTRACT_SUMMER_SCENARIO, ATTRACT_WINTER_SCENARIO } from '../../src/kiosk/attract-facts.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { parseVehicle, simulate } from '../../src/sim/index.ts';

const json = (p: string): unknown => JSON.parse(readFileSync(join(process.cwd(), p), 'utf8'));
const raw = json('public/models/vela-s5-long-range/vehicle.json') as { battery: { usableKwh: number }; dcFastChargeKw: number; twin: { hotspots: { title: Record<string, string> }[] } };
const spec = parseVehicle(raw, 'vela-s5-long-range');
const winter = parseScenario(json(`scenarios/${ATTRACT_WINTER_SCENARIO}.json`));
const summer = parseScenario(json(`scenarios/${ATTRACT_SUMMER_SCENARIO}.json`));

describe('attract mode facts', () => {
  const facts = attractFacts(spec, raw, winter, summer);

  it("shows the simulator's winter and summer range, rounded, with the scenarios' temperatures", () => {
    expect(facts.winter).toEqual({ km: Math.round(simulate(spec, winter).rangeKm), ambientC: winter.ambientC });
    expect(facts.summer).toEqual({ km: Math.round(simulate(spec, summer).rangeKm), ambientC: summer.ambientC });
    expect(facts.winter.ambientC).toBeLessThan(0);
    expect(facts.winter.km).toBeLessThan(facts.summer.km);
  });

  it('gives the 30 → 80 % fast charge from the usable capacity at 60 % of the peak power, by hand', () => {
    // 50 % of the usable kWh at 0.6 × peak kW, in minutes.
    const minutes = ((raw.battery.usableKwh * 0.5) / (raw.dcFastChargeKw * 0.6)) * 60;
    expect(facts.charge).toEqual({ peakKw: raw.dcFastChargeKw, minutes30to80: Math.round(minutes) });
  });

  it("names the twin's first hotspot (its safety design) in both languages, and the car's name", () => {
    expect(facts.safety).toEqual(raw.twin.hotspots[0]!.title);
    expect(facts.name['zh-CN']).toContain('S5');
  });

  it('leaves the safety fact out for a bundle without hotspots, and names the car by id without a name', () => {
    const bare = attractFacts(spec, { twin: {} }, winter, summer);
    expect(bare.safety).toBeNull();
    expect(bare.name).toEqual({ 'zh-CN': spec.id, en: spec.id });
  });
});
