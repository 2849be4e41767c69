import { describe, expect, it } from 'vitest';
import { buildPresetCatalogue, presetCatalogue } from '../../src/state/scenario-presets.ts';

describe('scenario presets', () => {
  it('bundles every file in scenarios/ and all of them are valid', () => {
    expect(presetCatalogue.failures).toEqual([]);
    expect(presetCatalogue.presets.length).toBeGreaterThanOrEqual(10);
  });

  it('sorts coldest first', () => {
    const temps = presetCatalogue.presets.map((p) => p.scenario.ambientC);
    expect(temps).toEqual([...temps].sort((a, b) => a - b));
  });

  it('reports a broken file by name and field instead of dropping it silently', () => {
    const { presets, failures } = buildPresetCatalogue({
      '/scenarios/bad.json': { schemaVersion: 1, id: 'bad', ambientC: 99, drive: { cycle: 'CLTC-P' }, hvac: { mode: 'off' }, payloadKg: 0 },
    });
    expect(presets).toEqual([]);
    expect(failures).toEqual([{ kind: 'spec', source: 'scenarios/bad.json', field: 'ambientC', detail: expect.any(String) }]);
  });
});
