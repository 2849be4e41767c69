import type { Scenario } from '../../src/scenario/index.ts';
import type { VehicleSpec } from '../../src/sim/index.ts';

/** A scenario with the minimal fields plus overrides. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return { schemaVersion: 1, id: 'test', ambientC: 23, drive: { cycle: 'WLTC' }, hvac: { mode: 'off' }, payloadKg: 0, ...overrides };
}

/** The minimal vehicle: only required fields, everything else defaulted. */
export const MINIMAL_VEHICLE: VehicleSpec = {
  id: 'minimal',
  name: { 'zh-CN': '最小', en: 'Minimal' },
  testMassKg: 1800,
  roadLoad: { f0N: 120, f1NPerKmh: 0.5, f2NPerKmh2: 0.025 },
  battery: { chemistry: 'NMC', usableKwh: 60 },
  drivetrain: { motorPeakKw: 150 },
  hvac: { heatPump: false },
};
