/**
 * A customer's use of the pack as BLAST-Lite stressors, month by month: the hours the cells spend at
 * each state of charge and temperature (calendar fade), and the charge they pass with its depth,
 * C-rate and temperature (cycle fade). One typical day per month stands for the month.
 *
 * The day (plan/commute.ts's commute): drive half the distance, park at work (9 h), drive back, charge
 * (on the charging day) up to `chargeToSoc`, park overnight. Charging every `daysBetweenCharges` days,
 * a share `dcShare` of the charges on a DC fast charger, the rest on the on-board AC charger.
 *
 * Pack temperature (assumptions, see docs/range-model.md "Battery ageing"):
 * - Parked, the pack relaxes to the month's mean air temperature with its own time constant
 *   (heat capacity / conductance to air, about 6 h by default): the diurnal swing is filtered out,
 *   and no parked conditioning runs (monthly means stay below any parked-cooling threshold).
 * - Driving: the range simulator's leg from a pack soaked at that mean (its heater floor, chiller and I²R).
 * - AC charging: the pack held at least at the driving heater floor (the BMS warms it to accept charge).
 * - DC charging: preconditioned to `preconditionTargetC`, then warmed by I²R up to the chiller
 *   threshold, where the chiller holds it; mean session power 0.65 × the car's peak (a tapering curve).
 *
 * `ageing-chunks.ts` turns the days into the fade laws' coefficients.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { resistanceFactor } from './battery.ts';
import { reduceDays, type DayStress, type Flow, type MonthRates, type Sample } from './ageing-chunks.ts';
import type { FadeModel } from './blast-lite.ts';
import { DAYS_IN_MONTH } from './region-climate.ts';
import { simulateParams } from './simulate.ts';
import { SpecError } from './spec-error.ts';
import { traceDistanceKm, traceOf } from './trace.ts';
import type { VehicleParams } from './vehicle.ts';

export interface DutyInput {
  readonly monthlyMeanC: readonly number[];
  readonly dailyKm: number;
  /** Share of charged energy from DC fast chargers, 0..1. */
  readonly dcShare: number;
  /** State of charge a charge ends at, 0..1. */
  readonly chargeToSoc: number;
  readonly daysBetweenCharges: number;
  /** Peak DC charging power the car accepts, W. */
  readonly dcPeakW: number;
  /** The customer's own battery energy per 100 km for every month, instead of the simulator's. */
  readonly batteryKwhPer100km?: number | undefined;
}

/** One month of use, reduced to the coefficients and clocks of the fade laws (`MonthRates`: days, equivalent full cycles, calendar and cycle coefficients). */
export interface MonthDuty extends MonthRates {
  readonly ambientC: number;
  /** Mean cell temperature over the day, °C. */
  readonly dayMeanCellC: number;
  /** Mean cell temperature while driving, AC charging and DC charging, °C. */
  readonly drivingCellC: number;
  readonly acChargeCellC: number;
  readonly dcChargeCellC: number;
  readonly batteryKwhPer100km: number;
}

/** Hours parked at work on a commuting day (8 h and a lunch break). */
const WORK_PARK_H = 9;
/** Lowest state of charge a charging pattern may reach. */
export const MIN_SOC = 0.05;
/** Mean power of a DC session as a share of the car's peak (charging curves taper). */
const DC_MEAN_OF_PEAK = 0.65;
/** Sub-steps of a segment whose temperature or state of charge changes. */
const SUBSTEPS = 4;
const LEG_DRIVE: Scenario['drive'] = { cycle: 'WLTC' };
const LEG_PASS_KM = traceDistanceKm(traceOf(LEG_DRIVE));


/** A pattern of use the day cannot hold, reported against the input field that causes it. */
const impossible = (detail: string) => new SpecError('ageing input', 'dailyKm', detail);

export function monthlyDuty(v: VehicleParams, model: FadeModel, input: DutyInput): MonthDuty[] {
  const legs = new Map<number, LegFigures>();
  return input.monthlyMeanC.map((ambientC, m) => {
    let leg = legs.get(ambientC);
    if (!leg) {
      leg = legFigures(v, ambientC, input.dailyKm / 2);
      if (input.batteryKwhPer100km !== undefined) {
        const kwhPerKm = input.batteryKwhPer100km / 100;
        leg = { ...leg, kwhPerKm, cellsKw: kwhPerKm / Math.max(1e-9, leg.hoursPerKm) };
      }
      legs.set(ambientC, leg);
    }
    const days = dayStresses(v, input, ambientC, leg);
    return { ...reduceDays(model, days, DAYS_IN_MONTH[m]!), ...reportTemps(days, ambientC, leg, v, input) };
  });
}

