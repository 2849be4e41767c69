/**
 * What-if advice for the range lab: how much range a change would give back in this scenario,
 * each figure a pair of simulator runs. Only changes that apply are returned (no heat-pump advice
 * in summer, no "drive slower" in a city cycle).
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { simulateParams } from './simulate.ts';
import { resolveVehicle, type VehicleParams } from './vehicle.ts';
import type { VehicleSpec } from './vehicle-schema.ts';

export type AdviceKind = 'precondition' | 'heat-pump' | 'seat-heating' | 'slower';

export interface Advice {
  kind: AdviceKind;
  /** Range with the change, km. */
  rangeKm: number;
  /** Range gained against the scenario as it is, km (negative: the change costs range). */
  gainKm: number;
  gainPct: number;
  /** For `slower`: the lower speed; for `seat-heating`: the lower cabin setpoint with seat heaters. */
  speedKmh?: number;
  setpointC?: number;
}

/** Slowing down is advised on constant-speed drives at or above this speed. */
const SLOWER_FROM_KMH = 70;
const SLOWER_BY_KMH = 10;
/** With seat heaters on, people are comfortable in a cabin this much cooler (ASHRAE 55 local heating). */
const SEAT_HEATING_SETPOINT_DROP_K = 4;

export function rangeAdvice(vehicle: VehicleSpec, scenario: Scenario): Advice[] {
  const v = resolveVehicle(vehicle);
  const base = simulateParams(v, scenario).rangeKm;
  const advice: Advice[] = [];
  const add = (kind: AdviceKind, s: Scenario, veh: VehicleParams = v, extra: Partial<Advice> = {}) => {
    const rangeKm = simulateParams(veh, s).rangeKm;
    advice.push({ kind, rangeKm, gainKm: rangeKm - base, gainPct: (rangeKm / base - 1) * 100, ...extra });
  };
  const heating = scenario.hvac.mode === 'on' && scenario.ambientC < scenario.hvac.setpointC;
  const cold = scenario.ambientC < 10;

  if (cold && !scenario.preconditioned) add('precondition', { ...scenario, preconditioned: true });
  if (heating) {
    // The heat pump's worth: for a car without one, what one would give; with one, what it gives.
    if (!v.heatPump) add('heat-pump', scenario, { ...v, heatPump: true });
    else {
      const withoutRange = simulateParams({ ...v, heatPump: false }, scenario).rangeKm;
      advice.push({ kind: 'heat-pump', rangeKm: base, gainKm: base - withoutRange, gainPct: (base / withoutRange - 1) * 100 });
    }
    if (scenario.hvac.mode === 'on' && !scenario.hvac.seatHeating) {
      const setpointC = Math.max(16, scenario.hvac.setpointC - SEAT_HEATING_SETPOINT_DROP_K);
      add('seat-heating', { ...scenario, hvac: { ...scenario.hvac, setpointC, seatHeating: true } }, v, { setpointC });
    }
  }
  if ('constantSpeedKmh' in scenario.drive && scenario.drive.constantSpeedKmh >= SLOWER_FROM_KMH) {
    const speedKmh = scenario.drive.constantSpeedKmh - SLOWER_BY_KMH;
    add('slower', { ...scenario, drive: { constantSpeedKmh: speedKmh } }, v, { speedKmh });
  }
  return advice;
}
