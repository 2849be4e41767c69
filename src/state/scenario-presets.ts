import { parseScenario, type Scenario } from '../scenario/index.ts';
import { toFailure } from './failure.ts';
import type { SimFailure } from './sim-protocol.ts';

export interface ScenarioPreset {
  id: string;
  source: string;
  raw: Record<string, unknown>;
  scenario: Scenario;
}

export interface PresetCatalogue {
  presets: ScenarioPreset[];
  /** Files that failed validation (CI should have caught them; the kiosk still says so). */
  failures: SimFailure[];
}

/**
 * Builds the preset list from scenario files: valid ones sorted coldest first (the order a rep
 * walks a customer through: Harbin winter to southern summer), invalid ones reported.
 */
export function buildPresetCatalogue(files: Record<string, unknown>): PresetCatalogue {
  const presets: ScenarioPreset[] = [];
  const failures: SimFailure[] = [];
  for (const [path, raw] of Object.entries(files)) {
    const source = path.replace(/^\//, '');
    try {
      const scenario = parseScenario(raw, source);
      presets.push({ id: scenario.id, source, raw: raw as Record<string, unknown>, scenario });
    } catch (error) {
      failures.push(toFailure(error));
    }
  }
  presets.sort((a, b) => a.scenario.ambientC - b.scenario.ambientC || a.id.localeCompare(b.id));
  return { presets, failures };
}

// Bundled at build time: presets are part of the release, unlike the dealer's vehicle bundles.
const files = import.meta.glob<unknown>('/scenarios/*.json', { eager: true, import: 'default' });

export const presetCatalogue: PresetCatalogue = buildPresetCatalogue(files);
