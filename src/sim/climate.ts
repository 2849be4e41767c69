/**
 * Cabin climate: the heat load of holding a setpoint, and what it costs in electricity.
 *
 * Load = shell conduction UA·ΔT + ventilation ṁ·cp·ΔT − sun − occupants (+ latent load of
 * drying fresh air when cooling). A heat pump carries heating first with COP = η·T_cond/(T_cond − T_evap),
 * a fixed share η of the Carnot COP (condenser 50 °C, evaporator 8 K below ambient): with η = 0.45
 * this gives 1.9 at −20 °C and 2.5 at 0 °C, within the spread of published bench data
 * (shared/reference/hvac_heatpump_reference.csv). Its capacity falls 2.5 %/K below 0 °C and it stops
 * below a minimum ambient; a PTC heater (COP 1) covers the rest.
 */
import { CP_AIR_J_PER_KG_K, LATENT_WATER_J_PER_KG, ZERO_C_K } from './constants.ts';
import { humidityRatio } from './air.ts';
import type { VehicleParams } from './vehicle.ts';

const CONDENSER_C = 50;
const EVAPORATOR_APPROACH_K = 8;
/** AC evaporator coil temperature, °C; fresh air leaves it saturated. */
const AC_COIL_C = 8;
const AC_CARNOT_FRACTION = 0.45;
/** Sensible heat of a seated adult, W (ASHRAE Fundamentals, seated light work). */
export const OCCUPANT_SENSIBLE_W = 75;
/** Automatic climate lets the cabin float this far above the setpoint before it runs the compressor. */
const COMFORT_BAND_K = 1.5;
/** Fresh air a blower moves at full speed, kg/s (~300 m³/h). */
const MAX_FRESH_AIR_KG_PER_S = 0.1;
/** Relative humidity of ambient air assumed for the latent load in cooling. */
const AMBIENT_RH = 0.6;

/** Heat-pump coefficient of performance in heating at an ambient temperature. */
export function heatPumpCop(v: VehicleParams, ambientC: number): number {
  const cond = CONDENSER_C + ZERO_C_K;
  const evap = ambientC - EVAPORATOR_APPROACH_K + ZERO_C_K;
  return Math.max(1, (v.heatPumpCarnotFraction * cond) / (cond - evap));
}

/** Heat-pump heating capacity, W (zero below its minimum ambient or without a heat pump). */
export function heatPumpCapacityW(v: VehicleParams, ambientC: number): number {
  if (!v.heatPump || ambientC < v.heatPumpMinAmbientC) return 0;
  return v.heatPumpW * Math.min(1.3, Math.max(0.35, 1 + 0.025 * ambientC));
}

/** Air-conditioning COP in cooling (condenser 15 K above ambient). */
export function acCop(ambientC: number): number {
  const evap = AC_COIL_C - 5 + ZERO_C_K;
  const cond = ambientC + 15 + ZERO_C_K;
  return Math.min(5, (AC_CARNOT_FRACTION * evap) / Math.max(5, cond - evap));
}

/** What the climate system can do at one ambient temperature: fixed for a whole drive. */
export interface ClimatePlant {
  /** Cabin-to-ambient conductance incl. fresh air, W/K. */
  readonly conductanceWPerK: number;
  readonly heatPumpMaxW: number;
  readonly heatPumpCop: number;
  readonly ptcMaxW: number;
  readonly coolMaxW: number;
  readonly acCop: number;
  /** Latent load of drying the fresh air while cooling, W. */
  readonly latentW: number;
  /** Sun and occupants, W. */
  readonly gainsW: number;
  /** Cooling that full fresh-air ventilation gives for free when the air outside is cooler, W. */
  readonly freeCoolingW: number;
}

export function climatePlant(
  v: VehicleParams,
  ambientC: number,
  opts: { recirculation: number; occupants: number; solarWm2: number; setpointC: number },
): ClimatePlant {
  const freshKgPerS = v.freshAirKgPerS * (1 - opts.recirculation);
  const wAmbient = humidityRatio(ambientC, AMBIENT_RH);
  const wCoil = humidityRatio(AC_COIL_C, 1);
  return {
    conductanceWPerK: v.cabinConductanceWPerK + freshKgPerS * CP_AIR_J_PER_KG_K,
    heatPumpMaxW: heatPumpCapacityW(v, ambientC),
    heatPumpCop: heatPumpCop(v, ambientC),
    ptcMaxW: v.ptcW,
    coolMaxW: v.acCapacityW,
    acCop: acCop(ambientC),
    latentW: Math.max(0, wAmbient - wCoil) * freshKgPerS * LATENT_WATER_J_PER_KG,
    gainsW: opts.occupants * OCCUPANT_SENSIBLE_W + opts.solarWm2 * v.solarGainM2,
    freeCoolingW: Math.max(0, opts.setpointC + COMFORT_BAND_K - ambientC) * MAX_FRESH_AIR_KG_PER_S * CP_AIR_J_PER_KG_K,
  };
}

/**
 * Electric power, W, to deliver `heatW` of heat (> 0) or remove `-heatW` (< 0), capacity permitting.
 * Returns the heat actually delivered through `out.heatW`.
 */
export function climateElectricW(p: ClimatePlant, heatW: number, out: { heatW: number }): number {
  if (heatW >= 0) {
    const fromPump = Math.min(heatW, p.heatPumpMaxW);
    const fromPtc = Math.min(heatW - fromPump, p.ptcMaxW);
    out.heatW = fromPump + fromPtc;
    return fromPump / p.heatPumpCop + fromPtc;
  }
  // Air outside cooler than the setpoint: ventilate before running the compressor.
  const free = Math.min(-heatW, p.freeCoolingW);
  const cool = Math.min(-heatW - free, p.coolMaxW);
  out.heatW = -(free + cool);
  return cool > 0 ? (cool + p.latentW) / p.acCop : 0;
}
