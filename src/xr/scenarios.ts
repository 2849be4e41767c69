/**
 * The range scenarios the in-world panel offers: a summer city drive, a winter highway drive, and,
 * when the customer has a plan, their own commute in their own winter (the plan's region and daily
 * distance, a leg from a cold-soaked car, as the plan computes it). Pure: the caller simulates.
 */
import type { Answers } from '../plan/answers-schema.ts';
import { commuteScenario } from '../plan/commute.ts';
import { DEFAULT_REGION, REGIONS } from '../plan/regions.ts';
import type { Scenario } from '../scenario/index.ts';
import type { XrMessageKey } from './messages.ts';

export const XR_SCENARIO_IDS = ['summer-city', 'winter-highway', 'commute'] as const;
export type XrScenarioId = (typeof XR_SCENARIO_IDS)[number];

/** Preset files (scenarios/*.json) behind the fixed choices. */
export const XR_SCENARIO_PRESETS: Record<Exclude<XrScenarioId, 'commute'>, string> = {
  'summer-city': 'guangzhou-summer-city',
  'winter-highway': 'beijing-winter-highway',
};

export const XR_SCENARIO_LABELS: Record<XrScenarioId, XrMessageKey> = {
  'summer-city': 'scenario.summerCity',
  'winter-highway': 'scenario.winterHighway',
  commute: 'scenario.commute',
};

export function isXrScenarioId(value: unknown): value is XrScenarioId {
  return typeof value === 'string' && (XR_SCENARIO_IDS as readonly string[]).includes(value);
}

/** The commute needs a plan: its daily distance. */
export function commuteAvailable(answers: Answers | null): boolean {
  return answers !== null && typeof answers.dailyKm === 'number' && answers.dailyKm > 0;
}

/** The customer's commute leg in their region's winter, and the distance to simulate (one leg), or null without a plan. */
export function commuteXrScenario(answers: Answers | null): { scenario: Scenario; legKm: number } | null {
  if (!commuteAvailable(answers)) return null;
  const region = answers!.region ?? DEFAULT_REGION;
  const legKm = Math.max(1, answers!.dailyKm! / 2);
  return { scenario: commuteScenario(REGIONS[region].winterC, legKm), legKm };
}
