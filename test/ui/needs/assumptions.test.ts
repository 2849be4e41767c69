import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/index.ts';
import { assumptions } from '../../../src/ui/needs/assumptions.ts';
import { lineup } from '../../plan/helpers.ts';

const cars = lineup();

describe('stated assumptions', () => {
  it('lists what the plan assumed and that skipped charging means public fast chargers', () => {
    const plan = buildPlan({}, cars);
    expect(plan.recommended.charging.mode).toBe('public-dc');
    expect(assumptions(plan, {})).toEqual(['region', 'dailyKm', 'yearlyKm', 'fuelLPer100km', 'charging']);
  });

  it('states nothing about charging once either charging question is answered', () => {
    for (const answers of [{ homeCharging: 'none' as const }, { workCharging: false }]) {
      expect(assumptions(buildPlan(answers, cars), answers)).not.toContain('charging');
    }
  });

  it('is empty when everything the plan needs was answered', () => {
    const answers = { region: 'xian' as const, dailyKm: 30, yearlyKm: 15_000, fuelLPer100km: 8, homeCharging: 'socket' as const };
    expect(assumptions(buildPlan(answers, cars), answers)).toEqual([]);
  });
});
