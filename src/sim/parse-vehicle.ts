import { parseWith } from './spec-error.ts';
import { VehicleSchema, type VehicleSpec } from './vehicle-schema.ts';

/** Validates a vehicle document; throws a SpecError naming `source` and the field. */
export function parseVehicle(json: unknown, source = 'vehicle'): VehicleSpec {
  return parseWith(VehicleSchema, json, source);
}
