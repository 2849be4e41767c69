/** The editable prices, their steps and bounds (PricesSchema's), for the price steppers. */
import { PricesSchema, type Prices } from '../../plan/index.ts';
import type { NeedsMessageKey } from './messages.ts';

export interface PriceField {
  key: keyof Prices;
  labelKey: NeedsMessageKey;
  step: number;
  unit: 'perLitre' | 'perKwh' | 'share';
}

export const PRICE_FIELDS: readonly PriceField[] = [
  { key: 'petrolCnyPerL', labelKey: 'price.petrol', step: 0.1, unit: 'perLitre' },
  { key: 'homeOffPeakCnyPerKwh', labelKey: 'price.homeOffPeak', step: 0.05, unit: 'perKwh' },
  { key: 'homePeakCnyPerKwh', labelKey: 'price.homePeak', step: 0.05, unit: 'perKwh' },
  { key: 'publicDcCnyPerKwh', labelKey: 'price.publicDc', step: 0.1, unit: 'perKwh' },
  { key: 'offPeakShare', labelKey: 'price.offPeakShare', step: 0.1, unit: 'share' },
];

/** One stepper tap: the price moved by `steps` steps, rounded to cents and kept within the schema. */
export function stepPrice(prices: Prices, field: PriceField, steps: number): Prices {
  const shape = PricesSchema.shape[field.key];
  const min = shape.minValue ?? 0;
  const max = shape.maxValue ?? Infinity;
  const value = Math.round((prices[field.key] + steps * field.step) * 100) / 100;
  return { ...prices, [field.key]: Math.min(max, Math.max(min, value)) };
}
