/**
 * Lead tags in three dimensions. Needs come from the answers, behaviour from kiosk session events,
 * value from both. Tags are slugs, never free text: `family` says nothing about the children.
 */
import type { Answers } from './answers-schema.ts';

export const BEHAVIOUR_EVENTS = [
  'viewed-xray',
  'viewed-winter-range',
  'compared-scenarios',
  'asked-charging',
  'asked-financing',
  'plan-viewed',
  'test-drive-requested',
] as const;
export type BehaviourEvent = (typeof BEHAVIOUR_EVENTS)[number];

export interface LeadTags {
  needs: string[];
  behaviour: string[];
  value: string[];
}

const BEHAVIOUR_TAGS: Partial<Record<BehaviourEvent, string>> = {
  'viewed-xray': 'viewed-xray',
  'viewed-winter-range': 'viewed-winter-range',
  'compared-scenarios': 'compared-scenarios',
  'asked-charging': 'asked-charging',
  'asked-financing': 'asked-financing',
};

const NEEDS_TAGS = ['family', 'commuter', 'long-distance', 'tech-enthusiast', 'ride-hailing', 'camper'] as const;
const VALUE_TAGS = ['high-potential', 'ready-to-test-drive'] as const;

/** Every tag leadTags can give, by dimension: the rep views offer them as filters. */
export const TAG_VOCABULARY: Readonly<Record<keyof LeadTags, readonly string[]>> = {
  needs: NEEDS_TAGS,
  behaviour: [...new Set(Object.values(BEHAVIOUR_TAGS))],
  value: VALUE_TAGS,
};

export function leadTags(answers: Answers, events: readonly BehaviourEvent[]): LeadTags {
  const needs: string[] = [];
  if (answers.children || answers.sevenSeats) needs.push('family');
  if ((answers.dailyKm ?? 0) >= 20) needs.push('commuter');
  if ((answers.longestTripKm ?? 0) >= 300) needs.push('long-distance');
  if (answers.priorities?.[0] === 'technology') needs.push('tech-enthusiast');
  if (answers.rideHailing) needs.push('ride-hailing');
  if (answers.camping) needs.push('camper');

  const seen = new Set(events);
  const behaviour = [...new Set(events.flatMap((e) => BEHAVIOUR_TAGS[e] ?? []))];

  const answered = Object.values(answers).filter((x) => x !== undefined).length;
  const canCharge = answers.homeCharging === 'wallbox' || answers.homeCharging === 'socket' || answers.workCharging === true;
  const value: string[] = [];
  if ((answered >= 6 && canCharge) || behaviour.length >= 3) value.push('high-potential');
  if (seen.has('test-drive-requested') || (seen.has('plan-viewed') && behaviour.length >= 2)) value.push('ready-to-test-drive');
  return { needs, behaviour, value };
}
