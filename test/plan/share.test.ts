import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswersSchema, decodeAnswers, encodeAnswers, planLink, REGION_IDS, type Answers } from '../../src/plan/index.ts';

const answersArb: fc.Arbitrary<Answers> = fc.record(
  {
    dailyKm: fc.integer({ min: 0, max: 400 }),
    region: fc.constantFrom(...REGION_IDS),
    homeCharging: fc.constantFrom('wallbox' as const, 'socket' as const, 'none' as const),
    children: fc.boolean(),
    budgetCny: fc.integer({ min: 50_000, max: 900_000 }),
    priorities: fc.uniqueArray(fc.constantFrom('safety' as const, 'technology' as const, 'comfort' as const, 'cost' as const), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

describe('share link', () => {
  it('round-trips any answers', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        expect(decodeAnswers(encodeAnswers(a))).toEqual(AnswersSchema.parse(a));
      }),
    );
  });

  it('carries answers only, in the fragment', () => {
    const link = planLink('https://kiosk.example/', { dailyKm: 40, region: 'beijing' });
    expect(link).toMatch(/^https:\/\/kiosk\.example\/#\/plan\?a=[A-Za-z0-9_-]+$/);
  });

  it('rejects damaged or foreign tokens', () => {
    expect(decodeAnswers('%%%')).toBeNull();
    expect(decodeAnswers('bm90IGpzb24')).toBeNull();
    expect(decodeAnswers(encodeAnswers({ dailyKm: 1 }).slice(0, -3))).toBeNull();
    expect(decodeAnswers(btoa(JSON.stringify({ phone: '13800138000' })).replace(/=+$/, ''))).toBeNull();
  });
});
