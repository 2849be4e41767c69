/** The shipped line-up and the vehicle format's minimal shapes. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/cli/read-spec.ts';
import { parseVehicle, simulate, SpecError } from '../../src/sim/index.ts';
import { scenario } from './helpers.ts';

const dirs = readdirSync('public/models', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const index = readJsonFile('public/models/index.json') as { vehicles: string[] };

describe('the Vela line-up', () => {
  it('index.json lists every bundle', () => expect([...index.vehicles].sort()).toEqual([...dirs].sort()));

  const lineup = dirs.map((d) => parseVehicle(readJsonFile(`public/models/${d}/vehicle.json`), d));
  it('has a sedan and a seven-seat SUV in two or three trims each, LFP and NMC, heat pump and PTC', () => {
    const bodies = new Map<string, number>();
    for (const v of lineup) bodies.set(v.bodyStyle!, (bodies.get(v.bodyStyle!) ?? 0) + 1);
    expect(bodies.get('sedan')).toBeGreaterThanOrEqual(2);
    expect(bodies.get('suv')).toBeGreaterThanOrEqual(2);
    expect(lineup.some((v) => v.seats === 7)).toBe(true);
    expect(new Set(lineup.map((v) => v.battery.chemistry))).toEqual(new Set(['LFP', 'NMC']));
    expect(new Set(lineup.map((v) => v.hvac.heatPump))).toEqual(new Set([true, false]));
  });

  for (const v of lineup) {
    it(`${v.id}: simulated CLTC range within 5 % of its rated CLTC range`, () => {
      const r = simulate(v, scenario({ drive: { cycle: 'CLTC-P' }, dyno: true }));
      expect(Math.abs(r.rangeKm / v.rated!.cltcKm! - 1)).toBeLessThan(0.05);
    });
  }
});

describe('vehicle parsing', () => {
  const minimal = {
    id: 'tool-car',
    name: { 'zh-CN': '工具车', en: 'Tool car' },
    testMassKg: 1900,
    roadLoad: { f0N: 130, f1NPerKmh: 0.4, f2NPerKmh2: 0.022 },
    battery: { chemistry: 'NMC', usableKwh: 70 },
    drivetrain: { motorPeakKw: 200 },
    hvac: { heatPump: false },
  };

  it('accepts the minimal vehicle external tools write', () => {
    expect(simulate(parseVehicle(minimal), scenario()).rangeKm).toBeGreaterThan(0);
  });

  it('accepts aero with rolling resistance and curb mass instead', () => {
    const { roadLoad: _, testMassKg: __, ...rest } = minimal;
    const v = parseVehicle({ ...rest, curbMassKg: 1800, aero: { dragCoefficient: 0.24, frontalAreaM2: 2.3 }, rollingResistance: 0.008 });
    expect(simulate(v, scenario()).rangeKm).toBeGreaterThan(0);
  });

  it.each([
    [{ ...minimal, battery: { chemistry: 'LMO', usableKwh: 70 } }, 'battery.chemistry'],
    [{ ...minimal, battery: { chemistry: 'NMC', usableKwh: -1 } }, 'battery.usableKwh'],
    [{ ...minimal, testMassKg: undefined }, 'testMassKg'],
    [{ ...minimal, roadLoad: undefined }, 'roadLoad'],
    [{ ...minimal, drivetrain: {} }, 'drivetrain.motorPeakKw'],
    [{ ...minimal, hvac: { heatpump: true } }, 'hvac.heatPump'],
    [{ ...minimal, drivetrain: { motorPeakKw: 200, motorEfficiencyMap: { powerFraction: [0, 1], efficiency: [0.9] } } }, 'drivetrain.motorEfficiencyMap.efficiency'],
    [{ ...minimal, drivetrain: { motorPeakKw: 200, motorEfficiencyMap: { powerFraction: [0, 0.5, 1], efficiency: [0.9, 0.95] } } }, 'drivetrain.motorEfficiencyMap'],
  ])('names the field of a broken vehicle (%#)', (doc, field) => {
    try {
      parseVehicle(doc, 'models/x/vehicle.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).field).toBe(field);
      expect((e as SpecError).message.startsWith('models/x/vehicle.json: ')).toBe(true);
    }
  });
});
