/**
 * The questionnaire: ten cards, each covering one or two answer fields. A card's fields are what
 * "skip" clears. Number cards start on a typical value the customer confirms with "next".
 */
import { DEFAULT_DAILY_KM, type Answers } from '../../plan/index.ts';
import { DEFAULT_FUEL_L_PER_100KM, DEFAULT_YEARLY_KM } from '../../plan/costs.ts';
import type { NeedsMessageKey } from './messages.ts';

export type AnswerKey = keyof Answers;

/** A number answered with a slider and +/- steppers. */
export interface NumberField {
  key: 'dailyKm' | 'longestTripKm' | 'budgetCny' | 'fuelLPer100km' | 'yearlyKm';
  min: number;
  max: number;
  step: number;
  /** Shown (and recorded by "next") until the customer moves it. */
  initial: number;
  format: 'km' | 'cny' | 'lPer100km';
  labelKey?: NeedsMessageKey;
}

export type QuestionId =
  | 'dailyKm'
  | 'longestTripKm'
  | 'charging'
  | 'region'
  | 'household'
  | 'camping'
  | 'rideHailing'
  | 'budget'
  | 'currentCar'
  | 'priorities';

export interface Question {
  id: QuestionId;
  titleKey: NeedsMessageKey;
  hintKey?: NeedsMessageKey;
  /** The answer fields this card sets; "skip" removes them. */
  keys: AnswerKey[];
  numbers?: NumberField[];
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'dailyKm',
    titleKey: 'q.dailyKm.title',
    hintKey: 'q.dailyKm.hint',
    keys: ['dailyKm'],
    numbers: [{ key: 'dailyKm', min: 0, max: 300, step: 5, initial: DEFAULT_DAILY_KM, format: 'km' }],
  },
  {
    id: 'longestTripKm',
    titleKey: 'q.longestTripKm.title',
    hintKey: 'q.longestTripKm.hint',
    keys: ['longestTripKm'],
    numbers: [{ key: 'longestTripKm', min: 0, max: 1500, step: 50, initial: 300, format: 'km' }],
  },
  { id: 'charging', titleKey: 'q.charging.title', hintKey: 'q.charging.hint', keys: ['homeCharging', 'workCharging'] },
  { id: 'region', titleKey: 'q.region.title', hintKey: 'q.region.hint', keys: ['region'] },
  { id: 'household', titleKey: 'q.household.title', keys: ['children', 'sevenSeats'] },
  { id: 'camping', titleKey: 'q.camping.title', hintKey: 'q.camping.hint', keys: ['camping'] },
  { id: 'rideHailing', titleKey: 'q.rideHailing.title', hintKey: 'q.rideHailing.hint', keys: ['rideHailing'] },
  {
    id: 'budget',
    titleKey: 'q.budget.title',
    hintKey: 'q.budget.hint',
    keys: ['budgetCny'],
    numbers: [{ key: 'budgetCny', min: 100_000, max: 600_000, step: 10_000, initial: 250_000, format: 'cny' }],
  },
  {
    id: 'currentCar',
    titleKey: 'q.currentCar.title',
    hintKey: 'q.currentCar.hint',
    keys: ['fuelLPer100km', 'yearlyKm'],
    numbers: [
      { key: 'fuelLPer100km', min: 3, max: 20, step: 0.5, initial: DEFAULT_FUEL_L_PER_100KM, format: 'lPer100km', labelKey: 'q.currentCar.fuel' },
      { key: 'yearlyKm', min: 2_000, max: 100_000, step: 1_000, initial: DEFAULT_YEARLY_KM, format: 'km', labelKey: 'q.currentCar.yearly' },
    ],
  },
  { id: 'priorities', titleKey: 'q.priorities.title', hintKey: 'q.priorities.hint', keys: ['priorities'] },
];

/** The answers with a card's fields removed: what "skip" does. */
export function skipQuestion(answers: Answers, question: Question): Answers {
  const next = { ...answers };
  for (const key of question.keys) delete next[key];
  return next;
}

/**
 * What "next" records on a card: number fields the customer did not move are taken at the value
 * shown; choice fields left untouched stay unanswered.
 */
export function confirmQuestion(answers: Answers, question: Question): Answers {
  const next = { ...answers };
  for (const field of question.numbers ?? []) next[field.key] ??= field.initial;
  return next;
}

/** Snaps a value onto a number field's scale (for steppers and slider input). */
export function clampToField(field: NumberField, value: number): number {
  const snapped = Math.round((value - field.min) / field.step) * field.step + field.min;
  return Math.min(field.max, Math.max(field.min, Number(snapped.toFixed(6))));
}

/** Adds a priority at the end of the order, or removes it (the rest move up). */
export function togglePriority<T extends string>(order: readonly T[] | undefined, p: T): T[] {
  const current = order ?? [];
  return current.includes(p) ? current.filter((x) => x !== p) : [...current, p];
}
