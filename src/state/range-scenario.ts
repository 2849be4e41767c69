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
 * A car that sat out at the preset's temperature (battery or cabin start equal to its ambient,
 * or not given) is assumed to sit out at the new temperature too; a start temperature that
 * differs from ambient (garage, preconditioning) is the preset's deliberate choice and stays.
 */
export function scenarioWithOverrides(
  preset: ScenarioPreset,
  overrides: ScenarioOverrides,
): Record<string, unknown> {
  const raw = preset.raw;
  const out: Record<string, unknown> = { ...raw, ambientC: overrides.ambientC };
  for (const key of ['batteryStartC', 'cabinStartC'] as const) {
    if (raw[key] === raw.ambientC) delete out[key];
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
