import { useEffect, useMemo } from 'react';
import { encodeAnswers } from '../../plan/index.ts';
import { useLineupStore } from '../../state/lineup-store.ts';
import { requestPlan } from '../../state/plan-client.ts';
import { usePlanStore } from '../../state/plan-store.ts';

/**
 * Asks the plan worker for a plan whenever the answers, prices or line-up change while the plan
 * is shown. Returns whether the plan in the store belongs to the current answers.
 */
export function usePlanComputation(): { current: boolean } {
  const entries = useLineupStore((s) => s.entries);
  const answers = usePlanStore((s) => s.answers);
  const prices = usePlanStore((s) => s.prices);
  const phase = usePlanStore((s) => s.phase);
  const planKey = usePlanStore((s) => s.planKey);
  const key = useMemo(() => encodeAnswers(answers), [answers]);

  useEffect(() => {
    const vehicles = entries.flatMap((e) => (e.status === 'ok' ? [{ raw: e.raw, source: e.source }] : []));
    if (phase !== 'plan' || vehicles.length === 0) return;
    requestPlan({ answers, vehicles, prices });
  }, [entries, answers, prices, phase]);

  return { current: planKey === key };
}
