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

describe('drive, cabin and load overrides', () => {
  const family = preset({
    schemaVersion: 1, id: 'family', ambientC: 26, drive: { constantSpeedKmh: 110 },
    hvac: { mode: 'on', setpointC: 24, recirculation: 0.5 }, payloadKg: 400, occupants: 5,
  });

  it('reads people and luggage back from a preset: each person beyond the driver is 75 kg', () => {
    expect(presetDefaults(family)).toMatchObject({
      people: 5, luggageKg: 100, setpointC: 24, seatHeating: false, preconditioned: false,
      drive: { constantSpeedKmh: 110 },
    });
    // A preset with no occupants field carries one person (the driver) and its payload as luggage.
    expect(presetDefaults(harbin)).toMatchObject({ people: 1, luggageKg: 75, seatHeating: true });
  });

  it('gives the preset as written when the defaults are applied unchanged', () => {
    expect(parseScenario(scenarioWithOverrides(family, presetDefaults(family)))).toEqual(family.scenario);
    expect(parseScenario(scenarioWithOverrides(harbin, presetDefaults(harbin)))).toEqual(
      harbin.scenario,
    );
  });

  it('turns passengers into occupants and payload, plus the luggage', () => {
    const out = parseScenario(scenarioWithOverrides(harbin, { ...presetDefaults(harbin), people: 4, luggageKg: 50 }));
    expect(out.occupants).toBe(4);
    expect(out.payloadKg).toBe(3 * 75 + 50);
  });

  it('sets drive, setpoint, seat heating and preconditioning, keeping the rest of the hvac', () => {
    const out = parseScenario(
      scenarioWithOverrides(family, {
        ...presetDefaults(family), drive: { cycle: 'CLTC-P' }, setpointC: 20, seatHeating: true, preconditioned: true,
      }),
    );
    expect(out.drive).toEqual({ cycle: 'CLTC-P' });
    expect(out.hvac).toEqual({ mode: 'on', setpointC: 20, seatHeating: true, recirculation: 0.5 });
    expect(out.preconditioned).toBe(true);
    const off = parseScenario(scenarioWithOverrides(harbin, { ...presetDefaults(harbin), seatHeating: false }));
    expect(off.hvac).toEqual({ mode: 'on', setpointC: 22, seatHeating: false });
  });

  it('switches climate on at the chosen setpoint for a preset that had it off', () => {
    const out = parseScenario(scenarioWithOverrides(garage, { ...presetDefaults(garage), climateOn: true, setpointC: 19 }));
    expect(out.hvac).toEqual({ mode: 'on', setpointC: 19 });
  });

  it('keeps a preset cycle the screen does not offer until a drive is picked', () => {
    const us06 = preset({ schemaVersion: 1, id: 'us06', ambientC: 23, drive: { cycle: 'US06' }, hvac: { mode: 'off' }, payloadKg: 0 });
    expect(presetDefaults(us06).drive).toEqual({ cycle: 'US06' });
  });

  it('gives the mild reference the customer’s drive and load, not the preset’s', () => {
    const ref = parseScenario(mildReference(family, { drive: { constantSpeedKmh: 90 }, people: 2, luggageKg: 0 }));
    expect(ref).toMatchObject({ ambientC: 23, drive: { constantSpeedKmh: 90 }, occupants: 2, payloadKg: 75, hvac: { mode: 'off' } });
  });
});
