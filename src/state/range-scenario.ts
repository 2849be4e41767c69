import type { CycleName } from '../scenario/scenario-schema.ts';
import type { ScenarioPreset } from './scenario-presets.ts';

export const AMBIENT_MIN_C = -30;
export const AMBIENT_MAX_C = 45;
/** Cabin setpoint when a preset with climate off is switched on. */
export const DEFAULT_SETPOINT_C = 22;

/** Mass of one person aboard, kg (the test mass already carries the driver). */
export const PERSON_KG = 75;
export const PEOPLE_MIN = 1;
export const PEOPLE_MAX = 7;
export const LUGGAGE_MAX_KG = 300;
export const SPEED_MIN_KMH = 30;
export const SPEED_MAX_KMH = 150;
export const SETPOINT_MIN_C = 16;
export const SETPOINT_MAX_C = 28;

/**
 * The drive: a cycle or a steady speed. The screen offers CLTC-P, WLTC and speeds; a preset may
 * bring another cycle (US06), kept until the customer picks a drive; undefined: the preset's own trace.
 */
export type DriveChoice = { cycle: CycleName } | { constantSpeedKmh: number };

/**
 * The customer's choices on top of a preset. Temperature and climate are always set; the rest
 * are optional so callers that only move the temperature keep the preset's drive and load.
 */
export interface ScenarioOverrides {
  ambientC: number;
  climateOn: boolean;
  drive?: DriveChoice;
  /** Cabin setpoint with climate on, °C. */
  setpointC?: number;
  seatHeating?: boolean;
  /** People aboard, the driver included (1..7). */
  people?: number;
  luggageKg?: number;
  preconditioned?: boolean;
}

/** The settings a preset starts with; luggage is what its payload carries beyond its people. */
export function presetDefaults(preset: ScenarioPreset): Required<Omit<ScenarioOverrides, 'drive'>> & { drive: DriveChoice | undefined } {
  const s = preset.scenario;
  const people = Math.min(PEOPLE_MAX, Math.max(PEOPLE_MIN, s.occupants ?? 1));
  const drive: DriveChoice | undefined =
    'constantSpeedKmh' in s.drive
      ? { constantSpeedKmh: s.drive.constantSpeedKmh }
      : 'cycle' in s.drive
        ? { cycle: s.drive.cycle }
        : undefined;
  return {
    ambientC: s.ambientC,
    climateOn: s.hvac.mode === 'on',
    drive,
    setpointC: s.hvac.mode === 'on' ? s.hvac.setpointC : DEFAULT_SETPOINT_C,
    seatHeating: s.hvac.seatHeating ?? false,
    people,
    luggageKg: Math.max(0, s.payloadKg - (people - 1) * PERSON_KG),
    preconditioned: s.preconditioned ?? false,
  };
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
  const seatHeating = overrides.seatHeating ?? hvac.seatHeating;
  // Written only when on or when the preset wrote it, so an untouched preset stays as written.
  const seat = (seatHeating || hvac.seatHeating !== undefined) && { seatHeating: Boolean(seatHeating) };
  if (!overrides.climateOn) {
    out.hvac = { mode: 'off', ...seat };
  } else if (hvac.mode === 'off') {
    out.hvac = { mode: 'on', setpointC: overrides.setpointC ?? DEFAULT_SETPOINT_C, ...seat };
  } else {
    out.hvac = { ...(raw.hvac as Record<string, unknown>), setpointC: overrides.setpointC ?? hvac.setpointC, ...seat };
  }
  if (overrides.drive) out.drive = { ...overrides.drive };
  if (overrides.people !== undefined || overrides.luggageKg !== undefined) {
    const d = presetDefaults(preset);
    const people = overrides.people ?? d.people;
    if (people !== (preset.scenario.occupants ?? 1) || preset.scenario.occupants !== undefined) out.occupants = people;
    out.payloadKg = (people - 1) * PERSON_KG + (overrides.luggageKg ?? d.luggageKg);
  }
  if (overrides.preconditioned !== undefined) {
    if (overrides.preconditioned) out.preconditioned = true;
    else delete out.preconditioned;
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
export function mildReference(
  preset: ScenarioPreset,
  overrides?: Pick<ScenarioOverrides, 'drive' | 'people' | 'luggageKg'>,
): Record<string, unknown> {
  const out = scenarioWithOverrides(preset, { ...overrides, ambientC: MILD_AMBIENT_C, climateOn: false });
  delete out.batteryStartC;
  delete out.cabinStartC;
  delete out.windKmh;
  delete out.preconditioned;
  delete out.solarWm2;
  out.tyres = 'standard';
  out.hvac = { mode: 'off' };
  return out;
}
