import { readFileSync } from 'node:fs';
import { parseVehicle, type VehicleSpec } from '../../src/sim/index.ts';

export function lineup(): VehicleSpec[] {
  const { vehicles } = JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: string[] };
  return vehicles.map((id) => parseVehicle(JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')), id));
}
