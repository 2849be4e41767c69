import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BEHAVIOUR_EVENTS, leadTags, TAG_VOCABULARY } from '../../src/plan/index.ts';

describe('leadTags', () => {
  it('derives needs from answers', () => {
    const t = leadTags({ children: true, dailyKm: 50, longestTripKm: 800, priorities: ['technology'], rideHailing: true, camping: true }, []);
    expect(t.needs).toEqual(['family', 'commuter', 'long-distance', 'tech-enthusiast', 'ride-hailing', 'camper']);
  });

  it('a seven-seat need is a family need without details of children', () => {
    expect(leadTags({ sevenSeats: true }, []).needs).toEqual(['family']);
    expect(JSON.stringify(leadTags({ children: true }, []))).not.toMatch(/child/);
  });

  it('records behaviour from kiosk events once each', () => {
    const t = leadTags({}, ['viewed-xray', 'viewed-xray', 'compared-scenarios', 'asked-charging', 'plan-viewed']);
    expect(t.behaviour).toEqual(['viewed-xray', 'compared-scenarios', 'asked-charging']);
  });

  it('values engaged customers and those ready to test-drive', () => {
    expect(leadTags({}, ['viewed-xray', 'compared-scenarios', 'asked-financing']).value).toContain('high-potential');
    expect(leadTags({}, ['test-drive-requested']).value).toEqual(['ready-to-test-drive']);
    expect(leadTags({}, ['plan-viewed', 'viewed-xray', 'asked-charging']).value).toContain('ready-to-test-drive');
    const answered = { dailyKm: 30, region: 'beijing', homeCharging: 'wallbox', children: false, budgetCny: 250_000, yearlyKm: 15_000 } as const;
    expect(leadTags(answered, []).value).toEqual(['high-potential']);
    expect(leadTags({ ...answered, homeCharging: 'none' }, []).value).toEqual([]);
  });

  it('gives no tags for a skipped questionnaire and no events', () => {
    expect(leadTags({}, [])).toEqual({ needs: [], behaviour: [], value: [] });
  });

  it('only gives tags of the vocabulary the rep views filter by', () => {
    const answers = fc.record(
      {
        children: fc.boolean(), sevenSeats: fc.boolean(), camping: fc.boolean(), rideHailing: fc.boolean(), workCharging: fc.boolean(),
        dailyKm: fc.integer({ min: 0, max: 400 }), longestTripKm: fc.integer({ min: 0, max: 2000 }),
        homeCharging: fc.constantFrom('wallbox' as const, 'socket' as const, 'none' as const),
        priorities: fc.subarray(['safety', 'technology', 'comfort', 'cost'] as const),
      },
      { requiredKeys: [] },
    );
    const seen = new Set<string>();
    fc.assert(
      fc.property(answers, fc.subarray([...BEHAVIOUR_EVENTS]), (a, events) => {
        const tags = leadTags(a, events);
        for (const dim of ['needs', 'behaviour', 'value'] as const) {
          for (const tag of tags[dim]) {
            expect(TAG_VOCABULARY[dim]).toContain(tag);
            seen.add(tag);
          }
        }
      }),
      { numRuns: 500 },
    );
    // And every tag of the vocabulary can occur.
    expect([...seen].sort()).toEqual(Object.values(TAG_VOCABULARY).flat().sort());
  });
});
