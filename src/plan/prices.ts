/** Energy prices for the running-cost comparison; the kiosk lets the customer edit them. */
import { z } from 'zod';

export const PricesSchema = z
  .object({
    petrolCnyPerL: z.number().min(0).max(50),
    homePeakCnyPerKwh: z.number().min(0).max(10),
    homeOffPeakCnyPerKwh: z.number().min(0).max(10),
    publicDcCnyPerKwh: z.number().min(0).max(10),
    /** Share of home charging done in off-peak hours (0..1). */
    offPeakShare: z.number().min(0).max(1),
  })
  .strict();

export type Prices = z.infer<typeof PricesSchema>;

/**
 * Chinese defaults, late 2026: 92-octane petrol about 7.6 CNY/L; residential time-of-use tariffs
 * around 0.62 CNY/kWh peak and 0.31 CNY/kWh valley (Shanghai's, for one); public DC charging
 * about 1.3 CNY/kWh with the service fee.
 */
export const DEFAULT_PRICES: Prices = {
  petrolCnyPerL: 7.6,
  homePeakCnyPerKwh: 0.62,
  homeOffPeakCnyPerKwh: 0.31,
  publicDcCnyPerKwh: 1.3,
  offPeakShare: 0.9,
};
