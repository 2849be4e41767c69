import { useEffect } from 'react';
import { useLineupStore, type LineupEntry } from '../../state/lineup-store.ts';
import { scenarioWithOverrides, presetDefaults } from '../../state/range-scenario.ts';
import { requestRange } from '../../state/range-sim.ts';
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
 * trim, preset, temperature or climate changes (the worker client coalesces them).
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

  return { entry, preset };
}
