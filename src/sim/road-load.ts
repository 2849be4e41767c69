/**
 * Road load: rolling resistance, aerodynamic drag, grade, and how conditions change them.
 */

/**
 * ISO 28580 corrects passenger-tyre rolling resistance by 0.8 %/K around 25 °C; tyres run warmer
 * than the air once rolling, so the tyre is taken 8 K above ambient.
 */
const ISO_28580_K_PER_C = 0.008;
const TYRE_WARMING_K = 8;
/** Homologation coast-downs are run near 23 °C. */
const REFERENCE_C = 23;
/** Winter (snow) tyres: softer compound and deep tread, about one EU label class (+15 %). */
const WINTER_TYRE_FACTOR = 1.15;

/**
 * Rolling resistance relative to the homologation test, for ambient temperature and tyres.
 * The thermal part also holds on a chassis dynamometer: cold tyres on the rollers lose more.
 */
export function rollingFactor(ambientC: number, tyres: 'standard' | 'winter'): number {
  const resistanceAt = (airC: number) => 1 / (1 + ISO_28580_K_PER_C * (airC + TYRE_WARMING_K - 25));
  const thermal = Math.min(1.3, Math.max(0.9, resistanceAt(ambientC) / resistanceAt(REFERENCE_C)));
  return thermal * (tyres === 'winter' ? WINTER_TYRE_FACTOR : 1);
}

/**
 * FASTSim's brake blending (NREL FASTSim, `regen_a`/`regen_b`): the share of braking the motor
 * takes rises from ~0 at walking pace to its maximum above ~20 km/h.
 */
export function regenBlendFraction(maxFraction: number, speedMps: number): number {
  const mph = speedMps * 2.23694;
  return maxFraction / (1 + 500 * Math.exp(-0.99 * (mph + 1)));
}
