/**
 * Capacity-fade laws of NREL's BLAST-Lite, ported with their fitted coefficients unchanged:
 * github.com/NREL/BLAST-Lite at commit bae8c719 (2025-05-15), BSD-3-Clause,
 * Copyright (c) 2023, Alliance for Sustainable Energy, LLC. All rights reserved; the licence's
 * conditions and disclaimer are in blast-lite.LICENSE.txt beside this file.
 *
 * - LFP: `blast/models/lfp_gr_250AhPrismatic_2019.py`, class `Lfp_Gr_250AhPrismatic` (large-format
 *   prismatic LFP-graphite, > 250 Ah; data: doi 10.1016/j.est.2023.109042).
 * - NMC: `blast/models/nmc622_gr_DENSO50Ah_2021.py`, class `Nmc622_Gr_DENSO50Ah_Battery` (NMC622-graphite
 *   EV cells, Smith et al., J. Electrochem. Soc. 168 (2021) 100530, doi 10.1149/1945-7111/ac2ebd).
 * - Machinery: `blast/models/degradation_model.py` (`_get_Ua`, `_update_power_state`).
 * - Degradation scalar and its spread: `examples/example_EV_life.ipynb`, where NREL sets
 *   `degradation_scalar` (mean, std) to 2.75 ± 0.25 for the LFP model and 1.5 ± 0.2 for the DENSO
 *   model to simulate vehicles (the same notebook's comparison with Tesla Model 3 SR owners' data puts
 *   the LFP model's scalar near 2.5, under-predicting the first years).
 *
 * Each state follows a power law y = k·x^p in its clock x (days for calendar fade, equivalent full
 * cycles for cycle fade); when the stress changes, BLAST-Lite carries the state on in "virtual time"
 * x_v = (y/k)^(1/p). Its degradation scalar s multiplies each step's increment, which with that state
 * equation makes the clock run s times faster: y = k·(s·x)^p (checked against BLAST-Lite's own code
 * in test/sim/blast-lite.test.ts). Capacity = 1 − y_calendar − y_cycle.
 */
import type { Chemistry } from './vehicle.ts';

/** Stressors of calendar fade over one chunk (BLAST-Lite's one day). */
export interface CalendarStress {
  readonly tempK: number;
  /** State of charge, 0..1. */
  readonly soc: number;
}

/** Stressors of cycle fade over one chunk, averaged while current flows. */
export interface CycleStress {
  readonly tempK: number;
  readonly soc: number;
  /** Depth of discharge of the chunk (max − min state of charge), 0..1. */
  readonly dod: number;
  /** Mean C-rate while current flows (charge and discharge), 1/h. */
  readonly cRate: number;
  /** Mean charging C-rate while charging, 1/h; 0 in a chunk without charging. */
  readonly chargeCRate: number;
}

export interface FadeModel {
  readonly chemistry: Chemistry;
  /** The BLAST-Lite file and class. */
  readonly source: string;
  readonly calendarExponent: number;
  readonly cycleExponent: number;
  /**
   * How a chunk's varying conditions enter the laws: 'rate' averages each law over the chunk (the LFP
   * file's np.trapz of kcal and kcyc), 'stressors' evaluates it at the chunk's mean T and SOC (the DENSO file).
   */
  readonly averaging: 'rate' | 'stressors';
  /**
   * Cell temperatures the file's cycling tests spanned (its `experimental_range['cycling_temperature']`), °C.
   * The cycle law is not extrapolated beyond them: the LFP file warns that its cycle law's inverse
   * temperature dependence only balances its calendar law inside this range.
   */
  readonly cyclingTempRangeC: readonly [number, number];
  /** Calendar coefficient k (fade per day^p) at one condition. */
  calendarRate(s: CalendarStress): number;
  /** Cycle coefficient k (fade per EFC^p). */
  cycleRate(s: CycleStress): number;
  /** Degradation scalar for vehicles and its standard deviation (NREL's EV example). */
  readonly scalar: { readonly mean: number; readonly sigma: number };
}

/**
 * Graphite potential against lithium, V, at a state of charge (0..1): Safari & Delacourt,
 * J. Electrochem. Soc. 158 (2011) A562, with BLAST-Lite's lithiation fraction Xa = 0.0085 + SOC·(0.78 − 0.0085)
 * (`degradation_model.py`, `_get_Ua`).
 */
export function anodePotentialV(soc: number): number {
  const xa = 8.5e-3 + soc * (0.78 - 8.5e-3);
  return (
    0.6379 +
    0.5416 * Math.exp(-305.5309 * xa) +
    0.044 * Math.tanh(-(xa - 0.1958) / 0.1088) -
    0.1978 * Math.tanh((xa - 1.0571) / 0.0854) -
    0.6875 * Math.tanh((xa + 0.0117) / 0.0529) -
    0.0175 * Math.tanh((xa - 0.5692) / 0.0875)
  );
}

