/** Fuel against electricity for a year of the customer's driving. */
import type { ChargingPlan } from './charging.ts';
import type { Prices } from './prices.ts';

export interface YearlyCost {
  yearlyKm: number;
  fuelCny: number;
  electricityCny: number;
  savingCny: number;
  /** Electricity price paid on average, CNY/kWh. */
  electricityCnyPerKwh: number;
  wallKwh: number;
}

/** A Chinese private car drives about 12 000 km a year; a petrol compact uses about 7.5 L/100 km. */
export const DEFAULT_YEARLY_KM = 12_000;
export const DEFAULT_FUEL_L_PER_100KM = 7.5;

export function yearlyCost(
  yearlyKm: number,
  fuelLPer100km: number,
  wallKwhPer100km: number,
  charging: ChargingPlan,
  prices: Prices,
): YearlyCost {
  const home = prices.offPeakShare * prices.homeOffPeakCnyPerKwh + (1 - prices.offPeakShare) * prices.homePeakCnyPerKwh;
  const cnyPerKwh =
    charging.mode === 'public-dc' ? prices.publicDcCnyPerKwh : charging.mode === 'work' ? prices.homePeakCnyPerKwh : home;
  const wallKwh = (yearlyKm / 100) * wallKwhPer100km;
  const fuelCny = (yearlyKm / 100) * fuelLPer100km * prices.petrolCnyPerL;
  const electricityCny = wallKwh * cnyPerKwh;
  return { yearlyKm, fuelCny, electricityCny, savingCny: fuelCny - electricityCny, electricityCnyPerKwh: cnyPerKwh, wallKwh };
}
