/**
 * Prints the simulator against its published references (the golden tests' cases, with figures):
 * `npx tsx scripts/calibration-report.ts`.
 */
import { CYCLES, simulate } from '../src/sim/index.ts';
import type { HvacSetting, Scenario } from '../src/scenario/index.ts';
import { fastsimCars } from '../test/sim/fastsim-cars.ts';

const base = (o: Partial<Scenario>): Scenario => ({ schemaVersion: 1, id: 'ref', ambientC: 23.9, drive: { cycle: 'UDDS' }, hvac: { mode: 'off' }, payloadKg: 0, dyno: true, ...o });

console.log('FASTSim cars vs EPA label (wall-plug ÷ 0.7, kWh/100 km)');
for (const car of fastsimCars().filter((c) => c.label)) {
  delete car.spec.drivetrain.motorEfficiencyMap;
  const lab = (cycle: 'UDDS' | 'HWFET') => simulate(car.spec, base({ drive: { cycle } })).wallKwhPer100km / 0.7;
  const comb = 0.55 * lab('UDDS') + 0.45 * lab('HWFET');
  console.log(`  ${car.name.padEnd(26)} sim ${comb.toFixed(1)}  label ${car.label!.combined.toFixed(1)}  ${((comb / car.label!.combined - 1) * 100).toFixed(1).padStart(5)} %`);
}

const trace = { dtS: 1, speedKmh: [...CYCLES.UDDS.speedKmh, ...CYCLES.HWFET.speedKmh] };
const aaaCars = fastsimCars().filter((c) => /Bolt|Leaf 30|Model S60/.test(c.name));
for (const c of aaaCars) {
  delete c.spec.drivetrain.motorEfficiencyMap;
  if (c.name.includes('Leaf')) c.spec.hvac = { heatPump: true };
}
console.log('\nAAA 2019 retained range (dyno, UDDS+HWFET), average of Bolt, Leaf 30, Model S60');
const cases: [string, number, HvacSetting, number][] = [
  ['-6.7 °C climate off', -6.7, { mode: 'off' }, 88],
  ['-6.7 °C heater 22.2 °C', -6.7, { mode: 'on', setpointC: 22.2 }, 59],
  ['35 °C climate off', 35, { mode: 'off' }, 96],
  ['35 °C A/C 22.2 °C', 35, { mode: 'on', setpointC: 22.2 }, 83],
];
for (const [name, t, hvac, aaa] of cases) {
  const pct =
    (aaaCars.reduce((acc, c) => acc + simulate(c.spec, base({ ambientC: t, hvac, drive: { trace } })).rangeKm / simulate(c.spec, base({ drive: { trace } })).rangeKm, 0) /
      aaaCars.length) *
    100;
  console.log(`  ${name.padEnd(24)} sim ${pct.toFixed(1)} %  AAA ${aaa} %`);
}