interface LegFigures { kwhPerKm: number; hoursPerKm: number; startC: number; endC: number; cellsKw: number }

/**
 * One commute leg from a pack soaked at the month's mean, by the range simulator on WLTC, the cycle
 * plan/commute.ts gives legs over 15 km. One cycle for every leg keeps energy growing with distance
 * (plan/commute.ts's CLTC-P below 15 km would make a 16 km winter leg cost less than a 15 km one), and
 * a leg of up to one pass (23 km, a 46 km day) costs one run. A leg is charged whole passes' energy
 * per km: cutting a cycle mid-way lands on an arbitrary phase (a deceleration's regen can make a
 * longer cut cost less). Up to one pass: the cold pass's energy per km, the pack's warming in
 * proportion; beyond: the cold pass, then the energy per km of a second pass that starts warm.
 */
function legFigures(v: VehicleParams, ambientC: number, legKm: number): LegFigures {
  if (legKm <= 0) return { kwhPerKm: 0, hoursPerKm: 0, startC: ambientC, endC: ambientC, cellsKw: 0 };
  const heating = ambientC < 18;
  const s: Scenario = {
    schemaVersion: 1,
    id: 'ageing-leg',
    ambientC,
    drive: LEG_DRIVE,
    hvac: ambientC >= 18 && ambientC <= 24 ? { mode: 'off' } : { mode: 'on', setpointC: heating ? 22 : 24 },
    payloadKg: 0,
    solarWm2: heating ? 0 : 500,
    batteryStartC: ambientC,
  };
  const cold = simulateParams(v, s, { distanceKm: LEG_PASS_KM });
  const startC = cold.battery.startC;
  if (legKm <= LEG_PASS_KM) {
    const f = legKm / LEG_PASS_KM;
    return { kwhPerKm: cold.energy.cellsKwh / cold.rangeKm, hoursPerKm: cold.durationH / cold.rangeKm, startC, endC: startC + f * (cold.battery.endC - startC), cellsKw: cold.energy.cellsKwh / cold.durationH };
  }
  const warm = simulateParams(v, { ...s, batteryStartC: cold.battery.endC, cabinStartC: cold.cabin.endC }, { distanceKm: LEG_PASS_KM });
  const restKm = legKm - cold.rangeKm;
  const kwh = cold.energy.cellsKwh + (warm.energy.cellsKwh / warm.rangeKm) * restKm;
  const hours = cold.durationH + (warm.durationH / warm.rangeKm) * restKm;
  return { kwhPerKm: kwh / legKm, hoursPerKm: hours / legKm, startC, endC: warm.battery.endC, cellsKw: kwh / hours };
}

function dayStresses(v: VehicleParams, input: DutyInput, ambientC: number, leg: LegFigures): DayStress[] {
  const top = input.chargeToSoc;
  if (input.dailyKm <= 0) return [{ weight: 1, samples: [{ hours: 24, cellC: ambientC, soc: top }], flows: [], dod: 0, efc: 0 }];
  const n = input.daysBetweenCharges;
  const usableKwh = v.usableWh / 1000;
  const d = (leg.kwhPerKm * input.dailyKm) / usableKwh;
  if (top - n * d < MIN_SOC) {
    throw impossible(
      `${input.dailyKm} km a day for ${n} day(s) uses ${Math.round(n * d * 100)} % of the battery at ${ambientC} °C, ` +
        `more than charging to ${Math.round(top * 100)} % leaves above ${MIN_SOC * 100} % (the model covers one charge a day at most)`,
    );
  }
  const tauH = v.batteryHeatCapacityJPerK / Math.max(1e-9, v.batteryConductanceWPerK) / 3600;
  const legH = (leg.hoursPerKm * input.dailyKm) / 2;
  const cDis = leg.cellsKw / usableKwh;
  const sessionKwh = n * d * usableKwh;
  const chargers = [
    { weight: 1 - input.dcShare, powerW: v.onboardChargerW, dc: false },
    { weight: input.dcShare, powerW: DC_MEAN_OF_PEAK * input.dcPeakW, dc: true },
  ].filter((c) => c.weight > 0);

  const out: DayStress[] = [];
  for (let j = 0; j < n; j++) {
    const chargingDay = j === n - 1;
    for (const c of chargingDay ? chargers : [{ weight: 1, powerW: 0, dc: false }]) {
      const s0 = top - j * d;
      const samples: Sample[] = [];
      const flows: Flow[] = [];
      const chargeH = chargingDay ? (sessionKwh * 1000) / c.powerW : 0;
      const freeH = 24 - 2 * legH - chargeH;
      if (freeH < 0) throw impossible(`${input.dailyKm} km a day takes ${(2 * legH + chargeH).toFixed(1)} h of driving and charging`);
      const workH = Math.min(WORK_PARK_H, freeH);
      const drive = (from: number) => ramp(samples, flows, legH, leg.startC, leg.endC, from, from - d / 2, cDis, false);
      drive(s0);
      relax(samples, workH, leg.endC, ambientC, tauH, s0 - d / 2);
      drive(s0 - d / 2);
      let eveningC = leg.endC;
      if (chargingDay) {
        const cChg = c.powerW / v.usableWh;
        const [fromC, toC] = c.dc ? dcSessionC(v, leg.endC, c.powerW, chargeH) : acSessionC(v, leg.endC);
        // The chiller holds a DC-charged pack at its threshold (or where preconditioning left it, if warmer).
        const capC = c.dc ? Math.max(fromC, v.batteryCoolAboveC) : Infinity;
        ramp(samples, flows, chargeH, fromC, toC, top - n * d, top, cChg, true, capC);
        eveningC = Math.min(toC, capC);
      }
      relax(samples, freeH - workH, eveningC, ambientC, tauH, chargingDay ? top : s0 - d);
      const weight = (chargingDay ? c.weight : 1) / n;
      out.push({ weight, samples, flows, dod: chargingDay ? n * d : d, efc: (d + (chargingDay ? n * d : 0)) / 2 });
    }
  }
  return out;
}

