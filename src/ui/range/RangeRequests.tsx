import { useEffect } from 'react';
import type { LineupEntry } from '../../state/lineup-store.ts';
import { CURVE_AMBIENT_C, mildReference, scenarioWithOverrides } from '../../state/range-scenario.ts';
import { requestCurve, requestRange } from '../../state/range-sim.ts';
import { useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';

interface Props {
  entry: LineupEntry | undefined;
  preset: ScenarioPreset | undefined;
}

/**
 * Renders nothing: sends the range worker a request whenever trim, preset, temperature or
 * climate change (the client coalesces them) and the curve worker one whenever trim, preset or
 * climate change. Kept in its own component so slider steps re-render only this and the readouts.
 */
export function RangeRequests({ entry, preset }: Props) {
  const ambientC = useRangeStore((s) => s.ambientC);
  const climateOn = useRangeStore((s) => s.climateOn);

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
      reference: mildReference(preset),
    });
  }, [entry, preset, climateOn]);

  return null;
}
