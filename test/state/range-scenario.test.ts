import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { mildReference, presetDefaults, scenarioWithOverrides } from '../../src/state/range-scenario.ts';
import type { ScenarioPreset } from '../../src/state/scenario-presets.ts';

function preset(raw: Record<string, unknown>): ScenarioPreset {
  return { id: raw.id as string, source: `scenarios/${raw.id}.json`, raw, scenario: parseScenario(raw) };
}

const harbin = preset({
  schemaVersion: 1, id: 'harbin', ambientC: -20, drive: { cycle: 'CLTC-P' },
  hvac: { mode: 'on', setpointC: 22, seatHeating: true }, payloadKg: 75, batteryStartC: -20,
});
const garage = preset({
  schemaVersion: 1, id: 'garage', ambientC: -20, drive: { cycle: 'CLTC-P' },
  hvac: { mode: 'off' }, payloadKg: 0, batteryStartC: 5, cabinStartC: 5,
});

describe('scenarioWithOverrides', () => {
  it('gives the preset as written at its own temperature', () => {
    const out = scenarioWithOverrides(garage, presetDefaults(garage));
    expect(parseScenario(out)).toEqual(garage.scenario);
  });

  it('starts the car soaked at a new ambient temperature, dropping the preset start temperatures', () => {
    const out = parseScenario(scenarioWithOverrides(garage, { ambientC: 10, climateOn: false }));
    expect(out.ambientC).toBe(10);
    expect(out.batteryStartC).toBeUndefined();
    expect(out.cabinStartC).toBeUndefined();
  });

  it('keeps the rest of the preset (tyres, payload, drive) at a new temperature', () => {
    const out = parseScenario(scenarioWithOverrides(harbin, { ambientC: 10, climateOn: true }));
    expect(out).toMatchObject({ payloadKg: 75, drive: { cycle: 'CLTC-P' }, hvac: { mode: 'on', setpointC: 22 } });
  });

  it('switches climate off, keeping seat heating', () => {
    const out = parseScenario(scenarioWithOverrides(harbin, { ambientC: -20, climateOn: false }));
    expect(out.hvac).toEqual({ mode: 'off', seatHeating: true });
  });

  it('switches climate on at 22 °C for a preset that had it off', () => {
    const out = parseScenario(scenarioWithOverrides(garage, { ambientC: -20, climateOn: true }));
    expect(out.hvac).toEqual({ mode: 'on', setpointC: 22 });
  });
});

describe('mildReference', () => {
  it('keeps the drive and load but takes away the weather: 23 °C, climate off, standard tyres, no wind', () => {
    const winter = preset({
      schemaVersion: 1, id: 'w', ambientC: -20, drive: { constantSpeedKmh: 100 }, payloadKg: 150,
      hvac: { mode: 'on', setpointC: 22 }, tyres: 'winter', windKmh: 10, preconditioned: true, batteryStartC: 5,
    });
    expect(parseScenario(mildReference(winter))).toEqual(
      parseScenario({
        schemaVersion: 1, id: 'w', ambientC: 23, drive: { constantSpeedKmh: 100 }, payloadKg: 150,
        hvac: { mode: 'off' }, tyres: 'standard',
      }),
    );
  });
});
