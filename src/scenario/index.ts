/** Scenario files: schema and parsing at the edge. */
import { parseWith } from '../sim/spec-error.ts';
import { ScenarioSchema, type Scenario } from './scenario-schema.ts';

export { ScenarioSchema, CYCLE_NAMES, type Scenario, type Drive, type HvacSetting, type CycleName } from './scenario-schema.ts';

/** Validates a scenario document; throws a SpecError naming `source` and the field. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  return parseWith(ScenarioSchema, json, source);
}
