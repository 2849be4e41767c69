import { useEffect } from 'react';
import type { Answers } from '../../plan/answers-schema.ts';
import type { VehicleSpec } from '../../sim/index.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { loadVehicleSpec } from '../../ui/twin/load-bundle.ts';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import { commuteAvailable } from '../../xr/scenarios.ts';
import { xrRange } from '../../xr/xr-range.ts';
import { useXrSession } from '../../xr/xr-state.ts';

const specs = new Map<string, Promise<VehicleSpec>>();

/** The customer's answers when a plan was made (or opened from a link), else null. */
export function planAnswers(): Answers | null {
  const s = usePlanStore.getState();
  return s.phase === 'plan' || s.origin === 'link' ? s.answers : null;
}

/**
 * Simulates the panel's scenario for the car on screen whenever either changes (one run, not per
 * frame), and tints the pack with the cells' temperature at departure.
 */
export function useXrRange(): void {
  const vehicleId = useTwinStore((s) => s.vehicleId);
  const scenarioId = useXrSession((s) => s.scenarioId);
  const answersKey = usePlanStore((s) => JSON.stringify(s.answers));
  useEffect(() => {
    if (!vehicleId) return;
    let live = true;
    const answers = planAnswers();
    const id = scenarioId === 'commute' && !commuteAvailable(answers) ? 'winter-highway' : scenarioId;
    useXrSession.getState().setRange(null);
    if (!specs.has(vehicleId)) specs.set(vehicleId, loadVehicleSpec(vehicleId));
    specs.get(vehicleId)!.then(
      (spec) => {
        if (!live) return;
        const range = xrRange(spec, id, answers);
        useXrSession.getState().setRange(range);
        if (range) useTwinStore.setState({ packTempC: range.pack.startC });
      },
      () => specs.delete(vehicleId),
    );
    return () => {
      live = false;
    };
  }, [vehicleId, scenarioId, answersKey]);
}
