/**
 * The port of BLAST-Lite's fade laws against BLAST-Lite's own Python (test/sim/reference/
 * blast_lite_reference.json, made by scripts/blast-lite-reference.py from commit bae8c719): the
 * graphite potential, the rate coefficients for one-day chunks, and eight years of daily chaining with
 * a monthly temperature and the degradation scalar.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advancePowerState, anodePotentialV, FADE_MODELS, kelvin, type FadeModel } from '../../src/sim/blast-lite.ts';

interface Reference {
  ua: { soc: number; ua: number }[];
  rates: { model: 'LFP' | 'NMC'; tempC: number; top: number; dod: number; cRate: number; chargeCRate: number; rates: Record<string, number> }[];
  chained: { model: 'LFP' | 'NMC'; scalar: number; monthlyC: number[]; top: number; dod: number; years: number; outputs: { q: number; q_t: number; q_EFC: number } }[];
}
const ref: Reference = JSON.parse(readFileSync('test/sim/reference/blast_lite_reference.json', 'utf8'));

/** The reference's day: hourly samples, SOC at top except top − dod from hour 1 to 12. */
function daySoc(top: number, dod: number): number[] {
  return Array.from({ length: 25 }, (_, h) => (h >= 1 && h <= 12 ? top - dod : top));
}

/** np.trapz over hourly samples divided by the day: BLAST-Lite's time-averaged rate. */
function trapzMean(values: number[]): number {
  let s = 0;
  for (let i = 0; i + 1 < values.length; i++) s += (values[i]! + values[i + 1]!) / 2;
  return s / (values.length - 1);
}

/** The day's coefficients as each file forms them from its stressors. */
function dayRates(model: FadeModel, tempC: number, top: number, dod: number, cRate: number, chargeCRate: number) {
  const soc = daySoc(top, dod);
  const tempK = kelvin(tempC);
  if (model.averaging === 'rate') {
    return {
      cal: trapzMean(soc.map((s) => model.calendarRate({ tempK, soc: s }))),
      cyc: trapzMean(soc.map((s) => model.cycleRate({ tempK, soc: s, dod, cRate, chargeCRate }))),
    };
  }
  const meanSoc = soc.reduce((a, b) => a + b, 0) / soc.length;
  return {
    cal: model.calendarRate({ tempK, soc: meanSoc }),
    cyc: model.cycleRate({ tempK, soc: meanSoc, dod, cRate, chargeCRate }),
  };
}

describe('BLAST-Lite port', () => {
  it('graphite potential matches _get_Ua', () => {
    for (const { soc, ua } of ref.ua) expect(anodePotentialV(soc)).toBeCloseTo(ua, 12);
  });

  it('rate coefficients match update_rates for one-day chunks', () => {
    for (const r of ref.rates) {
      const { cal, cyc } = dayRates(FADE_MODELS[r.model], r.tempC, r.top, r.dod, r.cRate, r.chargeCRate);
      const expected =
        r.model === 'LFP'
          ? { cal: r.rates.kcal!, cyc: r.rates.kcyc! }
          : { cal: r.rates.b1t!, cyc: r.rates.b1t! * r.rates.b1N! * 0.985 };
      expect(cal / expected.cal - 1, `${r.model} ${r.tempC} °C calendar`).toBeCloseTo(0, 9);
      expect(cyc / expected.cyc - 1, `${r.model} ${r.tempC} °C cycle`).toBeCloseTo(0, 9);
    }
  });

  // The reference calls update_battery_state day by day, which counts a day's EFC and C-rates in
  // present capacity (× q); the continuous state update is checked against its discrete daily steps.
  it('daily chaining with the degradation scalar matches its daily steps within 0.01 points', () => {
    const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (const c of ref.chained) {
      const model = FADE_MODELS[c.model];
      const day0 = ref.rates.find((r) => r.model === c.model && r.top === c.top && r.dod === c.dod)!;
      let yc = 0;
      let yy = 0;
      for (let y = 0; y < c.years; y++) {
        DAYS.forEach((n, m) => {
          for (let d = 0; d < n; d++) {
            const q = 1 - yc - yy;
            const { cal, cyc } = dayRates(model, c.monthlyC[m]!, c.top, c.dod, day0.cRate * q, day0.chargeCRate * q);
            yc = advancePowerState(yc, cal, model.calendarExponent, 1, c.scalar);
            yy = advancePowerState(yy, cyc, model.cycleExponent, c.dod * q, c.scalar);
          }
        });
      }
      expect(1 - yc, `${c.model} ×${c.scalar} calendar`).toBeCloseTo(c.outputs.q_t, 3.7);
      expect(1 - yy, `${c.model} ×${c.scalar} cycle`).toBeCloseTo(c.outputs.q_EFC, 3.7);
      expect(1 - yc - yy, `${c.model} ×${c.scalar}`).toBeCloseTo(c.outputs.q, 3.7);
    }
  });

  it('the degradation scalar runs the clock faster: k·(s·x)^p, not s·k·x^p', () => {
    const k = 1e-3;
    const p = 0.5;
    let y = 0;
    for (let d = 0; d < 400; d++) y = advancePowerState(y, k, p, 1, 4);
    expect(y).toBeCloseTo(k * Math.sqrt(4 * 400), 12);
  });
});
