/**
 * Golden test: the six FASTSim validation cars against their EPA labels.
 *
 * Like with like: the label is wall-plug energy after the EPA's 5-cycle adjustment, so the
 * simulated wall-plug consumption on UDDS and HWFET (chassis dynamometer, 23.9 °C, climate off)
 * is divided by 0.7 and weighted 55/45 into the combined figure. The cars keep their FASTSim
 * road load, mass, battery, regen, aux and charger figures; their motor curves are FASTSim's
 * generic baselines, not measurements, so our own loss model stands in for them.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/index.ts';
import { fastsimCars } from './fastsim-cars.ts';
import { scenario } from './helpers.ts';

const FIVE_CYCLE_FACTOR = 0.7;
const TOLERANCE = 0.1;

describe('FASTSim cars against their EPA combined labels', () => {
  const cars = fastsimCars().filter((c) => c.label);
  it('has the six labelled cars', () => expect(cars).toHaveLength(6));

  for (const car of cars) {
    it(`${car.name}: combined label within ±10 %`, () => {
      delete car.spec.drivetrain.motorEfficiencyMap;
      const label = (cycle: 'UDDS' | 'HWFET') =>
        simulate(car.spec, scenario({ ambientC: 23.9, drive: { cycle }, dyno: true })).wallKwhPer100km / FIVE_CYCLE_FACTOR;
      const combined = 0.55 * label('UDDS') + 0.45 * label('HWFET');
      expect(Math.abs(combined / car.label!.combined - 1)).toBeLessThan(TOLERANCE);
    });
  }
});
