import { useEffect } from 'react';
import type { LineupEntry } from '../../state/lineup-store.ts';
import { CURVE_AMBIENT_C, mildReference, scenarioWithOverrides } from '../../state/range-scenario.ts';
import { requestCurve, requestRange } from '../../state/range-sim.ts';
import { currentOverrides, useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';

interface Props {
  entry: LineupEntry | undefined;
  preset: ScenarioPreset | undefined;
}

/**
 * Renders nothing: sends the range worker a request whenever trim, preset or any control
 * changes (the client coalesces them) and the curve worker one whenever anything but the
 * temperature changes. Kept in its own component so slider steps re-render only this and the readouts.
 */
export function RangeRequests({ entry, preset }: Props) {
  const ambientC = useRangeStore((s) => s.ambientC);
  const climateOn = useRangeStore((s) => s.climateOn);
  const drive = useRangeStore((s) => s.drive);
  const setpointC = useRangeStore((s) => s.setpointC);
  const seatHeating = useRangeStore((s) => s.seatHeating);
  const people = useRangeStore((s) => s.people);
  const luggageKg = useRangeStore((s) => s.luggageKg);
  const preconditioned = useRangeStore((s) => s.preconditioned);

  useEffect(() => {
    const overrides = currentOverrides(useRangeStore.getState());
    if (entry?.status !== 'ok' || !preset || !overrides) return;
    requestRange({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenario: scenarioWithOverrides(preset, overrides),
      scenarioSource: preset.source,
    });
  }, [entry, preset, ambientC, climateOn, drive, setpointC, seatHeating, people, luggageKg, preconditioned]);

  // The curve ignores the temperature slider: dragging moves the marker, it does not recompute
  // 16 runs. Every other control changes the whole curve.
  useEffect(() => {
    const overrides = currentOverrides(useRangeStore.getState());
    if (entry?.status !== 'ok' || !preset || !overrides) return;
    requestCurve({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenarioSource: preset.source,
      ambientC: [...CURVE_AMBIENT_C],
      scenarios: CURVE_AMBIENT_C.map((a) => scenarioWithOverrides(preset, { ...overrides, ambientC: a })),
      reference: mildReference(preset, overrides),
    });
    // ambientC is deliberately not a dependency (see above).
  }, [entry, preset, climateOn, drive, setpointC, seatHeating, people, luggageKg, preconditioned]);

  return null;
}
