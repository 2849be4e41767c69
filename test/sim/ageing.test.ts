/**
 * Battery ageing: the fleet check against Geotab's 2024/2025 figures (test/sim/reference/
 * geotab_battery_degradation.csv), properties over random use, bad input, closed-form cases computed
 * from the formulas in docs/range-model.md, and the aged winter range.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agedParams, projectAgeing, type AgeingInput, type AgeingProjection } from '../../src/sim/ageing.ts';
import { CLIMATE_REGION_IDS, REGION_MONTHLY_MEAN_C } from '../../src/sim/region-climate.ts';
import { parseVehicle, resolveVehicle, simulateParams, SpecError, type VehicleSpec } from '../../src/sim/index.ts';
import { MINIMAL_VEHICLE } from './helpers.ts';

const MODELS = 'public/models';
const lineup: VehicleSpec[] = readdirSync(MODELS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => parseVehicle(JSON.parse(readFileSync(`${MODELS}/${d.name}/vehicle.json`, 'utf8'))));

const geotab = Object.fromEntries(
  readFileSync('test/sim/reference/geotab_battery_degradation.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((f) => [f[0]!, Number(f[3])]),
);

/**
 * A fleet's "% a year" is a straight line through its vehicles' state of health against age; the
 * model's is the least-squares line through the origin of its yearly losses over eight years.
 */
