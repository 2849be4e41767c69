/**
 * Battery ageing for the warranty conversation: the pack's state of health year by year, from the
 * customer's climate, daily distance and charging habit, with NREL BLAST-Lite's fade laws
 * (`blast-lite.ts`) driven by the use `ageing-duty.ts` derives. Pure: no clock, no I/O.
 *
 * API
 * - `projectAgeing(vehicle, input)`: `input` is parsed by `AgeingInputSchema` (a `SpecError` names the
 *   field: negative or non-finite km, years outside 1..30, an unknown region, …):
 *     { region: 'harbin' | … (plan/regions.ts ids) or monthlyMeanC: 12 × °C,
 *       dailyKm, years, charging: 'home-ac' | 'mixed' | 'mostly-dc' | { dcShare },
 *       chargeToSocPct? (90), daysBetweenCharges? (1), warrantySoh? (0.7),
 *       batteryKwhPer100km? (the customer's trip-computer figure; default: the simulator's, per month),
 *       winter?: Scenario (default: the coldest month's mean, WLTC, cabin at 22 °C) }
 *   It returns `AgeingProjection`: `years[k]` is the state of health at the end of year k (k = 0 is
 *   new) with its band; `warranty.year` is when the nominal projection falls below `warrantySoh`
 *   (fractional years, null if not within the horizon) and `warranty.earliestYear`/`latestYear` the
 *   band's; `winter` is the range in the customer's winter new and after `years` (with the band);
 *   `months` is the duty the projection rests on (cell temperatures, cycles, consumption).
 * - `agedParams(params, soh)`: resolved vehicle parameters whose usable energy is scaled by a state
 *   of health, for any other simulator run (`simulateParams`).
 *
 * Uncertainty band: BLAST-Lite's degradation scalar at its mean ± 2σ, NREL's vehicle-to-vehicle
 * spread (example_EV_life.ipynb); about a 95 % range if that spread is normal. It does not cover the
 * laws' model-form error (cells tested in a lab are not this car's pack), weather years, or use
 * that differs from the input; docs/range-model.md shows how far the fleet check lands from it.
 */
import { z } from 'zod';
import { ScenarioSchema, type Scenario } from '../scenario/scenario-schema.ts';
import { monthlyDuty, type MonthDuty } from './ageing-duty.ts';
import { advancePowerState, FADE_MODELS } from './blast-lite.ts';
import { CLIMATE_REGION_IDS, REGION_MONTHLY_MEAN_C } from './region-climate.ts';
import { simulateParams } from './simulate.ts';
import { parseWith } from './spec-error.ts';
import { traceDistanceKm, traceOf } from './trace.ts';
import { resolveVehicle, type Chemistry, type VehicleParams } from './vehicle.ts';
import type { VehicleSpec } from './vehicle-schema.ts';

/** DC share of charged energy for the named habits: Geotab splits fleets at 12 % DC. */
export const CHARGING_HABITS = { 'home-ac': 0.05, mixed: 0.3, 'mostly-dc': 0.8 } as const;
export type ChargingHabit = keyof typeof CHARGING_HABITS;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const AgeingInputSchema = z
  .object({
    region: z.enum(CLIMATE_REGION_IDS, { error: `unknown region; known regions: ${CLIMATE_REGION_IDS.join(', ')}` }).optional(),
    /** The customer's own monthly mean air temperatures, January first, °C (instead of a region). */
    monthlyMeanC: z.array(finite.min(-40).max(45)).length(12).optional(),
    dailyKm: finite.min(0, 'cannot be negative').max(600),
    years: z.number().int().min(1).max(30),
    charging: z.union([z.enum(['home-ac', 'mixed', 'mostly-dc']), z.object({ dcShare: finite.min(0).max(1) }).strict()]),
    chargeToSocPct: finite.min(50).max(100).optional(),
    daysBetweenCharges: z.number().int().min(1).max(14).optional(),
    warrantySoh: finite.min(0.5).max(0.95).optional(),
    /** The customer's own battery energy per 100 km (trip computer), every month; default: the simulator's per month. */
    batteryKwhPer100km: finite.min(5).max(60).optional(),
    /** The winter the range figure is for; default: the coldest month's mean, WLTC, cabin at 22 °C. */
    winter: ScenarioSchema.optional(),
  })
  .strict()
  .refine((i) => (i.region === undefined) !== (i.monthlyMeanC === undefined), {
    message: 'give either region or monthlyMeanC',
    path: ['region'],
  });

export type AgeingInput = z.input<typeof AgeingInputSchema>;

export interface YearHealth {
  year: number;
  /** State of health (capacity / new capacity), nominal and the band's low and high ends. */
  soh: number;
  sohLow: number;
  sohHigh: number;
  /** Capacity lost to calendar and to cycle ageing (nominal), fractions. */
  calendarLoss: number;
  cycleLoss: number;
  /** Equivalent full cycles and distance so far. */
  efc: number;
  km: number;
}

export interface AgeingProjection {
  chemistry: Chemistry;
  /** The BLAST-Lite model and degradation scalar used. */
  model: { source: string; scalar: number; scalarLow: number; scalarHigh: number };
  years: YearHealth[];
  warranty: { soh: number; year: number | null; earliestYear: number | null; latestYear: number | null };
  winter: { ambientC: number; newKm: number; agedKm: number; agedLowKm: number; agedHighKm: number; afterYears: number };
  months: MonthDuty[];
}

