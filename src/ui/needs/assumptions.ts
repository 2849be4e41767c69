/**
 * What the plan assumed for skipped questions, as message keys: the core's `plan.assumed` (region,
 * daily and yearly distance, fuel use) plus charging, which the core silently takes as public DC
 * when neither home nor work charging was answered.
 */
import type { Answers, Plan } from '../../plan/index.ts';

export type Assumption = Plan['assumed'][number] | 'charging';

export function assumptions(plan: Plan, answers: Answers): Assumption[] {
  const list: Assumption[] = [...plan.assumed];
  if (answers.homeCharging === undefined && answers.workCharging === undefined) list.push('charging');
  return list;
}
