/**
 * Messages between the UI and the simulator worker (`sim.worker.ts`). Inputs travel as the raw
 * JSON of the vehicle bundle and the scenario; the worker parses them with the simulator's own
 * parsers, so the browser and the CLI reject the same files for the same reasons.
 */

/** Energy breakdown keys, in display order; all in kWh per 100 km at the battery. */
export const BREAKDOWN_KEYS = [
  'aero',
  'rolling',
  'grade',
  'inertia',
  'drivetrain',
  'battery',
  'climate',
  'batteryThermal',
  'auxiliaries',
  'regen',
] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** The part of the simulator's result the kiosk shows. */
export interface RangeResult {
  rangeKm: number;
  /** Energy out of the battery per 100 km. */
  batteryKwhPer100km: number;
  /** Energy from the wall socket per 100 km (charger losses included). */
  wallKwhPer100km: number;
  /** Sums to `batteryKwhPer100km`; `regen` is negative (energy recovered). */
  breakdownKwhPer100km: Record<BreakdownKey, number>;
}

export interface SimRequest {
  vehicle: unknown;
  scenario: unknown;
  /** Where the vehicle came from, for error messages (`models/x/vehicle.json`). */
  vehicleSource: string;
  scenarioSource: string;
}

/** A failure the UI can explain: a spec error names its file and field. */
export type SimFailure =
  | { kind: 'spec'; source: string; field: string; detail: string }
  | { kind: 'sim'; message: string };

export type SimReply =
  | { seq: number; ok: true; result: RangeResult }
  | { seq: number; ok: false; failure: SimFailure };

export interface SimEnvelope {
  seq: number;
  request: SimRequest;
}

/** A range-versus-temperature curve: the same settings at each ambient temperature. */
export interface CurveRequest {
  vehicle: unknown;
  vehicleSource: string;
  /** One scenario per point, in the order of `ambientC`. */
  scenarios: unknown[];
  scenarioSource: string;
  ambientC: number[];
  /** The same drive on a mild day (see `mildReference`), for "how winter changes it". */
  reference: unknown;
}

export type CurveReply =
  | {
      seq: number;
      ok: true;
      ambientC: number[];
      rangeKm: number[];
      referenceBreakdownKwhPer100km: Record<BreakdownKey, number>;
    }
  | { seq: number; ok: false; failure: SimFailure };

export interface CurveEnvelope {
  seq: number;
  request: CurveRequest;
}

/** One piece of range advice, as `rangeAdvice` in src/sim/advice.ts gives it. */
export interface AdviceItem {
  kind: 'precondition' | 'heat-pump' | 'seat-heating' | 'slower';
  rangeKm: number;
  gainKm: number;
  gainPct: number;
  speedKmh?: number;
  setpointC?: number;
}

/** Advice for the scenario on screen: the same inputs as a range request. */
export type AdviceRequest = SimRequest;

export type AdviceReply =
  | { seq: number; ok: true; advice: AdviceItem[] }
  | { seq: number; ok: false; failure: SimFailure };

export interface AdviceEnvelope {
  seq: number;
  request: AdviceRequest;
}

/** Two or three scenarios for the same trim, side by side. */
export interface CompareRequest {
  vehicle: unknown;
  vehicleSource: string;
  scenarios: { scenario: unknown; source: string }[];
}

export type CompareReply =
  | { seq: number; ok: true; results: RangeResult[] }
  | { seq: number; ok: false; failure: SimFailure };

export interface CompareEnvelope {
  seq: number;
  request: CompareRequest;
}
