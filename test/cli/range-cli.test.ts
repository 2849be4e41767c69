import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRangeCli } from '../../src/cli/range-cli.ts';

const VEHICLE = 'public/models/vela-s5-long-range/vehicle.json';
const SCENARIO = 'scenarios/harbin-winter-city.json';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runRangeCli(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run range', () => {
  it('prints one JSON object with range, consumption and breakdown', () => {
    const r = run('--vehicle', VEHICLE, '--scenario', SCENARIO, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rangeKm).toBeGreaterThan(100);
    expect(json.wallKwhPer100km).toBeGreaterThan(json.batteryKwhPer100km);
    const sum = Object.values(json.breakdownKwhPer100km as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(json.batteryKwhPer100km, 9);
  });

  it('prints a readable table by default', () => {
    const r = run('--vehicle', VEHICLE, '--scenario', SCENARIO);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/range\s+\d+ km/);
    expect(r.out).toContain('climate');
  });

  it('exits 2 naming the file and field of a bad scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'range-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, id: 'bad', ambientC: -10, drive: { cycle: 'CLTC-P' }, hvac: { mode: 'on' }, payloadKg: 0 }));
    const r = run('--vehicle', VEHICLE, '--scenario', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: hvac.setpointC`);
  });

  it('exits 2 for a missing file, broken JSON or missing arguments', () => {
    expect(run('--vehicle', 'nope.json', '--scenario', SCENARIO)).toMatchObject({ code: 2, err: expect.stringContaining('nope.json') });
    const dir = mkdtempSync(join(tmpdir(), 'range-cli-'));
    writeFileSync(join(dir, 'v.json'), '{ "id": ');
    expect(run('--vehicle', join(dir, 'v.json'), '--scenario', SCENARIO)).toMatchObject({ code: 2, err: expect.stringContaining('not valid JSON') });
    expect(run('--vehicle', VEHICLE).code).toBe(2);
    expect(run('--vehicle', VEHICLE, '--scenario', SCENARIO, '--bogus').code).toBe(2);
  });
});