/** A segment whose temperature and state of charge move linearly (a capped rise for DC charging). */
function ramp(
  samples: Sample[], flows: Flow[], hours: number, fromC: number, toC: number,
  fromSoc: number, toSoc: number, cRate: number, charging: boolean, capC = Infinity,
): void {
  if (hours <= 0) return;
  for (let i = 0; i < SUBSTEPS; i++) {
    const f = (i + 0.5) / SUBSTEPS;
    const cellC = Math.min(capC, fromC + f * (toC - fromC));
    const soc = fromSoc + f * (toSoc - fromSoc);
    samples.push({ hours: hours / SUBSTEPS, cellC, soc });
    flows.push({ soc, cellC, cRate, charging, throughput: Math.abs(toSoc - fromSoc) / SUBSTEPS });
  }
}

/** A parked segment: the pack relaxes exponentially from `fromC` to the air's mean. */
function relax(samples: Sample[], hours: number, fromC: number, airC: number, tauH: number, soc: number): void {
  if (hours <= 0) return;
  for (let i = 0; i < SUBSTEPS; i++) {
    const t = ((i + 0.5) / SUBSTEPS) * hours;
    samples.push({ hours: hours / SUBSTEPS, cellC: airC + (fromC - airC) * Math.exp(-t / tauH), soc });
  }
}

function acSessionC(v: VehicleParams, arriveC: number): [number, number] {
  const c = Math.max(arriveC, v.batteryHeatBelowC);
  return [c, c];
}

/** Start and (uncapped) end cell temperature of a DC session: preconditioned, then I²R heating. */
function dcSessionC(v: VehicleParams, arriveC: number, powerW: number, hours: number): [number, number] {
  const fromC = Math.max(arriveC, v.preconditionTargetC);
  const current = powerW / v.nominalVoltageV;
  const lossW = current * current * v.resistance25Ohm * resistanceFactor(v.chemistry, fromC);
  return [fromC, fromC + (lossW * hours * 3600) / v.batteryHeatCapacityJPerK];
}

function reportTemps(days: DayStress[], ambientC: number, leg: LegFigures, v: VehicleParams, input: DutyInput) {
  let h = 0;
  let c = 0;
  for (const day of days) for (const s of day.samples) {
    h += day.weight * s.hours;
    c += day.weight * s.hours * s.cellC;
  }
  const dcH = input.dailyKm > 0 ? (input.daysBetweenCharges * leg.kwhPerKm * input.dailyKm * 1000) / (DC_MEAN_OF_PEAK * input.dcPeakW) : 0;
  const [dcFrom, dcTo] = dcSessionC(v, leg.endC, DC_MEAN_OF_PEAK * input.dcPeakW, dcH);
  return {
    ambientC,
    dayMeanCellC: c / h,
    drivingCellC: (leg.startC + leg.endC) / 2,
    acChargeCellC: acSessionC(v, leg.endC)[0],
    dcChargeCellC: meanCapped(dcFrom, dcTo, Math.max(dcFrom, v.batteryCoolAboveC)),
    batteryKwhPer100km: leg.kwhPerKm * 100,
  };
}

/** Mean of a linear rise from `a` to `b` capped at `cap`. */
function meanCapped(a: number, b: number, cap: number): number {
  if (b <= cap) return (a + b) / 2;
  const f = (cap - a) / (b - a);
  return f * (a + cap) / 2 + (1 - f) * cap;
}
