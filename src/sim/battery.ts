/**
 * Lithium-ion pack behaviour against cell temperature, by chemistry.
 *
 * Usable energy: NMC packs keep ~97 % at −7 °C (AAA 2019, derived in shared/reference); LFP cells
 * lose more (vendor data: ~80 % at 0 °C and ~70 % at −20 °C at cell level; packs, discharged at
 * lower C-rates than those tests, fare better). Resistance follows Arrhenius with activation
 * energies of ~20 kJ/mol (NMC) and ~25 kJ/mol (LFP), i.e. ×4 and ×6 from 25 °C to −20 °C
 * (Waag et al., J. Power Sources 237 (2013); Ji et al., J. Electrochem. Soc. 160 (2013)).
 * Charge acceptance (which limits regenerative braking) collapses in the cold to avoid lithium
 * plating, earlier for LFP.
 */
import { R_GAS_J_PER_MOL_K, ZERO_C_K } from './constants.ts';
import { interp1 } from './interp.ts';
import type { Chemistry } from './vehicle.ts';

const TEMPS_C = [-30, -20, -10, 0, 10, 25];
const USABLE_FRACTION: Record<Chemistry, number[]> = {
  NMC: [0.86, 0.92, 0.96, 0.98, 0.995, 1],
  LFP: [0.72, 0.8, 0.88, 0.94, 0.98, 1],
};
const ACCEPTANCE_TEMPS_C = [-30, -20, -10, 0, 10, 20, 25];
const CHARGE_ACCEPTANCE: Record<Chemistry, number[]> = {
  NMC: [0.03, 0.08, 0.2, 0.4, 0.7, 1, 1],
  LFP: [0, 0.03, 0.1, 0.25, 0.55, 0.9, 1],
};
const ACTIVATION_J_PER_MOL: Record<Chemistry, number> = { NMC: 20_000, LFP: 25_000 };

/** Share of the rated usable energy that can be drawn at this cell temperature (0..1). */
export function usableFraction(chemistry: Chemistry, cellC: number): number {
  return interp1(TEMPS_C, USABLE_FRACTION[chemistry], cellC);
}

/** Internal resistance relative to 25 °C (Arrhenius). */
export function resistanceFactor(chemistry: Chemistry, cellC: number): number {
  const t = Math.max(cellC, -40) + ZERO_C_K;
  return Math.exp((ACTIVATION_J_PER_MOL[chemistry] / R_GAS_J_PER_MOL_K) * (1 / t - 1 / (25 + ZERO_C_K)));
}

/** Charge power the cells accept, as a share of their warm maximum (0..1). */
export function chargeAcceptance(chemistry: Chemistry, cellC: number): number {
  return interp1(ACCEPTANCE_TEMPS_C, CHARGE_ACCEPTANCE[chemistry], cellC);
}

/** Cell-temperature range and step of the lookup table a simulation run uses. */
const TABLE_MIN_C = -40;
const TABLE_MAX_C = 70;
const TABLE_STEP_C = 0.25;

/**
 * Resistance factor, usable fraction and charge acceptance tabulated finely over cell temperature
 * for one chemistry, so a run can read all three every step, continuously in temperature, for the
 * price of one linear interpolation.
 */
export interface CellTable {
  /** Fills `out` with [resistanceFactor, usableFraction, chargeAcceptance] at `cellC`. */
  at(cellC: number, out: Float64Array): void;
}

const tables = new Map<Chemistry, CellTable>();

export function cellTable(chemistry: Chemistry): CellTable {
  let table = tables.get(chemistry);
  if (table) return table;
  const n = Math.round((TABLE_MAX_C - TABLE_MIN_C) / TABLE_STEP_C) + 1;
  const data = new Float64Array(n * 3);
  for (let k = 0; k < n; k++) {
    const c = TABLE_MIN_C + k * TABLE_STEP_C;
    data[3 * k] = resistanceFactor(chemistry, c);
    data[3 * k + 1] = usableFraction(chemistry, c);
    data[3 * k + 2] = chargeAcceptance(chemistry, c);
  }
  table = {
    at(cellC, out) {
      const x = (Math.min(TABLE_MAX_C, Math.max(TABLE_MIN_C, cellC)) - TABLE_MIN_C) / TABLE_STEP_C;
      const k = Math.min(n - 2, Math.floor(x));
      const t = x - k;
      const a = 3 * k;
      out[0] = data[a]! + t * (data[a + 3]! - data[a]!);
      out[1] = data[a + 1]! + t * (data[a + 4]! - data[a + 1]!);
      out[2] = data[a + 2]! + t * (data[a + 5]! - data[a + 2]!);
    },
  };
  tables.set(chemistry, table);
  return table;
}
