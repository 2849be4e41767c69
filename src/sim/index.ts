/** The range simulator: pure physics, no React, three, DOM, clock or randomness. */
export { VehicleSchema, type VehicleSpec } from './vehicle-schema.ts';
export { resolveVehicle, type VehicleParams } from './vehicle.ts';
export { simulate, simulateParams, type SimResult, type Breakdown, type SimOptions, type Warning } from './simulate.ts';
export { rangeAdvice, type Advice, type AdviceKind } from './advice.ts';
export { sweep, SWEEP_STEP_S, type SweepGrid, type SweepResult } from './sweep.ts';
export { parseVehicle } from './parse-vehicle.ts';
export { SpecError, parseJson } from './spec-error.ts';
export { CYCLES } from './cycles/index.ts';
export { traceOf, traceDistanceKm } from './trace.ts';
export {
  projectAgeing,
  agedParams,
  AgeingInputSchema,
  CHARGING_HABITS,
  type AgeingInput,
  type AgeingProjection,
  type YearHealth,
  type ChargingHabit,
} from './ageing.ts';
export type { MonthDuty } from './ageing-duty.ts';
export { REGION_MONTHLY_MEAN_C, CLIMATE_REGION_IDS, type ClimateRegionId } from './region-climate.ts';
