import { useEffect } from 'react';
import type { Answers } from '../../plan/answers-schema.ts';
import type { VehicleSpec } from '../../sim/index.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { loadVehicleSpec } from '../../ui/twin/load-bundle.ts';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import { commuteAvailable, type XrScenarioId } from '../../xr/scenarios.ts';
import { xrRange } from '../../xr/xr-range.ts';
import { useXrSession } from '../../xr/xr-state.ts';

const specs = new Map<string, Promise<VehicleSpec>>();

/** The range scenario the panel starts with when nothing chose one: the one customers ask about. */
export const DEFAULT_XR_SCENARIO: XrScenarioId = 'winter-highway';

/** The customer's answers: the ones a twin deep link brought, else the plan made (or opened from a link) here. */
export function planAnswers(): Answers | null {
  const linked = useTwinStore.getState().planAnswers;
  if (linked) return linked;
  const s = usePlanStore.getState();
  return s.phase === 'plan' || s.origin === 'link' ? s.answers : null;
}

/** The panel's scenario: the twin store's choice, else the default. */
export function useXrScenarioId(): XrScenarioId {
  return useTwinStore((s) => s.xrScenario) ?? DEFAULT_XR_SCENARIO;
}

/**
 * Simulates the panel's scenario for the car on screen whenever either changes (one run, not per
 * frame), and tints the pack with the cells' temperature at departure.
 */
export function useXrRange(): void {
  const vehicleId = useTwinStore((s) => s.vehicleId);
  const scenarioId = useXrScenarioId();
  const answersKey = usePlanStore((s) => JSON.stringify(s.answers)) + useTwinStore((s) => JSON.stringify(s.planAnswers));
  useEffect(() => {
    if (!vehicleId) return;
    let live = true;
    const answers = planAnswers();
    const id = scenarioId === 'commute' && !commuteAvailable(answers) ? DEFAULT_XR_SCENARIO : scenarioId;
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
