import type { Scenario } from '../../src/scenario/index.ts';

/** A scenario with the minimal fields plus overrides. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return { schemaVersion: 1, id: 'test', ambientC: 23, drive: { cycle: 'WLTC' }, hvac: { mode: 'off' }, payloadKg: 0, ...overrides };
}
