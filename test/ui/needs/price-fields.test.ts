import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, PricesSchema } from '../../../src/plan/index.ts';
import { PRICE_FIELDS, stepPrice } from '../../../src/ui/needs/price-fields.ts';

const field = (key: string) => PRICE_FIELDS.find((f) => f.key === key)!;

describe('price steppers', () => {
  it('offer every editable price', () => {
    expect(PRICE_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(PricesSchema.shape).sort());
  });

  it('step in cents without floating-point dust', () => {
    let p = DEFAULT_PRICES;
    for (let i = 0; i < 3; i++) p = stepPrice(p, field('petrolCnyPerL'), 1);
    expect(p.petrolCnyPerL).toBe(7.9);
    expect(stepPrice(DEFAULT_PRICES, field('homeOffPeakCnyPerKwh'), -1).homeOffPeakCnyPerKwh).toBe(0.26);
  });

  it('stay within the schema: never below zero, the off-peak share never above 100 %', () => {
    expect(stepPrice({ ...DEFAULT_PRICES, homeOffPeakCnyPerKwh: 0.02 }, field('homeOffPeakCnyPerKwh'), -1).homeOffPeakCnyPerKwh).toBe(0);
    const full = stepPrice(stepPrice(DEFAULT_PRICES, field('offPeakShare'), 1), field('offPeakShare'), 1);
    expect(full.offPeakShare).toBe(1);
    expect(PricesSchema.safeParse(full).success).toBe(true);
  });
});