/** `lfp_gr_250AhPrismatic_2019.py`, `_params_life`. */
const LFP = { p1: 8.37e4, p2: -5.21e3, p3: -3.56e3, pcal: 0.526, p4: 4.38e-8, p5: 1.55e-8, p6: 1.68e-7, p7: 2.19e3, p8: 1.55e5, pcyc: 0.828 };

export const LFP_250AH: FadeModel = {
  chemistry: 'LFP',
  source: 'BLAST-Lite blast/models/lfp_gr_250AhPrismatic_2019.py (Lfp_Gr_250AhPrismatic)',
  calendarExponent: LFP.pcal,
  cycleExponent: LFP.pcyc,
  averaging: 'rate',
  cyclingTempRangeC: [10, 45],
  // kcal = |p1|·exp(p2/T)·exp(p3·Ua/T)
  calendarRate: ({ tempK, soc }) => Math.abs(LFP.p1) * Math.exp(LFP.p2 / tempK) * Math.exp((LFP.p3 * anodePotentialV(soc)) / tempK),
  // kcyc = (p4 + p5·DoD + p6·C)·(exp(p7/T) + exp(−p8/T))
  cycleRate: ({ tempK, dod, cRate }) =>
    (LFP.p4 + LFP.p5 * dod + LFP.p6 * cRate) * (Math.exp(LFP.p7 / tempK) + Math.exp(-LFP.p8 / tempK)),
  scalar: { mean: 2.75, sigma: 0.25 },
};

/** `nmc622_gr_DENSO50Ah_2021.py`, `_params_life` (the b3 break-in terms are zeroed in the file). */
const DENSO = {
  b1t_Ea: 37000, b1t_0: -0.000197, b1t_1: 0.0101, b1t_2: -0.0157, b1t_3: 0.00835, b1t_4: -4.06e-6, b1t_5: 3.32e-5,
  b1N_Ea_1: -58000, b1N_0: 3.24, b1N_1: 2.1, b1N_2: -0.099, b1N_3: 1.44, b1N_Ea_2: -13000, b1N_4: 0.985,
};
/** The file's gas constant, J/(mol·K). */
const DENSO_R = 8.3144;

/** The DENSO file's Arrhenius factor, relative to 25 °C. */
function arrhenius(tempK: number, eaJPerMol: number): number {
  return Math.exp(-(eaJPerMol / DENSO_R) * (1 / tempK - 1 / 298.15));
}

function densoB1t(tempK: number, soc: number): number {
  const p = DENSO;
  return (
    arrhenius(tempK, p.b1t_Ea) *
    (p.b1t_0 + p.b1t_1 * soc + p.b1t_2 * soc ** 2 + p.b1t_3 * soc ** 3 + p.b1t_4 * soc * tempK + p.b1t_5 * Math.max(0, tempK - 328.15))
  );
}

export const NMC622_DENSO: FadeModel = {
  chemistry: 'NMC',
  source: 'BLAST-Lite blast/models/nmc622_gr_DENSO50Ah_2021.py (Nmc622_Gr_DENSO50Ah_Battery)',
  calendarExponent: 0.5,
  cycleExponent: 0.5,
  averaging: 'stressors',
  cyclingTempRangeC: [10, 60],
  calendarRate: ({ tempK, soc }) => densoB1t(tempK, soc),
  cycleRate: ({ tempK, soc, dod, cRate, chargeCRate }) => {
    const p = DENSO;
    // The file: stress = (DoD·Cchg)^0.5, or (DoD·Crate)^0.5 in a chunk without charging.
    const stress = Math.sqrt(dod * (chargeCRate > 0 ? chargeCRate : cRate));
    const b1N =
      Math.max(0, p.b1N_0 * arrhenius(tempK, p.b1N_Ea_1) * stress * (1 + p.b1N_1 * soc) + p.b1N_2) +
      p.b1N_3 * arrhenius(tempK, p.b1N_Ea_2) * dod ** 6;
    return Math.max(0, densoB1t(tempK, soc) * b1N * p.b1N_4);
  },
  scalar: { mean: 1.5, sigma: 0.2 },
};

export const FADE_MODELS: Record<Chemistry, FadeModel> = { LFP: LFP_250AH, NMC: NMC622_DENSO };

/**
 * One step of a power-law state y = k·x^p over dx of its clock with degradation scalar s, carried in
 * virtual time: y' = k·((y/k)^(1/p) + s·dx)^p. The continuous form of BLAST-Lite's `_update_power_state`
 * scaled by `degradation_scalar` (its first step from y = 0 is s·k·dx^p instead of k·(s·dx)^p, a
 * difference that fades within days).
 */
export function advancePowerState(y: number, k: number, p: number, dx: number, scalar: number): number {
  if (dx <= 0 || k <= 0) return y;
  const virtualX = y > 0 ? (y / k) ** (1 / p) : 0;
  return k * (virtualX + scalar * dx) ** p;
}

/** Kelvin from °C. Kept here so the ported laws read in the files' units. */
export const kelvin = (c: number): number => c + 273.15;
