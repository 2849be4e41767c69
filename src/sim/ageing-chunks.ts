/**
 * A day of use, as samples of the cells' state, reduced to the coefficients of BLAST-Lite's fade laws.
 *
 * A day is one of BLAST-Lite's chunks. Calendar stressors are averaged over the whole day, as the
 * calendar tests stored cells; cycle stressors only while current flows, weighted by charge throughput,
 * as the cycling tests cycled cells continuously (BLAST-Lite's chunk average over a day with 22 parked
 * hours would dilute an EV's C-rate and charging temperature some twentyfold). Each file's own way of
 * averaging is kept: the LFP file averages its laws over the chunk, the DENSO file evaluates them at the
 * chunk's mean stressors (`FadeModel.averaging`). The cycle law sees the cell temperature clamped to the
 * file's tested cycling range. Across day types, BLAST-Lite's daily state chaining (dy ∝ k^(1/p)·y^((p−1)/p))
 * makes the effective coefficient the power mean (Σ w·k^(1/p))^p, weighted by days for calendar fade and
 * by cycles for cycle fade.
 */
import { kelvin, type FadeModel } from './blast-lite.ts';

/** A stretch of the day at one cell temperature and state of charge. */
export interface Sample { hours: number; cellC: number; soc: number }
/** A stretch of the day with current: its charge throughput (state-of-charge swing) and C-rate. */
export interface Flow { soc: number; cellC: number; cRate: number; charging: boolean; throughput: number }
/** One day type: its share of days, its samples and flows, depth of discharge and cycles. */
export interface DayStress { weight: number; samples: Sample[]; flows: Flow[]; dod: number; efc: number }

export interface MonthRates {
  readonly days: number;
  /** Equivalent full cycles in the month (charge throughput / usable capacity). */
  readonly efc: number;
  /** Effective coefficients of the calendar law (per day^p) and the cycle law (per EFC^p). */
  readonly calendarK: number;
  readonly cycleK: number;
}

/** The month's effective coefficients: each day type's chunk, then the power mean across day types. */
export function reduceDays(model: FadeModel, days: DayStress[], monthDays: number): MonthRates {
  const pc = model.calendarExponent;
  const py = model.cycleExponent;
  let cal = 0;
  let cyc = 0;
  let efc = 0;
  for (const day of days) {
    cal += day.weight * calendarChunkK(model, day.samples) ** (1 / pc);
    if (day.efc > 0) {
      cyc += day.weight * day.efc * cycleChunkK(model, day.flows, day.dod) ** (1 / py);
      efc += day.weight * day.efc;
    }
  }
  return { days: monthDays, efc: efc * monthDays, calendarK: cal ** pc, cycleK: efc > 0 ? (cyc / efc) ** py : 0 };
}

export function calendarChunkK(model: FadeModel, samples: Sample[]): number {
  let hours = 0;
  let rate = 0;
  let tempK = 0;
  let soc = 0;
  for (const s of samples) {
    hours += s.hours;
    if (model.averaging === 'rate') rate += s.hours * model.calendarRate({ tempK: kelvin(s.cellC), soc: s.soc });
    tempK += s.hours * kelvin(s.cellC);
    soc += s.hours * s.soc;
  }
  return model.averaging === 'rate' ? rate / hours : model.calendarRate({ tempK: tempK / hours, soc: soc / hours });
}

export function cycleChunkK(model: FadeModel, flows: Flow[], dod: number): number {
  let w = 0;
  let rate = 0;
  let tempK = 0;
  let soc = 0;
  let cRate = 0;
  let chargeW = 0;
  let chargeC = 0;
  const [minC, maxC] = model.cyclingTempRangeC;
  for (const f of flows) {
    w += f.throughput;
    const cellC = Math.min(maxC, Math.max(minC, f.cellC));
    const stress = { tempK: kelvin(cellC), soc: f.soc, dod, cRate: f.cRate, chargeCRate: f.charging ? f.cRate : 0 };
    if (model.averaging === 'rate') rate += f.throughput * model.cycleRate(stress);
    tempK += f.throughput * stress.tempK;
    soc += f.throughput * f.soc;
    cRate += f.throughput * f.cRate;
    if (f.charging) {
      chargeW += f.throughput;
      chargeC += f.throughput * f.cRate;
    }
  }
  if (model.averaging === 'rate') return rate / w;
  return model.cycleRate({ tempK: tempK / w, soc: soc / w, dod, cRate: cRate / w, chargeCRate: chargeW > 0 ? chargeC / chargeW : 0 });
}
