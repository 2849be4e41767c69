import { describe, expect, it } from 'vitest';
import { resolveVehicle, simulateParams, sweep, type VehicleSpec } from '../../src/sim/index.ts';
import { scenario } from './helpers.ts';

const car: VehicleSpec = {
  id: 'sweep-car',
  name: { 'zh-CN': '测试', en: 'Test' },
  curbMassKg: 1900,
  aero: { dragCoefficient: 0.24, frontalAreaM2: 2.3 },
  rollingResistance: 0.0075,
  battery: { chemistry: 'LFP', usableKwh: 70 },
  drivetrain: { motorPeakKw: 200 },
  hvac: { heatPump: true },
};

describe('sweep', () => {
  const base = scenario({ hvac: { mode: 'on', setpointC: 22 } });
  const ambientC = [-25, -5, 10, 35];
  const speedKmh = [40, 90, 130];

  it('gives every temperature × speed point within 0.5 % of its full run', () => {
    const v = resolveVehicle(car);
    const g = sweep(v, base, { ambientC, speedKmh });
    expect(g.rangeKm).toHaveLength(12);
    ambientC.forEach((t, i) =>
      speedKmh.forEach((kmh, k) => {
        const full = simulateParams(v, { ...base, ambientC: t, drive: { constantSpeedKmh: kmh } });
        expect(Math.abs(g.rangeKm[i * speedKmh.length + k]! / full.rangeKm - 1)).toBeLessThan(0.005);
      }),
    );
  });

  it('sweeps temperature along the base drive when no speeds are given', () => {
    const g = sweep(car, { ...base, drive: { cycle: 'CLTC-P' } }, { ambientC });
    expect(g.speedKmh).toBeNull();
    expect(g.rangeKm[0]).toBeLessThan(g.rangeKm[2]!);
  });
});
