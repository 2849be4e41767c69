/** Every scenario file validates; broken ones name their file and field. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/cli/read-spec.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { SpecError } from '../../src/sim/index.ts';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

function specError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error('expected a SpecError');
}

describe('scenario presets', () => {
  it('has at least ten presets, among them Harbin, Beijing and Shanghai winters', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const city of ['harbin', 'beijing', 'shanghai']) expect(files.some((f) => f.startsWith(`${city}-winter`))).toBe(true);
  });

  for (const file of files) {
    it(`${file} is valid and named after its id`, () => {
      const s = parseScenario(readJsonFile(`scenarios/${file}`), `scenarios/${file}`);
      expect(`${s.id}.json`).toBe(file);
      expect(s.name?.['zh-CN']).toBeTruthy();
      expect(s.name?.en).toBeTruthy();
    });
  }
});

describe('scenario parsing', () => {
  const minimal = { schemaVersion: 1, id: 'm', ambientC: -10, drive: { cycle: 'CLTC-P' }, hvac: { mode: 'off' }, payloadKg: 0 };

  it('accepts the minimal shapes external tools write', () => {
    expect(parseScenario(minimal).drive).toEqual({ cycle: 'CLTC-P' });
    expect(parseScenario({ ...minimal, drive: { constantSpeedKmh: 120 }, hvac: { mode: 'on', setpointC: 22 } }).hvac).toEqual({ mode: 'on', setpointC: 22 });
    expect(parseScenario({ ...minimal, drive: { trace: { dtS: 1, speedKmh: [0, 10, 20, 0] } } }).drive).toHaveProperty('trace');
  });

  it.each([
    [{ ...minimal, ambientC: 'cold' }, 'ambientC'],
    [{ ...minimal, drive: { cycle: 'FTP-75' } }, 'drive.cycle'],
    [{ ...minimal, drive: { constantSpeedKmh: -5 } }, 'drive.constantSpeedKmh'],
    [{ ...minimal, drive: { trace: { dtS: 1, speedKmh: [0, 'x'] } } }, 'drive.trace.speedKmh.1'],
    [{ ...minimal, hvac: { mode: 'on' } }, 'hvac.setpointC'],
    [{ ...minimal, hvac: { mode: 'auto' } }, 'hvac.mode'],
    [{ ...minimal, payloadkg: 10 }, 'payloadkg'],
    [{ ...minimal, schemaVersion: 2 }, 'schemaVersion'],
    [{ ...minimal, startSocPct: 50, endSocPct: 60 }, 'endSocPct'],
  ])('names the field of a broken scenario (%#)', (doc, field) => {
    const e = specError(() => parseScenario(doc, 'scenarios/broken.json'));
    expect(e.source).toBe('scenarios/broken.json');
    expect(e.field).toBe(field);
    expect(e.message).toContain(`scenarios/broken.json: ${field}`);
  });

  it('says which shapes a drive may take', () => {
    const e = specError(() => parseScenario({ ...minimal, drive: { speed: 100 } }, 'x.json'));
    expect(e.field).toBe('drive');
    expect(e.detail).toContain('constantSpeedKmh');
  });

  it('reports unreadable and non-JSON files by name', () => {
    expect(specError(() => readJsonFile('scenarios/does-not-exist.json')).message).toContain('does-not-exist.json: (document): file not found');
    expect(specError(() => readJsonFile('package-lock.json/none')).source).toBe('package-lock.json/none');
  });
});
