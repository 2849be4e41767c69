/** How this customer would charge: where, how often, how long. */
import type { VehicleSpec } from '../sim/index.ts';
import type { Answers } from './answers-schema.ts';
import { DAILY_WINDOW } from './commute.ts';

export type ChargingMode = 'home-wallbox' | 'home-socket' | 'work' | 'public-dc';

export interface ChargingPlan {
  mode: ChargingMode;
  /** Charging sessions a week for the commute. */
  sessionsPerWeek: number;
  /** Length of one session, hours (AC) or minutes for DC, see `sessionMinutes`. */
  sessionMinutes: number;
  /** Charger power used, kW. */
  powerKw: number;
  /** Charge overnight in off-peak hours (home). */
  offPeak: boolean;
}

/** Portable charger on a household socket in China: 220 V, 10 A. */
const SOCKET_KW = 2.2;
/** A home wallbox is usually 7 kW single-phase (or the car's on-board charger if lower). */
const WALLBOX_KW = 7;
/** Average over a 10–80 % DC session as a share of the car's peak. */
const DC_AVERAGE_SHARE = 0.6;
const DC_SESSION_WINDOW = 0.7;

/** Minutes of DC fast charging from `fromSoc` to `toSoc` (0–1) at the car's average share of its peak power. */
export function dcChargeMinutes(vehicle: VehicleSpec, fromSoc: number, toSoc: number): number {
  return ((vehicle.battery.usableKwh * (toSoc - fromSoc)) / dcAverageKw(vehicle)) * 60;
}

/** The mean power of a DC fast charge: a share of the car's peak. */
function dcAverageKw(vehicle: VehicleSpec): number {
  return (vehicle.dcFastChargeKw ?? 100) * DC_AVERAGE_SHARE;
}

export function chargingPlan(answers: Answers, vehicle: VehicleSpec, dailyWallKwh: number, workDays = 5): ChargingPlan {
  const usableKwh = vehicle.battery.usableKwh;
  const weeklyKwh = dailyWallKwh * workDays;
  const acKw = (kw: number) => Math.min(kw, vehicle.onboardChargerKw ?? 7);
  const acPlan = (mode: ChargingMode, kw: number, offPeak: boolean): ChargingPlan => {
    const sessionsPerWeek = Math.max(1, Math.ceil(weeklyKwh / (usableKwh * DAILY_WINDOW)));
    return { mode, sessionsPerWeek, sessionMinutes: Math.round(((weeklyKwh / sessionsPerWeek) / kw) * 60), powerKw: kw, offPeak };
  };
  if (answers.homeCharging === 'wallbox') return acPlan('home-wallbox', acKw(WALLBOX_KW), true);
  if (answers.homeCharging === 'socket') return acPlan('home-socket', SOCKET_KW, true);
  if (answers.workCharging) return acPlan('work', acKw(WALLBOX_KW), false);
  const sessionsPerWeek = Math.max(1, Math.ceil(weeklyKwh / (usableKwh * DC_SESSION_WINDOW)));
  return { mode: 'public-dc', sessionsPerWeek, sessionMinutes: Math.round(dcChargeMinutes(vehicle, 0, DC_SESSION_WINDOW)), powerKw: Math.round(dcAverageKw(vehicle)), offPeak: false };
}
