import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metaQuest3, metaQuestPro } from 'iwer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedProfileFiles, listFiles } from './helpers.ts';
import { PROFILES_SOURCE, XR_PROFILE_IDS, writeProfiles } from '../../scripts/xr-assets/profiles.ts';

describe('the controller and hand profiles the app serves', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'xr-profiles-'));
    writeProfiles(PROFILES_SOURCE, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('are exactly the files profilesList.json names: each profile.json and the GLBs its layouts point to', () => {
    const { files, ids } = expectedProfileFiles(out);
    expect(listFiles(out)).toEqual(files);
    expect(ids).toEqual([...XR_PROFILE_IDS].sort());
    const bytes = files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
    console.log(`xr profiles: ${ids.length} ids, ${files.length} files, ${(bytes / 1048576).toFixed(2)} MiB`);
  });

  it('include what iwer reports for an emulated Quest 3 and Quest Pro, and the hand model', () => {
    const list = JSON.parse(readFileSync(join(out, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(list)).toContain(metaQuest3.controllerConfig!.profileId);
    expect(Object.keys(list)).toContain(metaQuestPro.controllerConfig!.profileId);
    expect(listFiles(out)).toEqual(expect.arrayContaining(['generic-hand/left.glb', 'generic-hand/right.glb']));
  });

  it('are byte copies of @webxr-input-profiles/assets', () => {
    for (const f of listFiles(out).filter((f) => f !== 'profilesList.json')) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(PROFILES_SOURCE, f))), f).toBe(true);
    }
  });

  it('refuses an id the package does not have, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xr-profiles-bad-'));
    try {
      expect(() => writeProfiles(PROFILES_SOURCE, dir, ['generic-hand', 'pico-sparrow'])).toThrow(/pico-sparrow/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
