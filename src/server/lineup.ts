/** The line-up the server hands out: `models/index.json` of the built kiosk, read when a store file is checked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vehicleIdsOf } from '../store/lineup-ids.ts';

/**
 * The vehicle ids of `<staticDir>/models/index.json`, or null when there is none or it cannot be
 * read (the API-only server, a dev checkout without a build): store files' cars are then checked
 * for form only, and the kiosk skips ids it does not have.
 */
export function readLineupIds(staticDir: string): string[] | null {
  try {
    return vehicleIdsOf(JSON.parse(readFileSync(join(staticDir, 'models', 'index.json'), 'utf8')));
  } catch {
    return null;
  }
}
