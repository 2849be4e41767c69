/** Closed-form cases: the simulation reproduces hand-computed physics where one exists. */
import { describe, expect, it } from 'vitest';
import { airDensityKgM3 } from '../../src/sim/air.ts';
import { resistanceFactor, usableFraction } from '../../src/sim/battery.ts';
import { heatPumpCop } from '../../src/sim/climate.ts';
import { motorLossW } from '../../src/sim/motor.ts';
import { rollingFactor } from '../../src/sim/road-load.ts';
import { resolveVehicle, simulate, simulateParams, type VehicleSpec } from '../../src/sim/index.ts';
import { MINIMAL_VEHICLE, scenario } from './helpers.ts';

const minimal = MINIMAL_VEHICLE;

describe('closed-form cases', () => {
  it('air is denser in the cold: ideal gas at sea level', () => {
    expect(airDensityKgM3(15)).toBeCloseTo(1.225, 3);
    expect(airDensityKgM3(-6.7) / airDensityKgM3(23.9)).toBeCloseTo(297.05 / 266.45, 6);
  });

  it('a steady cruise draws road load through gear and motor losses plus auxiliaries and I²R', () => {
    const speedKmh = 90;
    const r = simulate(minimal, scenario({ ambientC: 23, drive: { constantSpeedKmh: speedKmh }, dyno: true, batteryStartC: 25 }));
    const v = resolveVehicle(minimal);
    const mps = speedKmh / 3.6;
    const roadN = (v.f0N + v.f1NPerKmh * speedKmh) * rollingFactor(23, 'standard') + 0.5 * 1.189 * v.dragAreaM2 * mps * mps;
    const shaftW = (roadN * mps) / v.gearEfficiency;
    const terminalW = shaftW + motorLossW(v, shaftW, mps) + v.auxW;
    // Cell losses at 25 °C: I²R with I = P/V; the pack warms a little over hours, which lowers R.
    const cellsW = terminalW + (terminalW / v.nominalVoltageV) ** 2 * v.resistance25Ohm;
    const expected = (cellsW / mps) * (100_000 / 3.6e6);
    expect(r.batteryKwhPer100km).toBeGreaterThan(expected * 0.995);
    expect(r.batteryKwhPer100km).toBeLessThan(expected * 1.0001);
    expect(r.rangeKm).toBeCloseTo((v.usableWh / 1000 / r.batteryKwhPer100km) * 100, 6);
  });

  it('the minimal vehicle of the issue runs with defaults', () => {
    const r = simulate(minimal, scenario({ drive: { cycle: 'CLTC-P' } }));
    expect(r.rangeKm).toBeGreaterThan(300);
    expect(r.rangeKm).toBeLessThan(600);
  });

  it('aero-and-rolling vehicles give the same road load as equivalent coast-down coefficients', () => {
    const aero: VehicleSpec = { ...minimal, roadLoad: undefined, aero: { dragCoefficient: 0.25, frontalAreaM2: 2.4 }, rollingResistance: 0.008 };
    const coast: VehicleSpec = {
      ...minimal,
      roadLoad: { f0N: 0.008 * 1800 * 9.80665, f1NPerKmh: 0, f2NPerKmh2: (0.5 * 1.189 * 0.25 * 2.4) / 3.6 ** 2 },
    };
    const s = scenario({ drive: { cycle: 'WLTC' } });
    expect(simulate(aero, s).rangeKm).toBeCloseTo(simulate(coast, s).rangeKm, 6);
  });

  it('heat-pump COP falls with ambient temperature within the published spread', () => {
    const v = resolveVehicle({ ...minimal, hvac: { heatPump: true } });
    expect(heatPumpCop(v, -20)).toBeGreaterThan(1.5);
    expect(heatPumpCop(v, -20)).toBeLessThan(2.2);
    expect(heatPumpCop(v, -5)).toBeGreaterThan(heatPumpCop(v, -20));
    expect(heatPumpCop(v, 5)).toBeGreaterThan(heatPumpCop(v, -5));
  });

  it('cold cells have less usable energy and more resistance, LFP more so than NMC', () => {
    expect(usableFraction('NMC', -6.7)).toBeCloseTo(0.967, 2);
    expect(usableFraction('LFP', -20)).toBeLessThan(usableFraction('NMC', -20));
    expect(resistanceFactor('NMC', 25)).toBeCloseTo(1, 9);
    expect(resistanceFactor('LFP', -20)).toBeGreaterThan(resistanceFactor('NMC', -20));
  });

  it('a trip distance stops there, and a trip longer than the battery says so', () => {
    const v = resolveVehicle(minimal);
    const commute = simulateParams(v, scenario({ drive: { cycle: 'CLTC-P' } }), { distanceKm: 30 });
    expect(commute.rangeKm).toBeCloseTo(30, 6);
    expect(commute.stoppedBy).toBe('distance');
    const tooFar = simulateParams(v, scenario({ drive: { constantSpeedKmh: 120 } }), { distanceKm: 2000 });
    expect(tooFar.stoppedBy).toBe('battery');
    expect(tooFar.warnings).toContain('battery-empty-before-distance');
  });

  it('a winter short trip costs more per km than the long run: the cabin warms from cold soak', () => {
    const v = resolveVehicle(minimal);
    const s = scenario({ ambientC: -15, hvac: { mode: 'on', setpointC: 22 }, drive: { cycle: 'CLTC-P' } });
    const shortTrip = simulateParams(v, s, { distanceKm: 5 });
    const full = simulateParams(v, s);
    expect(shortTrip.batteryKwhPer100km).toBeGreaterThan(full.batteryKwhPer100km);
    expect(full.cabin.setpointReachedAfterS).not.toBeNull();
  });

  it('preconditioning on the charger gives back winter range and costs wall energy', () => {
    const s = scenario({ ambientC: -20, hvac: { mode: 'on', setpointC: 22 }, drive: { cycle: 'CLTC-P' } });
    const cold = simulate(minimal, s);
    const warm = simulate(minimal, { ...s, preconditioned: true });
    expect(warm.rangeKm).toBeGreaterThan(cold.rangeKm);
    expect(warm.energy.preconditioningWallKwh).toBeGreaterThan(0);
    expect(warm.battery.startC).toBeGreaterThan(cold.battery.startC);
  });

  it('a heat pump beats a PTC heater in the cold', () => {
    const s = scenario({ ambientC: -10, hvac: { mode: 'on', setpointC: 22 }, drive: { cycle: 'WLTC' } });
    const ptc = simulate(minimal, s);
    const hp = simulate({ ...minimal, hvac: { heatPump: true } }, s);
    expect(hp.rangeKm).toBeGreaterThan(ptc.rangeKm);
    expect(hp.breakdownKwhPer100km.climate).toBeLessThan(ptc.breakdownKwhPer100km.climate);
  });

  it('climbing costs m·g·h and a head wind costs range', () => {
    const flat = simulate(minimal, scenario({ drive: { trace: { dtS: 1, speedKmh: Array(601).fill(60) } } }));
    const hill = simulate(minimal, scenario({ drive: { trace: { dtS: 1, speedKmh: Array(601).fill(60), gradePct: Array(601).fill(2) } } }));
    // 2 % grade: m·g·sinθ per km = 1800·9.80665·0.019996 J/m → kWh/100 km.
    expect(hill.breakdownKwhPer100km.grade).toBeCloseTo((1800 * 9.80665 * (0.02 / Math.sqrt(1.0004)) * 100_000) / 3.6e6, 3);
    expect(hill.rangeKm).toBeLessThan(flat.rangeKm);
    const windy = simulate(minimal, scenario({ drive: { constantSpeedKmh: 100 }, windKmh: 20 }));
    expect(windy.rangeKm).toBeLessThan(simulate(minimal, scenario({ drive: { constantSpeedKmh: 100 } })).rangeKm);
  });
});
