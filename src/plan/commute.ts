/**
 * The customer's own commute, simulated: each leg starts from a car that stood outside (cold-soaked
 * in winter, hot in summer), so short winter trips pay for warming the cabin every time.
 */
import type { Scenario } from '../scenario/index.ts';
import { simulate, SWEEP_STEP_S, type VehicleSpec } from '../sim/index.ts';

export interface CommuteFigures {
  ambientC: number;
  /** Battery energy per 100 km on these legs. */
  batteryKwhPer100km: number;
  wallKwhPer100km: number;
  /** Distance a full battery lasts driving this commute in these conditions. */
  rangeKm: number;
  /** Days the commute runs on one charge between 90 % and 10 %. */
  daysBetweenCharges: number;
}

/** A working day is two legs; short legs are city driving, longer ones mixed. */
const LEGS_PER_DAY = 2;
const CITY_LEG_KM = 15;
/** Daily charging window: 90 % to 10 % of usable energy. */
export const DAILY_WINDOW = 0.8;
const WINTER_SETPOINT_C = 22;
const SUMMER_SETPOINT_C = 24;

export function commuteScenario(ambientC: number, legKm: number, preconditioned = false): Scenario {
  const heating = ambientC < 18;
  return {
    schemaVersion: 1,
    id: 'commute',
    ambientC,
    drive: { cycle: legKm <= CITY_LEG_KM ? 'CLTC-P' : 'WLTC' },
    hvac: ambientC >= 18 && ambientC <= 24 ? { mode: 'off' } : { mode: 'on', setpointC: heating ? WINTER_SETPOINT_C : SUMMER_SETPOINT_C },
    payloadKg: 0,
    preconditioned,
    solarWm2: heating ? 0 : 500,
  };
}

export function commuteFigures(vehicle: VehicleSpec, ambientC: number, dailyKm: number, preconditioned = false): CommuteFigures {
  const legKm = Math.max(1, dailyKm / LEGS_PER_DAY);
  const leg = simulate(vehicle, commuteScenario(ambientC, legKm, preconditioned), { distanceKm: legKm });
  const usableKwh = leg.energy.usableKwhAtEnd;
  const dayKwh = (leg.batteryKwhPer100km / 100) * legKm * LEGS_PER_DAY;
  return {
    ambientC,
    batteryKwhPer100km: leg.batteryKwhPer100km,
    wallKwhPer100km: leg.wallKwhPer100km,
    rangeKm: usableKwh / (leg.batteryKwhPer100km / 100),
    daysBetweenCharges: dailyKm > 0 ? Math.floor((usableKwh * DAILY_WINDOW) / dayKwh) : Infinity,
  };
}

/** Highway range for a long trip: 110 km/h, climate on, full battery to 10 %. */
export function tripRangeKm(vehicle: VehicleSpec, ambientC: number): number {
  const s: Scenario = {
    ...commuteScenario(ambientC, 100),
    drive: { constantSpeedKmh: 110 },
    payloadKg: 150,
    occupants: 3,
    endSocPct: 10,
  };
  return simulate(vehicle, s, { constantStepS: SWEEP_STEP_S }).rangeKm;
}
