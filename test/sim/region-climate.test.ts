/**
 * The ageing projection's monthly climate against two sourced sets: the plan's January mean minimum
 * and July mean maximum (a monthly mean lies above the one and below the other by about half the
 * diurnal range, 1.5–8 K in China's cities), and the National Bureau of Statistics' monthly means of
 * 2008 and 2009 (test/sim/reference/nbs_monthly_temperature_2008_2009.csv). Two years are weather,
 * not climate: a monthly mean of two years scatters about ±1.2 K (1σ) around the normal, an annual
 * mean about ±0.4 K, so the tolerances are 3.5 K a month and 1.2 K a year.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGION_IDS, REGIONS } from '../../src/plan/regions.ts';
import { CLIMATE_REGION_IDS, REGION_MONTHLY_MEAN_C, type ClimateRegionId } from '../../src/sim/region-climate.ts';

const nbs = readFileSync('test/sim/reference/nbs_monthly_temperature_2008_2009.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((f) => ({ city: f[1]!.replace(/\(.*\)$/, '').toLowerCase(), months: f.slice(2, 14).map(Number) }));

describe('regional monthly climate', () => {
  it('covers exactly the regions of the needs diagnosis', () => {
    expect([...CLIMATE_REGION_IDS].sort()).toEqual([...REGION_IDS].sort());
  });

  it("lies between the plan's January mean minimum and July mean maximum by a half diurnal range", () => {
    for (const id of REGION_IDS) {
      const m = REGION_MONTHLY_MEAN_C[id];
      const { winterC, summerC } = REGIONS[id];
      expect(m[0] - winterC, `${id} January`).toBeGreaterThanOrEqual(1.5);
      expect(m[0] - winterC, `${id} January`).toBeLessThanOrEqual(8);
      expect(summerC - m[6], `${id} July`).toBeGreaterThanOrEqual(1.5);
      expect(summerC - m[6], `${id} July`).toBeLessThanOrEqual(8);
    }
  });

  it('agrees with the NBS monthly means of 2008–2009 (3.5 K a month, 1.2 K over the year)', () => {
    const cities = new Set(nbs.map((r) => r.city));
    const checked = CLIMATE_REGION_IDS.filter((id) => cities.has(id));
    expect(checked.length).toBeGreaterThanOrEqual(18);
    for (const id of checked as ClimateRegionId[]) {
      const years = nbs.filter((r) => r.city === id);
      const observed = REGION_MONTHLY_MEAN_C[id].map((_, i) => years.reduce((a, y) => a + y.months[i]!, 0) / years.length);
      const diffs = REGION_MONTHLY_MEAN_C[id].map((t, i) => t - observed[i]!);
      for (const [i, d] of diffs.entries()) expect(Math.abs(d), `${id} month ${i + 1}`).toBeLessThanOrEqual(3.5);
      expect(Math.abs(diffs.reduce((a, b) => a + b, 0) / 12), `${id} annual`).toBeLessThanOrEqual(1.2);
    }
  });
});
