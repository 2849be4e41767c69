import { useEffect } from 'react';
import { useLineupStore, type LineupEntry } from '../../state/lineup-store.ts';
import { CURVE_AMBIENT_C, presetDefaults, scenarioWithOverrides } from '../../state/range-scenario.ts';
import { requestCurve, requestRange } from '../../state/range-sim.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { presetCatalogue, type ScenarioPreset } from '../../state/scenario-presets.ts';

/** The preset a fresh session starts on: a mixed everyday drive if there is one. */
function defaultPreset(presets: ScenarioPreset[]): ScenarioPreset | undefined {
  return presets.find((p) => /mixed|wltc/.test(p.id)) ?? presets.find((p) => /city|cltc/.test(p.id)) ?? presets[0];
}

export interface RangeSelection {
  entry: LineupEntry | undefined;
  preset: ScenarioPreset | undefined;
}

/**
 * Picks defaults once the line-up is there and sends the simulator a request whenever the
 * trim, preset, temperature or climate changes (the worker client coalesces them), and the curve
 * worker one whenever the trim, preset or climate changes.
 */
export function useRangeSimulation(): RangeSelection {
  const entries = useLineupStore((s) => s.entries);
  const { vehicleId, presetId, ambientC, climateOn } = useRangeStore();
  const entry = entries.find((e) => e.id === vehicleId);
  const preset = presetCatalogue.presets.find((p) => p.id === presetId);

  useEffect(() => {
    const store = useRangeStore.getState();
    if (!entry && entries.length > 0) {
      store.selectVehicle((entries.find((e) => e.status === 'ok') ?? entries[0]!).id);
    }
    if (!preset) {
      const p = defaultPreset(presetCatalogue.presets);
      if (p) store.selectPreset(p.id, presetDefaults(p));
    }
  }, [entry, entries, preset]);

  useEffect(() => {
    if (entry?.status !== 'ok' || !preset || ambientC === null || climateOn === null) return;
    requestRange({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenario: scenarioWithOverrides(preset, { ambientC, climateOn }),
      scenarioSource: preset.source,
    });
  }, [entry, preset, ambientC, climateOn]);

  // The curve ignores the slider: dragging moves the marker, it does not recompute 16 runs.
  useEffect(() => {
    if (entry?.status !== 'ok' || !preset || climateOn === null) return;
    requestCurve({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenarioSource: preset.source,
      ambientC: [...CURVE_AMBIENT_C],
      scenarios: CURVE_AMBIENT_C.map((a) => scenarioWithOverrides(preset, { ambientC: a, climateOn })),
    });
  }, [entry, preset, climateOn]);

  return { entry, preset };
}
