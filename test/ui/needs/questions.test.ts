import { describe, expect, it } from 'vitest';
import { QUESTION_IDS, type Priority } from '../../../src/plan/index.ts';
import { clampToField, confirmQuestion, QUESTIONS, skipQuestion, togglePriority } from '../../../src/ui/needs/questions.ts';

const byId = (id: string) => QUESTIONS.find((q) => q.id === id)!;

describe('questionnaire', () => {
  it('asks eight to ten questions that together cover every answer field once', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(8);
    expect(QUESTIONS.length).toBeLessThanOrEqual(10);
    const keys = QUESTIONS.flatMap((q) => q.keys);
    expect([...keys].sort()).toEqual([...QUESTION_IDS].sort());
  });

  it('skip removes what the card answered, nothing else', () => {
    const answers = { homeCharging: 'wallbox' as const, workCharging: true, dailyKm: 30 };
    expect(skipQuestion(answers, byId('charging'))).toEqual({ dailyKm: 30 });
  });

  it('next takes a number card at the value shown, and keeps a value the customer set', () => {
    expect(confirmQuestion({}, byId('currentCar'))).toEqual({ fuelLPer100km: 7.5, yearlyKm: 12_000 });
    expect(confirmQuestion({ yearlyKm: 30_000 }, byId('currentCar'))).toEqual({ fuelLPer100km: 7.5, yearlyKm: 30_000 });
    // A choice card left untouched stays unanswered.
    expect(confirmQuestion({}, byId('camping'))).toEqual({});
  });

  it('number starting values lie on their scale and within the answers schema', () => {
    for (const f of QUESTIONS.flatMap((q) => q.numbers ?? [])) {
      expect(clampToField(f, f.initial), f.key).toBe(f.initial);
    }
  });

  it('snaps stepper and slider values onto the scale', () => {
    const fuel = byId('currentCar').numbers![0]!;
    expect(clampToField(fuel, 7.74)).toBe(7.5);
    expect(clampToField(fuel, 7.8)).toBe(8);
    expect(clampToField(fuel, 99)).toBe(20);
    expect(clampToField(fuel, -1)).toBe(3);
  });

  it('orders priorities by tap; a second tap removes one and the rest move up', () => {
    let order = togglePriority<Priority>(undefined, 'cost');
    order = togglePriority(order, 'safety');
    order = togglePriority(order, 'comfort');
    expect(order).toEqual(['cost', 'safety', 'comfort']);
    expect(togglePriority(order, 'cost')).toEqual(['safety', 'comfort']);
  });
});
