import { describe, expect, it } from 'vitest';
import {
  MAX_DAYS,
  barFractions,
  dailySeries,
  dayNumber,
  daysInRange,
  labelIndices,
  labelStride,
  linear,
  niceStride,
  niceTicks,
  seriesMax,
  shortDay,
  sumSeries,
  zeroCounts,
  type FunnelRowLike,
  type StepCounts,
} from '../../../src/ui/rep/funnel-chart-model.ts';

function counts(a: number, b: number, c: number, d: number, e: number): StepCounts {
  return { session_started: a, questionnaire_completed: b, plan_viewed: c, lead_submitted: d, test_drive_booked: e };
}
const row = (day: string, storeId: string, c: StepCounts): FunnelRowLike => ({ day, storeId, ...c });

describe('daysInRange', () => {
  it('lists every day inclusive, across month and leap-day boundaries', () => {
    expect(daysInRange('2024-02-27', '2024-03-02')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(daysInRange('2025-12-31', '2026-01-01')).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('gives one day when from === to and none when to is before from or a day is invalid', () => {
    expect(daysInRange('2026-05-03', '2026-05-03')).toEqual(['2026-05-03']);
    expect(daysInRange('2026-05-03', '2026-05-02')).toEqual([]);
    expect(daysInRange('2026-02-30', '2026-03-02')).toEqual([]);
    expect(daysInRange('yesterday', '2026-03-02')).toEqual([]);
    expect(dayNumber('2026-13-01')).toBeNull();
  });

  it('covers a 366-day leap year and stops at MAX_DAYS', () => {
    const year = daysInRange('2024-01-01', '2024-12-31');
    expect(year).toHaveLength(366);
    expect(year[59]).toBe('2024-02-29');
    expect(year.at(-1)).toBe('2024-12-31');
    expect(daysInRange('2000-01-01', '2099-12-31')).toHaveLength(MAX_DAYS);
  });
});

describe('dailySeries', () => {
  const rows = [
    row('2026-05-02', 'sh-01', counts(10, 6, 4, 2, 1)),
    row('2026-05-02', 'bj-02', counts(5, 3, 2, 1, 0)),
    row('2026-05-04', 'sh-01', counts(7, 5, 3, 1, 1)),
    row('2026-04-30', 'sh-01', counts(99, 99, 99, 99, 99)), // before the range
  ];

  it('fills missing days with zeros and sums the stores of a day', () => {
    const s = dailySeries('2026-05-01', '2026-05-04', rows);
    expect(s.map((p) => p.day)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']);
    expect(s[0]!.counts).toEqual(zeroCounts());
    expect(s[1]!.counts).toEqual(counts(15, 9, 6, 3, 1));
    expect(s[2]!.counts).toEqual(zeroCounts());
    expect(s[3]!.counts).toEqual(counts(7, 5, 3, 1, 1));
  });

  it('keeps only the chosen store, and treats null like no store', () => {
    const bj = dailySeries('2026-05-01', '2026-05-04', rows, 'bj-02');
    expect(bj[1]!.counts).toEqual(counts(5, 3, 2, 1, 0));
    expect(bj[3]!.counts).toEqual(zeroCounts());
    expect(dailySeries('2026-05-01', '2026-05-04', rows, null)).toEqual(dailySeries('2026-05-01', '2026-05-04', rows));
    expect(sumSeries(dailySeries('2026-05-01', '2026-05-04', rows, 'nowhere'))).toEqual(zeroCounts());
  });

  it('handles a single day, no rows and a full year', () => {
    const one = dailySeries('2026-05-02', '2026-05-02', rows);
    expect(one).toHaveLength(1);
    expect(one[0]!.counts.session_started).toBe(15);
    const empty = dailySeries('2026-05-01', '2026-05-31', []);
    expect(empty).toHaveLength(31);
    expect(seriesMax(empty)).toBe(0);
    const year = dailySeries('2026-05-01', '2027-04-30', rows);
    expect(year).toHaveLength(365);
    expect(sumSeries(year)).toEqual(counts(22, 14, 9, 4, 2));
    expect(seriesMax(year)).toBe(15);
  });

  it('ignores counts that are not finite non-negative numbers', () => {
    const bad = { ...row('2026-05-01', 'x', counts(4, 2, 1, 1, 0)), questionnaire_completed: Number.NaN, plan_viewed: -3 };
    expect(dailySeries('2026-05-01', '2026-05-01', [bad])[0]!.counts).toEqual(counts(4, 0, 0, 1, 0));
  });
});

describe('niceTicks', () => {
  it('uses 1-2-5 integer steps near the asked count, ending at or above max', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(1200)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
  });

  it('never uses fractional steps for small counts', () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(2, 10)).toEqual([0, 1, 2]);
  });

  it('gives [0, 1] for zero, negative or invalid max', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('always covers max with a 1, 2 or 5 times 10^k step', () => {
    for (const max of [9, 11, 19, 49, 51, 99, 101, 999, 4321, 123456]) {
      const t = niceTicks(max, 4);
      const step = t[1]! - t[0]!;
      expect(t[0]).toBe(0);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(t.at(-1)! - step).toBeLessThan(max);
      expect(Number.isInteger(step)).toBe(true);
      expect(step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toSatisfy((m: number) => [1, 2, 5].includes(Math.round(m)));
      expect(t.length - 1).toBeGreaterThanOrEqual(2);
      expect(t.length - 1).toBeLessThanOrEqual(6);
    }
  });
});

describe('day labels', () => {
  it('picks 1, 2, 3 days or whole weeks', () => {
    expect(niceStride(1)).toBe(1);
    expect(niceStride(2.1)).toBe(3);
    expect(niceStride(4)).toBe(7);
    expect(niceStride(15)).toBe(28);
    expect(niceStride(40)).toBe(56);
  });

  it('spaces labels at least the asked distance apart', () => {
    // 7 days over 600 units: 100 per day, labels need 50: every day.
    expect(labelStride(7, 600, 50)).toBe(1);
    // 30 days over 300 units (~10.3 per day), labels need 50: 5 days → a week.
    expect(labelStride(30, 300, 50)).toBe(7);
    // 90 days over 1000 units: ~11.2 per day, 50 needs 5 → 7.
    expect(labelStride(90, 1000, 50)).toBe(7);
    // 366 days on a phone: ~0.8 per day, 50 needs 61 → 84.
    expect(labelStride(366, 300, 50)).toBe(84);
    expect(labelStride(1, 300, 50)).toBe(1);
  });

  it('labels the last day and every stride-th before it', () => {
    expect(labelIndices(10, 3)).toEqual([0, 3, 6, 9]);
    expect(labelIndices(9, 3)).toEqual([2, 5, 8]);
    expect(labelIndices(1, 7)).toEqual([0]);
    expect(labelIndices(0, 7)).toEqual([]);
    for (const [n, width] of [[30, 300], [90, 300], [90, 1200], [366, 300], [366, 1200]] as const) {
      const stride = labelStride(n, width, 50);
      const idx = labelIndices(n, stride);
      const gap = (stride * width) / (n - 1);
      expect(gap).toBeGreaterThanOrEqual(50);
      expect(idx.at(-1)).toBe(n - 1);
    }
  });

  it('formats MM-DD', () => {
    expect(shortDay('2026-05-03')).toBe('05-03');
  });
});

describe('barFractions', () => {
  it('is each count over the sessions', () => {
    const f = barFractions(counts(200, 100, 50, 20, 5));
    expect(f).toEqual(counts(1, 0.5, 0.25, 0.1, 0.025));
  });

  it('falls back to the largest step when there are no sessions, and never exceeds 1', () => {
    expect(barFractions(counts(0, 0, 4, 2, 1))).toEqual(counts(0, 0, 1, 0.5, 0.25));
    expect(barFractions(counts(10, 5, 2, 20, 0)).lead_submitted).toBe(1);
  });

  it('is all zeros for all-zero counts (no NaN)', () => {
    expect(barFractions(zeroCounts())).toEqual(zeroCounts());
  });
});

describe('linear', () => {
  it('maps a domain onto a range and a zero-width domain onto its start', () => {
    expect(linear(0, 10, 100, 0)(5)).toBe(50);
    expect(linear(0, 0, 7, 9)(3)).toBe(7);
  });
});
