/** Ambient air: density and humidity from temperature and altitude. */
import { P_SEA_LEVEL_PA, R_AIR_J_PER_KG_K, ZERO_C_K } from './constants.ts';

/** Barometric pressure at altitude, Pa (ISA troposphere: p = p0·(1 − 2.25577e-5·h)^5.25588). */
export function pressurePa(altitudeM: number): number {
  return P_SEA_LEVEL_PA * (1 - 2.25577e-5 * altitudeM) ** 5.25588;
}

/** Dry-air density, kg/m³ (ideal gas: ρ = p / (R·T)). Cold air is denser: +12 % at −7 °C vs 24 °C. */
export function airDensityKgM3(ambientC: number, altitudeM = 0): number {
  return pressurePa(altitudeM) / (R_AIR_J_PER_KG_K * (ambientC + ZERO_C_K));
}

/** Saturation vapour pressure over water, Pa (Magnus formula, Alduchov & Eskridge 1996). */
export function saturationPressurePa(tempC: number): number {
  return 610.94 * Math.exp((17.625 * tempC) / (tempC + 243.04));
}

/** Humidity ratio, kg water per kg dry air, at a relative humidity (0..1). */
export function humidityRatio(tempC: number, relativeHumidity: number, pressure = P_SEA_LEVEL_PA): number {
  const pv = relativeHumidity * saturationPressurePa(tempC);
  return (0.622 * pv) / (pressure - pv);
}
