/**
 * Grids of range runs for charts: ambient temperature × constant speed, on top of a base scenario
 * (its climate, payload, tyres… apply to every point). Constant-speed points step coarsely: nothing
 * in a steady cruise changes faster than the cabin's minutes-long warm-up, and the cabin and pack
 * updates are exact for piecewise-constant power, so a 20 s step stays within 0.5 % of a 1 s run.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { simulateParams } from './simulate.ts';
import { resolveVehicle, type VehicleParams } from './vehicle.ts';
import type { VehicleSpec } from './vehicle-schema.ts';

export interface SweepGrid {
  readonly ambientC: readonly number[];
  /** Constant speeds; omit to sweep temperature along the base scenario's own drive. */
  readonly speedKmh?: readonly number[];
}

export interface SweepResult {
  readonly ambientC: readonly number[];
  readonly speedKmh: readonly number[] | null;
  /** Row-major: index = ambientIndex · speeds + speedIndex. */
  readonly rangeKm: Float64Array;
  readonly batteryKwhPer100km: Float64Array;
}

export const SWEEP_STEP_S = 20;

export function sweep(vehicle: VehicleSpec | VehicleParams, base: Scenario, grid: SweepGrid): SweepResult {
  const v = 'usableWh' in vehicle ? vehicle : resolveVehicle(vehicle);
  const speeds = grid.speedKmh ?? null;
  const columns = speeds?.length ?? 1;
  const rangeKm = new Float64Array(grid.ambientC.length * columns);
  const batteryKwhPer100km = new Float64Array(rangeKm.length);
  grid.ambientC.forEach((ambientC, t) => {
    for (let k = 0; k < columns; k++) {
      const drive = speeds ? { constantSpeedKmh: speeds[k]! } : base.drive;
      const r = simulateParams(v, { ...base, ambientC, drive }, { constantStepS: SWEEP_STEP_S });
      rangeKm[t * columns + k] = r.rangeKm;
      batteryKwhPer100km[t * columns + k] = r.batteryKwhPer100km;
    }
  });
  return { ambientC: grid.ambientC, speedKmh: speeds, rangeKm, batteryKwhPer100km };
}
