/**
 * Pure geometry and data shaping for the lead-funnel charts (FunnelChart.tsx): every day of a
 * range with its five step counts, nice y-axis ticks, x-label thinning and funnel bar widths.
 * No React, no DOM: everything here is unit-tested on its own.
 */
import { FUNNEL_STEPS, type FunnelStep } from '../../leads/event-schema.ts';

export { FUNNEL_STEPS, type FunnelStep };

/** The five step counts of one day (or of a range). */
export type StepCounts = Record<FunnelStep, number>;

/** One day of the chart: `day` is a China day `YYYY-MM-DD`. */
export interface DailyPoint {
  day: string;
  counts: StepCounts;
}

/** The fields of a funnel row this module reads (FunnelRow from api-schema.ts fits). */
export type FunnelRowLike = { day: string; storeId: string } & StepCounts;

/** Ranges longer than this are cut at the end (ten years: a guard against a runaway loop). */
export const MAX_DAYS = 3660;

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function zeroCounts(): StepCounts {
  return Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as StepCounts;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, or null when it is not a real calendar day. */
export function dayNumber(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over into March: reject what does not round-trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** `YYYY-MM-DD` of a day number (see dayNumber). Calendar arithmetic only: no time zone involved. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every day from `from` to `to` inclusive. Empty when either is not a valid day or `to` is before
 * `from`; at most MAX_DAYS days.
 */
export function daysInRange(from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null || b < a) return [];
  const last = Math.min(b, a + MAX_DAYS - 1);
  const out: string[] = [];
  for (let n = a; n <= last; n++) out.push(dayString(n));
  return out;
}

/** A count as the chart may draw it: finite and not negative, else 0. */
function safeCount(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * Every day of [from, to] with its five step counts. Days without a row are zeros (the API only
 * sends days with activity); rows of several stores on one day are summed unless `storeId` picks
 * one store (null or undefined: every store). Rows outside the range are ignored.
 */
export function dailySeries(from: string, to: string, rows: readonly FunnelRowLike[], storeId?: string | null): DailyPoint[] {
  const days = daysInRange(from, to);
  const byDay = new Map<string, StepCounts>(days.map((d) => [d, zeroCounts()]));
  for (const row of rows) {
    if (storeId != null && row.storeId !== storeId) continue;
    const counts = byDay.get(row.day);
    if (!counts) continue;
    for (const s of FUNNEL_STEPS) counts[s] += safeCount(row[s]);
  }
  return days.map((day) => ({ day, counts: byDay.get(day)! }));
}

/** The step counts of a series added up. */
export function sumSeries(series: readonly DailyPoint[]): StepCounts {
  const total = zeroCounts();
  for (const p of series) for (const s of FUNNEL_STEPS) total[s] += p.counts[s];
  return total;
}

/** The largest count of any step on any day (0 for an empty or all-zero series). */
export function seriesMax(series: readonly DailyPoint[]): number {
  let max = 0;
  for (const p of series) for (const s of FUNNEL_STEPS) max = Math.max(max, p.counts[s]);
  return max;
}

/**
 * Y-axis ticks for counts from 0 to at least `max`: whole-number steps of 1, 2 or 5 times a power
 * of ten, as close as possible to `count` intervals (fewer on a tie). The last tick is the axis top
 * (>= max); on a tie the axis ending closer to `max` wins, then fewer intervals. An all-zero or
 * invalid max gives [0, 1] so the axis still has a scale.
 */
export function niceTicks(max: number, count = 4): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const want = Math.max(1, Math.round(Number.isFinite(count) ? count : 4));
  const raw = top / want;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let best = 1;
  let bestScore = Infinity;
  let bestOver = Infinity;
  for (const base of [mag / 10, mag, mag * 10]) {
    for (const m of [1, 2, 5]) {
      const step = Math.round(base * m);
      if (step < 1 || Math.abs(step - base * m) > 1e-9) continue;
      const intervals = Math.ceil(top / step);
      const score = Math.abs(intervals - want);
      const over = intervals * step - top;
      // On a tie, the axis that ends closer to the data wins, then the one with fewer intervals.
      if (score < bestScore || (score === bestScore && over <= bestOver)) {
        best = step;
        bestScore = score;
        bestOver = over;
      }
    }
  }
  const n = Math.ceil(top / best);
  return Array.from({ length: n + 1 }, (_, i) => i * best);
}

const STRIDES = [1, 2, 3, 7, 14, 28];

/** The smallest readable stride of at least `need` days: 1, 2, 3, then weeks (7, 14, 28), then multiples of 28. */
export function niceStride(need: number): number {
  const n = Math.max(1, Math.ceil(Number.isFinite(need) ? need : 1));
  return STRIDES.find((s) => s >= n) ?? Math.ceil(n / 28) * 28;
}

/**
 * How many days apart the x-axis labels must be so that neighbouring labels' centres are at least
 * `minSpacing` apart when `dayCount` days are spread over `plotWidth` (first day to last day).
 */
export function labelStride(dayCount: number, plotWidth: number, minSpacing: number): number {
  if (dayCount <= 1) return 1;
  const perDay = plotWidth / (dayCount - 1);
  if (!(perDay > 0)) return niceStride(dayCount);
  return niceStride(minSpacing / perDay);
}

/**
 * Indices of the days that get an x-axis label: every `stride`-th day counted back from the last,
 * so the latest day is always labelled.
 */
export function labelIndices(dayCount: number, stride: number): number[] {
  const step = Math.max(1, Math.floor(stride));
  const out: number[] = [];
  for (let i = dayCount - 1; i >= 0; i -= step) out.push(i);
  return out.reverse();
}

/** `MM-DD` of a `YYYY-MM-DD` day. */
export function shortDay(day: string): string {
  return DAY_RE.test(day) ? day.slice(5) : day;
}

/**
 * Width of each funnel bar as a fraction 0..1: count / sessions, or count / the largest step when
 * there are no sessions (or a later step outnumbers them), so no bar overflows. All zero: all 0.
 */
export function barFractions(counts: StepCounts): StepCounts {
  const denom = Math.max(...FUNNEL_STEPS.map((s) => safeCount(counts[s])));
  return Object.fromEntries(FUNNEL_STEPS.map((s) => [s, denom > 0 ? safeCount(counts[s]) / denom : 0])) as StepCounts;
}

/**
 * The conversion shown between step i-1 and step i (i = 1..4), in the API's names:
 * session→questionnaire, questionnaire→plan, plan→lead, lead→test drive.
 */
export const STEP_CONVERSION = ['questionnaire', 'plan', 'lead', 'testDrive'] as const;
export type StepConversionKey = (typeof STEP_CONVERSION)[number];

/** A ratio the chart may print, or null (no denominator, or not a number). */
export function safeRatio(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Linear scale from a domain [d0, d1] to a range [r0, r1]; a zero-width domain maps to r0. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}
