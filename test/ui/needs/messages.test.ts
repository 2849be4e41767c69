import { describe, expect, it } from 'vitest';
import { LOCALES, placeholders } from '../../../src/i18n/index.ts';
import { buildPlan, type Answers, type ReasonCode } from '../../../src/plan/index.ts';
import { NEEDS_MESSAGES } from '../../../src/ui/needs/messages.ts';
import { reasonText } from '../../../src/ui/needs/plan-format.ts';
import { lineup } from '../../plan/helpers.ts';

const zh = NEEDS_MESSAGES['zh-CN'];
const en = NEEDS_MESSAGES.en;

const REASON_CODES: ReasonCode[] = [
  'seven-seats', 'family-space', 'within-budget', 'over-budget', 'long-trip-in-winter', 'cold-region-heat-pump', 'v2l-camping',
  'efficient-for-ride-hailing', 'lfp-cycle-life', 'performance', 'comfort', 'lowest-running-cost', 'range-without-home-charging', 'best-value',
];

describe('needs messages', () => {
  it('have the same keys and placeholders in zh-CN and en, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('speak Chinese in zh-CN and English in en', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]|^\{\w+\}|[¥%]/);
      expect(en[key], key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('have a sentence for every reason code', () => {
    for (const code of REASON_CODES) expect(zh, code).toHaveProperty(`reason.${code}`);
  });

  it('fill every placeholder of the reasons buildPlan gives, in both languages', () => {
    const cars = lineup();
    const cases: Answers[] = [
      {},
      { sevenSeats: true, children: true, camping: true, region: 'harbin', longestTripKm: 300, budgetCny: 200_000 },
      { rideHailing: true, yearlyKm: 60_000, priorities: ['cost'], budgetCny: 400_000 },
      { homeCharging: 'none', workCharging: false, priorities: ['technology', 'comfort'], longestTripKm: 900 },
      { children: true, priorities: ['comfort'], region: 'urumqi' },
    ];
    const seen = new Set<string>();
    for (const answers of cases) {
      const plan = buildPlan(answers, cars);
      for (const option of [plan.recommended, plan.alternative].filter((o) => o !== null)) {
        for (const reason of option.reasons) {
          seen.add(reason.code);
          for (const locale of LOCALES) expect(reasonText(locale, reason), `${reason.code} ${locale}`).not.toMatch(/[{}]|NaN|undefined/);
        }
      }
    }
    // The cases reach most reasons, so a renamed value would show here.
    expect(seen.size).toBeGreaterThanOrEqual(9);
  });
});
