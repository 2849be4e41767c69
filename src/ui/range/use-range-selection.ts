import { useEffect } from 'react';
import { useLineupStore, type LineupEntry } from '../../state/lineup-store.ts';
import { presetDefaults } from '../../state/range-scenario.ts';
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
 * The selected trim and preset, defaulting once the line-up is there. Subscribes to the two
 * ids only, so a slider step does not re-render the callers (the whole screen).
 */
export function useRangeSelection(): RangeSelection {
  const entries = useLineupStore((s) => s.entries);
  const vehicleId = useRangeStore((s) => s.vehicleId);
  const presetId = useRangeStore((s) => s.presetId);
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

  return { entry, preset };
}
