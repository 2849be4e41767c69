/**
 * What the in-world panel shows for a range scenario, from the same simulator the range lab uses:
 * the range, the consumption, the largest energy items and the pack temperature (at departure and
 * after the drive, for the pack's tint). Pure: the vehicle and scenario come in.
 */
import type { Answers } from '../plan/answers-schema.ts';
import { presetCatalogue } from '../state/scenario-presets.ts';
import { simulate, type Breakdown, type VehicleSpec, type Warning } from '../sim/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { commuteXrScenario, XR_SCENARIO_PRESETS, type XrScenarioId } from './scenarios.ts';

export type BreakdownKey = keyof Breakdown;

export interface XrRange {
  scenarioId: XrScenarioId;
  ambientC: number;
  rangeKm: number;
  batteryKwhPer100km: number;
  /** The largest consuming items, most first (regen, a gain, last when it is large). */
  items: { key: BreakdownKey; kwhPer100km: number }[];
  pack: { startC: number; endC: number };
  warnings: Warning[];
}

/** How many energy items the panel lists (the rest are small on every preset). */
export const PANEL_ITEMS = 4;

/** The scenario behind a choice; null when it needs a plan that is not there (or a preset is missing). */
export function xrScenario(id: XrScenarioId, answers: Answers | null): { scenario: Scenario; legKm: number | null } | null {
  if (id === 'commute') return commuteXrScenario(answers);
  const preset = presetCatalogue.presets.find((p) => p.id === XR_SCENARIO_PRESETS[id]);
  return preset ? { scenario: preset.scenario, legKm: null } : null;
}

/**
 * Simulates one scenario. A commute is one leg from a car that stood outside, and its range is
 * what a full battery lasts driving such legs (as the plan computes it); a preset runs to empty.
 */
export function xrRange(vehicle: VehicleSpec, id: XrScenarioId, answers: Answers | null): XrRange | null {
  const chosen = xrScenario(id, answers);
  if (!chosen) return null;
  const r = chosen.legKm === null ? simulate(vehicle, chosen.scenario) : simulate(vehicle, chosen.scenario, { distanceKm: chosen.legKm });
  const rangeKm = chosen.legKm === null ? r.rangeKm : r.energy.usableKwhAtEnd / (r.batteryKwhPer100km / 100);
  const items = (Object.entries(r.breakdownKwhPer100km) as [BreakdownKey, number][])
    .filter(([, v]) => Math.abs(v) >= 0.05)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, PANEL_ITEMS)
    .map(([key, kwhPer100km]) => ({ key, kwhPer100km }));
  return { scenarioId: id, ambientC: chosen.scenario.ambientC, rangeKm, batteryKwhPer100km: r.batteryKwhPer100km, items, pack: { startC: r.battery.startC, endC: r.battery.endC }, warnings: r.warnings };
}
