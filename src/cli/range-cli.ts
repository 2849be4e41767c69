/**
 * `npm run range -- --vehicle FILE --scenario FILE [--json] [--distance KM]`
 * Prints a readable table, or one JSON object with --json. Bad input exits 2 naming file and field.
 */
import { parseArgs } from 'node:util';
import { parseScenario } from '../scenario/index.ts';
import { parseVehicle, simulate, SpecError, type SimResult } from '../sim/index.ts';
import { readJsonFile } from './read-spec.ts';

const USAGE = 'usage: npm run range -- --vehicle FILE --scenario FILE [--json] [--distance KM]';

export function runRangeCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        vehicle: { type: 'string' },
        scenario: { type: 'string' },
        json: { type: 'boolean', default: false },
        distance: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  if (!args.vehicle || !args.scenario) {
    err(`missing ${!args.vehicle ? '--vehicle' : '--scenario'}\n${USAGE}`);
    return 2;
  }
  const distanceKm = args.distance === undefined ? undefined : Number(args.distance);
  if (distanceKm !== undefined && !(distanceKm > 0 && distanceKm < 100_000)) {
    err(`--distance must be a positive number of km, got "${args.distance}"`);
    return 2;
  }
  try {
    const vehicle = parseVehicle(readJsonFile(args.vehicle), args.vehicle);
    const scenario = parseScenario(readJsonFile(args.scenario), args.scenario);
    const result = simulate(vehicle, scenario, distanceKm === undefined ? {} : { distanceKm });
    out(args.json ? JSON.stringify({ vehicle: vehicle.id, scenario: scenario.id, ...result }) : table(vehicle.name.en, scenario.id, result));
    return 0;
  } catch (e) {
    if (e instanceof SpecError) {
      err(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof RangeError) {
      err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

function table(vehicle: string, scenario: string, r: SimResult): string {
  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  const rows = [
    `${vehicle} — ${scenario}`,
    '',
    `range                  ${f(r.rangeKm, 0)} km   (${r.stoppedBy === 'battery' ? 'battery spent' : 'distance reached'})`,
    `battery consumption    ${f(r.batteryKwhPer100km)} kWh/100 km`,
    `wall-plug consumption  ${f(r.wallKwhPer100km)} kWh/100 km`,
    `driving time           ${f(r.durationH)} h at ${r.averageSpeedKmh.toFixed(0)} km/h`,
    `cell temperature       ${f(r.battery.startC)} → ${r.battery.endC.toFixed(1)} °C`,
    '',
    'where the energy goes (kWh/100 km)',
    ...Object.entries(r.breakdownKwhPer100km).map(([k, x]) => `  ${k.padEnd(20)} ${f(x, 2)}`),
    `  ${'total'.padEnd(20)} ${f(r.batteryKwhPer100km, 2)}`,
  ];
  if (r.warnings.length) rows.push('', `warnings: ${r.warnings.join(', ')}`);
  return rows.join('\n');
}
