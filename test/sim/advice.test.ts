import { describe, expect, it } from 'vitest';
import { rangeAdvice } from '../../src/sim/advice.ts';
import { simulate, type VehicleSpec } from '../../src/sim/index.ts';
import { MINIMAL_VEHICLE, scenario } from './helpers.ts';

const ptcCar: VehicleSpec = { ...MINIMAL_VEHICLE, id: 'ptc', battery: { chemistry: 'LFP', usableKwh: 60 } };
const hpCar: VehicleSpec = { ...ptcCar, id: 'hp', hvac: { heatPump: true } };

describe('rangeAdvice', () => {
  const harbinHighway = scenario({ ambientC: -20, drive: { constantSpeedKmh: 110 }, hvac: { mode: 'on', setpointC: 22 } });

  it('in a cold highway scenario advises preconditioning, a heat pump, seat heating and 10 km/h less, each a gain', () => {
    const advice = rangeAdvice(ptcCar, harbinHighway);
    expect(advice.map((a) => a.kind)).toEqual(['precondition', 'heat-pump', 'seat-heating', 'slower']);
    for (const a of advice) expect(a.gainKm).toBeGreaterThan(0);
    const slower = advice.find((a) => a.kind === 'slower')!;
    expect(slower.speedKmh).toBe(100);
    expect(slower.rangeKm).toBeCloseTo(simulate(ptcCar, { ...harbinHighway, drive: { constantSpeedKmh: 100 } }).rangeKm, 9);
  });

  it("for a car with a heat pump, reports what the heat pump already gives", () => {
    const hp = rangeAdvice(hpCar, harbinHighway).find((a) => a.kind === 'heat-pump')!;
    const base = simulate(hpCar, harbinHighway).rangeKm;
    expect(hp.rangeKm).toBeCloseTo(base, 9);
    const sameCarWithoutHeatPump: VehicleSpec = { ...hpCar, hvac: { heatPump: false, ptcKw: 6 } };
    expect(hp.gainKm).toBeCloseTo(base - simulate(sameCarWithoutHeatPump, harbinHighway).rangeKm, 6);
  });

  it('gives no winter advice in summer and no speed advice in the city', () => {
    const advice = rangeAdvice(ptcCar, scenario({ ambientC: 33, drive: { cycle: 'CLTC-P' }, hvac: { mode: 'on', setpointC: 24 } }));
    expect(advice).toEqual([]);
  });
});
