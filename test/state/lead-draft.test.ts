import { describe, expect, it } from 'vitest';
import { LeadTagsSchema, PlanSchema } from '../../src/leads/lead-schema.ts';
import { LeadEventSchema } from '../../src/leads/event-schema.ts';
import { buildPlan, type Answers } from '../../src/plan/index.ts';
import { buildLeadDraft, planSummary, useLeadDraft } from '../../src/state/lead-draft.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import { lineup } from '../plan/helpers.ts';

const cars = lineup();

describe('lead draft', () => {
  it('summarises the plan in the shape the lead schema accepts', () => {
    for (const answers of [{}, { dailyKm: 0 }, { dailyKm: 80, region: 'harbin', homeCharging: 'wallbox', camping: true, sevenSeats: true, budgetCny: 200_000 }] as Answers[]) {
      const plan = buildPlan(answers, cars);
      const summary = planSummary(plan);
      expect(PlanSchema.safeParse(summary).success, JSON.stringify(summary)).toBe(true);
      expect(summary.vehicleId).toBe(plan.recommended.vehicleId);
      expect(summary.winterRangeKm).toBe(Math.round(plan.recommended.winter.rangeKm));
    }
  });

  it('a commute of 0 km has no finite days between charges: the summary says null, not Infinity', () => {
    const summary = planSummary(buildPlan({ dailyKm: 0 }, cars));
    expect(summary.winterDaysBetweenCharges).toBeNull();
  });

  it('carries the answers, tags from answers and behaviour, and the events', () => {
    const answers: Answers = { dailyKm: 40, children: true, homeCharging: 'socket' };
    const events = [
      { type: 'plan-viewed' as const, at: '2026-11-27T01:00:00.000Z' },
      { type: 'test-drive-requested' as const, at: '2026-11-27T01:01:00.000Z' },
    ];
    const draft = buildLeadDraft(answers, buildPlan(answers, cars), events);
    expect(draft.answers).toEqual(answers);
    expect(draft.tags.needs).toEqual(['family', 'commuter']);
    expect(draft.tags.value).toContain('ready-to-test-drive');
    expect(draft.events).toEqual(events);
    expect(LeadTagsSchema.safeParse(draft.tags).success).toBe(true);
    expect(LeadEventSchema.array().safeParse(draft.events).success).toBe(true);
  });

  it('is dropped when the kiosk session ends', () => {
    useLeadDraft.getState().keep(buildLeadDraft({}, buildPlan({}, cars), []));
    resetKioskSession();
    expect(useLeadDraft.getState().draft).toBeNull();
  });
});
