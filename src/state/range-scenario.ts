import type { ScenarioPreset } from './scenario-presets.ts';

export const AMBIENT_MIN_C = -30;
export const AMBIENT_MAX_C = 45;
/** Cabin setpoint when a preset with climate off is switched on. */
export const DEFAULT_SETPOINT_C = 22;

export interface ScenarioOverrides {
  ambientC: number;
  climateOn: boolean;
}

/** The settings a preset starts with. */
export function presetDefaults(preset: ScenarioPreset): ScenarioOverrides {
  return { ambientC: preset.scenario.ambientC, climateOn: preset.scenario.hvac.mode === 'on' };
}

/**
 * The scenario JSON to simulate: the preset with the customer's temperature and climate choice.
 * At the preset's own temperature the preset is used as written. At any other temperature the
 * slider means "the car stood and drives at this temperature": start temperatures the preset
 * set for its own weather (a cabin heated by the Guangzhou sun, a battery at 38 °C) no longer
 * apply, so the car starts soaked at the new ambient. Sun, wind and tyres stay.
 */
export function scenarioWithOverrides(
  preset: ScenarioPreset,
  overrides: ScenarioOverrides,
): Record<string, unknown> {
  const raw = preset.raw;
  const out: Record<string, unknown> = { ...raw, ambientC: overrides.ambientC };
  if (overrides.ambientC !== raw.ambientC) {
    delete out.batteryStartC;
    delete out.cabinStartC;
  }
  const hvac = preset.scenario.hvac;
  if (!overrides.climateOn) {
    out.hvac = { mode: 'off', ...(hvac.seatHeating !== undefined && { seatHeating: hvac.seatHeating }) };
  } else if (hvac.mode === 'off') {
    out.hvac = {
      mode: 'on',
      setpointC: DEFAULT_SETPOINT_C,
      ...(hvac.seatHeating !== undefined && { seatHeating: hvac.seatHeating }),
    };
  }
  return out;
}

/** Temperatures of the range-versus-temperature curve: the slider's span in 5 °C steps. */
export const CURVE_AMBIENT_C: readonly number[] = Array.from(
  { length: (AMBIENT_MAX_C - AMBIENT_MIN_C) / 5 + 1 },
  (_, i) => AMBIENT_MIN_C + 5 * i,
);

/** Ambient temperature of the mild-day reference, °C (CLTC and WLTP test at 23 °C). */
export const MILD_AMBIENT_C = 23;

/**
 * The preset's drive and load on a mild day: 23 °C, climate off, standard tyres, no wind, no
 * preconditioning, car soaked at ambient. Against it the breakdown shows what winter (or
 * summer) adds: cabin heat, battery heating, denser air, winter tyres.
 */
export function mildReference(preset: ScenarioPreset): Record<string, unknown> {
  const out = scenarioWithOverrides(preset, { ambientC: MILD_AMBIENT_C, climateOn: false });
  delete out.batteryStartC;
  delete out.cabinStartC;
  delete out.windKmh;
  delete out.preconditioned;
  delete out.solarWm2;
  out.tyres = 'standard';
  out.hvac = { mode: 'off' };
  return out;
}