function fleetRatePctPerYear(p: AgeingProjection, key: 'soh' | 'sohLow' | 'sohHigh' = 'soh'): number {
  let num = 0;
  let den = 0;
  for (let k = 1; k <= 8; k++) {
    num += k * (1 - p.years[k]![key]);
    den += k * k;
  }
  return (num / den) * 100;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rates = (input: Omit<AgeingInput, 'years'>) => lineup.map((v) => fleetRatePctPerYear(projectAgeing(v, { ...input, years: 8 })));

describe('fleet check (Geotab 2024/2025)', () => {
  // Geotab's figures are fleet averages over models, so the lineup's mean is compared with them;
  // each car must also stay within the spread of Geotab's model averages (1.0 best current model,
  // 4.2 for the passively cooled 2015 Leaf).
  const eachCarWithinFleetSpread = (r: number[]) => {
    for (const x of r) {
      expect(x).toBeGreaterThanOrEqual(geotab['best-2024']!);
      expect(x).toBeLessThanOrEqual(geotab['leaf-2015-2024']!);
    }
  };

  for (const region of ['shanghai', 'beijing', 'guangzhou'] as const) {
    it(`typical private use (40 km/day, home AC) in ${region} fades like the mostly-AC fleet: 1.5 %/yr ± 0.4`, () => {
      const r = rates({ region, dailyKm: 40, charging: 'home-ac' });
      expect(Math.abs(mean(r) - geotab['ac-2025']!)).toBeLessThanOrEqual(0.4);
      expect(mean(r)).toBeLessThanOrEqual(geotab['avg-2025']!);
      eachCarWithinFleetSpread(r);
    });
  }

  it('fleet-like use (60 km/day, 30 % DC) lands in the fleet averages 1.8–2.3 %/yr ± 0.4', () => {
    const r = rates({ region: 'shanghai', dailyKm: 60, charging: 'mixed' });
    expect(mean(r)).toBeGreaterThanOrEqual(geotab['avg-2024']! - 0.4);
    expect(mean(r)).toBeLessThanOrEqual(geotab['avg-2025']! + 0.4);
    eachCarWithinFleetSpread(r);
  });

  it('heavy fast charging (100 km/day, 80 % DC) fades about 3 %/yr (Geotab: up to 3.0) ± 0.5', () => {
    const r = rates({ region: 'shanghai', dailyKm: 100, charging: 'mostly-dc' });
    expect(Math.abs(mean(r) - geotab['dc-heavy-2025']!)).toBeLessThanOrEqual(0.5);
    eachCarWithinFleetSpread(r);
  });

  it('fast charging adds 1.0–1.5 %/yr at fleet-like use (Geotab: 2.5 or 3.0 against 1.5) ± 0.5', () => {
    const ac = rates({ region: 'shanghai', dailyKm: 60, charging: 'home-ac' });
    const dc = rates({ region: 'shanghai', dailyKm: 60, charging: 'mostly-dc' });
    const penalty = mean(dc) - mean(ac);
    expect(penalty).toBeGreaterThanOrEqual(geotab['dc-over-12pct-2025']! - geotab['dc-under-12pct-2025']! - 0.5);
    expect(penalty).toBeLessThanOrEqual(geotab['dc-heavy-2025']! - geotab['ac-2025']! + 0.5);
  });
});

/** A projection, or null when the use is impossible for the car (a clear SpecError, tested below). */
function tryProject(v: VehicleSpec, input: AgeingInput): AgeingProjection | null {
  try {
    return projectAgeing(v, input);
  } catch (e) {
    if (e instanceof SpecError && e.field === 'dailyKm') return null;
    throw e;
  }
}

const useArb = fc.record({
  v: fc.constantFrom(...lineup),
  region: fc.constantFrom(...CLIMATE_REGION_IDS),
  dailyKm: fc.integer({ min: 0, max: 150 }),
  dcShare: fc.double({ min: 0, max: 1, noNaN: true }),
  daysBetweenCharges: fc.integer({ min: 1, max: 3 }),
  chargeToSocPct: fc.integer({ min: 70, max: 100 }),
  years: fc.integer({ min: 1, max: 15 }),
});
type Use = typeof useArb extends fc.Arbitrary<infer T> ? T : never;
const input = (u: Use, over: Partial<AgeingInput> = {}): AgeingInput => ({
  region: u.region,
  dailyKm: u.dailyKm,
  years: u.years,
  charging: { dcShare: u.dcShare },
  daysBetweenCharges: u.daysBetweenCharges,
  chargeToSocPct: u.chargeToSocPct,
  ...over,
});
const RUNS = 30;
const endSoh = (p: AgeingProjection) => p.years[p.years.length - 1]!.soh;

describe('ageing properties', () => {
  it('more fast charging never ages slower', () => {
    fc.assert(
      fc.property(useArb, fc.double({ min: 0, max: 1, noNaN: true }), (u, more) => {
        const base = tryProject(u.v, input(u));
        fc.pre(base !== null);
        const dc = projectAgeing(u.v, input(u, { charging: { dcShare: u.dcShare + (1 - u.dcShare) * more } }));
        expect(endSoh(dc)).toBeLessThanOrEqual(endSoh(base!) + 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it('more km never ages slower', () => {
    fc.assert(
      fc.property(useArb, fc.integer({ min: 1, max: 60 }), (u, extraKm) => {
        const far = tryProject(u.v, input(u, { dailyKm: u.dailyKm + extraKm }));
        fc.pre(far !== null);
        expect(endSoh(far!)).toBeLessThanOrEqual(endSoh(projectAgeing(u.v, input(u))) + 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it('state of health never rises with the years, and the band holds the nominal', () => {
    fc.assert(
      fc.property(useArb, (u) => {
        const p = tryProject(u.v, input(u));
        fc.pre(p !== null);
        expect(p!.years.map((y) => y.year)).toEqual(Array.from({ length: u.years + 1 }, (_, k) => k));
        expect(p!.years[0]).toMatchObject({ soh: 1, sohLow: 1, sohHigh: 1 });
        p!.years.forEach((y, k) => {
          if (k > 0) expect(y.soh).toBeLessThanOrEqual(p!.years[k - 1]!.soh);
          expect(y.sohLow).toBeLessThanOrEqual(y.soh);
          expect(y.soh).toBeLessThanOrEqual(y.sohHigh);
        });
      }),
      { numRuns: RUNS },
    );
  });

  // Arrhenius is a law of calendar ageing. Where cycling dominates, a warmer climate can age the pack
  // slower: it uses less winter energy (fewer cycles), and the NMC law's cycle fade falls with
  // temperature (less lithium plating when charging warm); the last test of this block names a case.
  it('hotter never ages slower where calendar ageing dominates', () => {
    fc.assert(
      fc.property(useArb, fc.double({ min: 0.5, max: 8, noNaN: true }), (u, warmerK) => {
        const monthlyMeanC = [...REGION_MONTHLY_MEAN_C[u.region]];
        const base = tryProject(u.v, input(u, { region: undefined, monthlyMeanC }));
        fc.pre(base !== null);
        const last = base!.years[base!.years.length - 1]!;
        fc.pre(last.cycleLoss < last.calendarLoss);
        // More air conditioning can make a deep pattern impossible in the heat (a clear error, tested below).
        const hot = tryProject(u.v, input(u, { region: undefined, monthlyMeanC: monthlyMeanC.map((t) => t + warmerK) }));
        fc.pre(hot !== null);
        expect(endSoh(hot!)).toBeLessThanOrEqual(last.soh + 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it('for the same energy per km, hotter never ages slower by calendar ageing', () => {
    fc.assert(
      fc.property(useArb, fc.double({ min: 0.5, max: 8, noNaN: true }), fc.integer({ min: 12, max: 25 }), (u, warmerK, kwhPer100km) => {
        const monthlyMeanC = [...REGION_MONTHLY_MEAN_C[u.region]];
        const same = { region: undefined, batteryKwhPer100km: kwhPer100km };
        const base = tryProject(u.v, input(u, { ...same, monthlyMeanC }));
        fc.pre(base !== null);
        const hot = projectAgeing(u.v, input(u, { ...same, monthlyMeanC: monthlyMeanC.map((t) => t + warmerK) }));
        expect(hot.years[u.years]!.calendarLoss).toBeGreaterThanOrEqual(base!.years[u.years]!.calendarLoss - 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it('a warmer Harbin ages a heavily fast-charged NMC pack slower: cycle ageing dominates there', () => {
    const v = lineup.find((x) => x.battery.chemistry === 'NMC')!;
    const use = { dailyKm: 150, years: 10, charging: { dcShare: 1 } };
    const base = projectAgeing(v, { ...use, monthlyMeanC: [...REGION_MONTHLY_MEAN_C.harbin] });
    const warm = projectAgeing(v, { ...use, monthlyMeanC: REGION_MONTHLY_MEAN_C.harbin.map((t) => t + 5) });
    const last = base.years[10]!;
    expect(last.cycleLoss).toBeGreaterThan(last.calendarLoss);
    expect(endSoh(warm)).toBeGreaterThan(endSoh(base));
  });
});

describe('ageing input', () => {
  const v = lineup[0]!;
  const ok: AgeingInput = { region: 'shanghai', dailyKm: 40, years: 8, charging: 'home-ac' };
  const rejects = (bad: Record<string, unknown>, field: string, detail: RegExp) => {
    let error: unknown;
    try {
      projectAgeing(v, { ...ok, ...bad } as AgeingInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).field).toBe(field);
    expect((error as SpecError).message).toMatch(detail);
  };

  it('names the field of a negative, non-numeric or infinite distance', () => {
    rejects({ dailyKm: -5 }, 'dailyKm', /cannot be negative/);
    rejects({ dailyKm: Number.NaN }, 'dailyKm', /number/);
    rejects({ dailyKm: Number.POSITIVE_INFINITY }, 'dailyKm', /finite|number/);
  });

  it('takes 1 to 30 whole years', () => {
    rejects({ years: 31 }, 'years', /30/);
    rejects({ years: 0 }, 'years', /1/);
    rejects({ years: 2.5 }, 'years', /int/i);
  });

  it('lists the known regions for an unknown one, and wants a region or monthly temperatures', () => {
    rejects({ region: 'atlantis' }, 'region', /unknown region; known regions: harbin, .*haikou/);
    rejects({ region: undefined }, 'region', /give either region or monthlyMeanC/);
    rejects({ region: undefined, monthlyMeanC: [1, 2, 3] }, 'monthlyMeanC', /12/);
  });

  it('rejects a DC share outside 0..1 and an unknown habit', () => {
    rejects({ charging: { dcShare: 1.5 } }, 'charging.dcShare', /1/);
    rejects({ charging: 'solar' }, 'charging', /.+/);
  });

  it('says when a day of driving needs more than one charge', () => {
    rejects({ dailyKm: 500, region: 'harbin' }, 'dailyKm', /500 km a day .* uses \d+ % of the battery/);
  });
});

describe('closed form (docs/range-model.md, "Battery ageing")', () => {
  /** The DENSO file's gas constant. */
  const R = 8.3144;
  const T = 298.15;
  const days = 8 * 365;
  // Safari & Delacourt graphite potential at 90 % charge, typed from the docs: Xa = 0.0085 + 0.9·0.7715.
  const xa = 0.0085 + 0.9 * (0.78 - 0.0085);
  const ua =
    0.6379 + 0.5416 * Math.exp(-305.5309 * xa) + 0.044 * Math.tanh(-(xa - 0.1958) / 0.1088) -
    0.1978 * Math.tanh((xa - 1.0571) / 0.0854) - 0.6875 * Math.tanh((xa + 0.0117) / 0.0529) -
    0.0175 * Math.tanh((xa - 0.5692) / 0.0875);
  const stored = (v: VehicleSpec) =>
    projectAgeing(v, { monthlyMeanC: Array(12).fill(25), dailyKm: 0, years: 8, charging: 'home-ac', chargeToSocPct: 90 });

  it('an LFP pack stored at 25 °C and 90 % for 8 years: 1 − k·(2.75·t)^0.526', () => {
    const k = 8.37e4 * Math.exp(-5.21e3 / T) * Math.exp((-3.56e3 * ua) / T);
    const p = stored(lineup.find((x) => x.battery.chemistry === 'LFP')!);
    expect(p.years[8]!.soh).toBeCloseTo(1 - k * (2.75 * days) ** 0.526, 10);
    expect(p.years[8]!.sohLow).toBeCloseTo(1 - k * (3.25 * days) ** 0.526, 10);
    expect(p.years[8]!.sohHigh).toBeCloseTo(1 - k * (2.25 * days) ** 0.526, 10);
    expect(p.years[8]!.cycleLoss).toBe(0);
  });

  it('an NMC pack stored at 25 °C and 90 % for 8 years: 1 − b1t·(1.5·t)^0.5', () => {
    const soc = 0.9;
    const b1t = -0.000197 + 0.0101 * soc - 0.0157 * soc ** 2 + 0.00835 * soc ** 3 - 4.06e-6 * soc * T; // Arrhenius factor 1 at 25 °C
    const p = stored(lineup.find((x) => x.battery.chemistry === 'NMC')!);
    expect(p.years[8]!.soh).toBeCloseTo(1 - b1t * Math.sqrt(1.5 * days), 10);
  });

  it('the warranty threshold is crossed when k·(s·t)^p reaches 1 − threshold', () => {
    // Stored hot (40 °C) and full: an NMC pack reaches 90 % within the horizon.
    const TK = 313.15;
    const soc = 1;
    const arr = Math.exp(-(37000 / R) * (1 / TK - 1 / 298.15));
    const b1t = arr * (-0.000197 + 0.0101 * soc - 0.0157 * soc ** 2 + 0.00835 * soc ** 3 - 4.06e-6 * soc * TK);
    const crossingYears = ((0.1 / b1t) ** 2 / 1.5) / 365;
    const p = projectAgeing(lineup.find((x) => x.battery.chemistry === 'NMC')!, {
      monthlyMeanC: Array(12).fill(40), dailyKm: 0, years: 30, charging: 'home-ac', chargeToSocPct: 100, warrantySoh: 0.9,
    });
    expect(crossingYears).toBeLessThan(30);
    expect(p.warranty.year!).toBeCloseTo(crossingYears, 2);
    expect(p.warranty.earliestYear!).toBeLessThan(p.warranty.year!);
    expect(p.warranty.latestYear!).toBeGreaterThan(p.warranty.year!);
  });

  it('no crossing within the horizon is null', () => {
    const p = stored(lineup[0]!);
    expect(p.warranty).toMatchObject({ soh: 0.7, year: null, earliestYear: null, latestYear: null });
  });
});

describe('winter range after ageing', () => {
  const cases = [
    ['vela-s5-standard', 'harbin'],
    ['vela-s5-long-range', 'shanghai'],
    ['vela-x7-long-range', 'haikou'],
  ] as const;
  for (const [id, region] of cases) it(`${id} in ${region}: the aged range is within 1 % of a direct run of the aged pack`, () => {
    const v = lineup.find((x) => x.id === id)!;
    const p = projectAgeing(v, { region, dailyKm: 80, years: 12, charging: 'mostly-dc' });
    const params = resolveVehicle(v);
    const ambientC = Math.min(...REGION_MONTHLY_MEAN_C[region]);
    const winter = { schemaVersion: 1 as const, id: 'w', ambientC, drive: { cycle: 'WLTC' as const }, hvac: ambientC < 18 ? { mode: 'on' as const, setpointC: 22 } : { mode: 'off' as const }, payloadKg: 0 };
    const last = p.years[12]!;
    expect(p.winter.ambientC).toBe(ambientC);
    expect(p.winter.newKm).toBeCloseTo(simulateParams(params, winter).rangeKm, 6);
    for (const [soh, km] of [[last.soh, p.winter.agedKm], [last.sohLow, p.winter.agedLowKm], [last.sohHigh, p.winter.agedHighKm]] as const) {
      expect(Math.abs(km / simulateParams(agedParams(params, soh), winter).rangeKm - 1)).toBeLessThan(0.01);
    }
    expect(p.winter.agedLowKm).toBeLessThan(p.winter.agedKm);
    expect(p.winter.agedKm).toBeLessThan(p.winter.agedHighKm);
    expect(p.winter.agedHighKm).toBeLessThan(p.winter.newKm);
  });

  it('agedParams scales the usable energy and nothing else', () => {
    const params = resolveVehicle(MINIMAL_VEHICLE);
    expect(agedParams(params, 0.8)).toEqual({ ...params, usableWh: params.usableWh * 0.8 });
  });
});