/** A pack charged to this fraction by default (many owners' setting; LFP owners often use 100 %). */
const DEFAULT_CHARGE_TO_PCT = 90;
const DEFAULT_WARRANTY_SOH = 0.7;
const DAYS_PER_YEAR = 365;
/** Distance of the steady-state pass when the drive is a constant speed (one step). */
const MIN_STEADY_PASS_KM = 10;

/** Resolved parameters of the same car with its usable energy scaled by a state of health. */
export function agedParams(v: VehicleParams, soh: number): VehicleParams {
  return { ...v, usableWh: v.usableWh * soh };
}

export function projectAgeing(vehicle: VehicleSpec, rawInput: AgeingInput): AgeingProjection {
  const input = parseWith(AgeingInputSchema, rawInput, 'ageing input');
  const v = resolveVehicle(vehicle);
  const model = FADE_MODELS[v.chemistry];
  const monthlyMeanC = input.monthlyMeanC ?? REGION_MONTHLY_MEAN_C[input.region!];
  const months = monthlyDuty(v, model, {
    monthlyMeanC,
    dailyKm: input.dailyKm,
    dcShare: typeof input.charging === 'string' ? CHARGING_HABITS[input.charging] : input.charging.dcShare,
    chargeToSoc: (input.chargeToSocPct ?? DEFAULT_CHARGE_TO_PCT) / 100,
    daysBetweenCharges: input.daysBetweenCharges ?? 1,
    dcPeakW: (vehicle.dcFastChargeKw ?? v.maxChargeW / 1000) * 1000,
    batteryKwhPer100km: input.batteryKwhPer100km,
  });
  const threshold = input.warrantySoh ?? DEFAULT_WARRANTY_SOH;
  const { mean, sigma } = model.scalar;
  const nominal = trajectory(months, model, mean, input.years, threshold);
  const low = trajectory(months, model, mean + 2 * sigma, input.years, threshold);
  const high = trajectory(months, model, mean - 2 * sigma, input.years, threshold);

  const years: YearHealth[] = nominal.soh.map((soh, k) => ({
    year: k,
    soh,
    sohLow: low.soh[k]!,
    sohHigh: high.soh[k]!,
    calendarLoss: nominal.calendar[k]!,
    cycleLoss: nominal.cycle[k]!,
    efc: k * months.reduce((a, m) => a + m.efc, 0),
    km: k * DAYS_PER_YEAR * input.dailyKm,
  }));
  const last = years[years.length - 1]!;
  return {
    chemistry: v.chemistry,
    model: { source: model.source, scalar: mean, scalarLow: mean - 2 * sigma, scalarHigh: mean + 2 * sigma },
    years,
    warranty: { soh: threshold, year: nominal.crossing, earliestYear: low.crossing, latestYear: high.crossing },
    winter: winterRange(v, input.winter ?? defaultWinter(monthlyMeanC), last, input.years),
    months,
  };
}

/** State of health at each year end for one degradation scalar, and when it first falls below `threshold`. */
function trajectory(months: MonthDuty[], model: (typeof FADE_MODELS)[Chemistry], scalar: number, years: number, threshold: number) {
  const soh = [1];
  const calendar = [0];
  const cycle = [0];
  let crossing: number | null = null;
  let yc = 0;
  let yy = 0;
  let day = 0;
  for (let y = 1; y <= years; y++) {
    for (const m of months) {
      const before = 1 - yc - yy;
      yc = advancePowerState(yc, m.calendarK, model.calendarExponent, m.days, scalar);
      yy = advancePowerState(yy, m.cycleK, model.cycleExponent, m.efc, scalar);
      const after = 1 - yc - yy;
      if (crossing === null && after < threshold) crossing = (day + (m.days * (before - threshold)) / (before - after)) / DAYS_PER_YEAR;
      day += m.days;
    }
    soh.push(1 - yc - yy);
    calendar.push(yc);
    cycle.push(yy);
  }
  return { soh, calendar, cycle, crossing };
}

function defaultWinter(monthlyMeanC: readonly number[]): Scenario {
  const ambientC = Math.min(...monthlyMeanC);
  return {
    schemaVersion: 1,
    id: 'ageing-winter',
    ambientC,
    drive: { cycle: 'WLTC' },
    hvac: ambientC < 18 ? { mode: 'on', setpointC: 22 } : { mode: 'off' },
    payloadKg: 0,
  };
}

/**
 * Range in the winter scenario new and at the horizon's states of health. A run's trajectory does not
 * depend on usable energy until it stops, so an aged pack stops earlier on the same path: its range is
 * the new range less the missing energy at the steady energy per km of the run's end (one more pass from
 * the end state). test/sim/ageing.test.ts checks this against direct runs of the aged pack.
 */
function winterRange(v: VehicleParams, s: Scenario, last: YearHealth, afterYears: number): AgeingProjection['winter'] {
  const full = simulateParams(v, s);
  const passKm = Math.max(MIN_STEADY_PASS_KM, traceDistanceKm(traceOf(s.drive)));
  const warm = simulateParams(v, { ...s, batteryStartC: full.battery.endC, cabinStartC: full.cabin.endC, preconditioned: false }, { distanceKm: passKm });
  const steadyKwhPerKm = warm.energy.cellsKwh / warm.rangeKm;
  const at = (soh: number) => full.rangeKm - ((1 - soh) * full.energy.usableKwhAtEnd) / steadyKwhPerKm;
  return { ambientC: s.ambientC, newKm: full.rangeKm, agedKm: at(last.soh), agedLowKm: at(last.sohLow), agedHighKm: at(last.sohHigh), afterYears };
}
