/**
 * One real `vite build` of the app (the project's vite.config.ts, so the xr-assets plugin runs as
 * in `npm start`), with an extra entry that imports the XR libraries as the XR scene does
 * (fixtures/xr-probe.tsx), into a temporary folder. Then: the XR assets are in the output as the
 * app requests them, and no CDN that the app can reach at run time is named in what it ships.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XR_PROFILE_IDS } from '../../scripts/xr-assets/profiles.ts';
import { XR_FONT_FILES } from '../../src/xr/font.ts';
import { expectedProfileFiles, listFiles } from './helpers.ts';

const ROOT = process.cwd();
const ids = (JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: string[] }).vehicles;

let out: string;
let files: string[];
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'xr-build-'));
  const started = performance.now();
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir: out,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: { input: { index: join(ROOT, 'index.html'), 'xr-probe': join(ROOT, 'test/xr-assets/fixtures/xr-probe.tsx') } },
    },
  });
  files = listFiles(out);
  const bytes = files.reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  console.log(`vite build with the XR probe: ${((performance.now() - started) / 1000).toFixed(1)} s, ${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB`);
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the build output', () => {
  it('serves exactly the profiles profilesList.json names, every profile.json parsing and every asset it names present', () => {
    const dir = join(out, 'xr/profiles');
    const { files: expected, ids: listed } = expectedProfileFiles(dir);
    expect(files.filter((f) => f.startsWith('xr/profiles/')).map((f) => f.slice('xr/profiles/'.length))).toEqual(expected);
    expect(listed).toEqual([...XR_PROFILE_IDS].sort());
    const bytes = expected.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    console.log(`xr/profiles in the build: ${expected.length} files, ${(bytes / 1048576).toFixed(2)} MiB`);
  });

  it('has both font weights, each with its atlas page beside it, and the troika TTF', () => {
    for (const file of [XR_FONT_FILES.normal, XR_FONT_FILES.bold]) {
      const json = JSON.parse(readFileSync(join(out, file), 'utf8')) as { pages: string[] };
      expect(json.pages[0]).toMatch(/^[a-z0-9-]+\.png$/);
      expect(files).toContain(`xr/fonts/${json.pages[0]}`);
    }
    expect(files).toContain(XR_FONT_FILES.troika);
  });

  it('has a model.usdz next to every bundle GLB', () => {
    for (const id of ids) {
      expect(files).toContain(`models/${id}/model.glb`);
      expect(files).toContain(`models/${id}/model.usdz`);
    }
  });
});

/** The hosts of issue 10's list, as they appear in code (any subdomain, any path). */
const CDN = /jsdelivr|unpkg|gstatic|googleapis|githack|cdnjs|esm\.sh|skypack|raw\.githubusercontent/gi;

/**
 * CDN URLs that libraries bundle for paths this app does not take, each with why it is dead. The
 * context pattern must match the code around the hit, so a new use of the same URL elsewhere is
 * not excused.
 */
const DEAD: { id: string; context: RegExp; why: string }[] = [
  {
    id: '@pmndrs/xr default baseAssetPath (controller layouts and hand models)',
    context: /baseAssetPath\?\?`https:\/\/cdn\.jsdelivr\.net\/npm\/@webxr-input-profiles\/assets@1\.0\/dist\/profiles\/`/,
    why: 'a fallback for a store created without baseAssetPath; the app creates its one store with profilesBase() (xr-store-assets.test.ts checks the options)',
  },
];

/** What to do about a CDN host some libraries use, for the failure message. */
const HINTS: [RegExp, string][] = [
  [/unicode-font-resolver|troika/i, 'troika-three-text (drei <Text>) fetches fallback fonts from jsdelivr: pass font={xrTroikaFontUrl()} and configureTextBuilder({ unicodeFontsURL }) to a local path, or draw text with uikit'],
  [/drei-assets|hdri/i, "drei's <Environment preset> / matcaps / normal maps load from githack or jsdelivr: use a bundled environment (StudioLighting's RoomEnvironment) or a local file"],
  [/draco/i, "useGLTF's Draco decoder loads from gstatic: pass a local decoder path, or do not use Draco (the twin GLBs use meshopt)"],
  [/webxr-input-profiles/i, 'an XR controller or hand loader without baseAssetPath: use the app store (xr-store.ts) and its profilesBase()'],
];

interface Hit {
  file: string;
  host: string;
  context: string;
}

function scan(dir: string, list: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const f of list) {
    if (!/\.(js|mjs|html|css|json|webmanifest|svg)$/.test(f)) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(CDN)) {
      hits.push({ file: f, host: m[0], context: text.slice(Math.max(0, m.index - 160), m.index + 120).replace(/\s+/g, ' ') });
    }
  }
  return hits;
}

describe('no CDN in the build', () => {
  it('the built chunks name no CDN host except in the known dead paths, each matched by its context', () => {
    const hits = scan(out, files);
    const unexplained = hits.filter((h) => !DEAD.some((d) => d.context.test(h.context)));
    const message = unexplained
      .map((h) => {
        const hint = HINTS.find(([re]) => re.test(h.context))?.[1] ?? 'find the import that brought it in, then point it at a file the app serves or drop it';
        return `${h.file}: ${h.host} in …${h.context}…\n  ${hint}`;
      })
      .join('\n');
    expect(unexplained, message).toEqual([]);
    const seen = DEAD.map((d) => `${d.id}: ${hits.filter((h) => d.context.test(h.context)).length}`);
    console.log(`CDN strings in the build, all on dead paths:\n  ${seen.join('\n  ')}`);
  });

  it('the known dead paths are really in the build (the XR probe is scanned), so this test can see them', () => {
    const hits = scan(out, files);
    for (const d of DEAD) expect(hits.some((h) => d.context.test(h.context)), d.id).toBe(true);
  });

  it("has no WebXR emulator: pmndrs/xr's lazy emulator chunk (iwer, @iwer/sem's rooms, their CDN fetch) is kept out", () => {
    // scripts/no-xr-emulator.ts answers the lazy import; the store's emulate: false never calls it.
    const emulatorCode = files.filter((f) => /\.js$/.test(f) && /__IS_UMD__|@iwer\/sem|Meta Quest 3/.test(readFileSync(join(out, f), 'utf8')));
    expect(emulatorCode).toEqual([]);
    expect(files.some((f) => /\.js$/.test(f) && readFileSync(join(out, f), 'utf8').includes('this build has no WebXR emulator'))).toBe(true);
  });

  it('the XR fonts and profiles the app requests are same-origin files of the build', () => {
    const list = JSON.parse(readFileSync(join(out, 'xr/profiles/profilesList.json'), 'utf8')) as Record<string, { path: string }>;
    for (const { path } of Object.values(list)) expect(path).not.toMatch(/^[a-z]+:|^\/\//);
    for (const file of [XR_FONT_FILES.normal, XR_FONT_FILES.bold]) {
      const json = JSON.parse(readFileSync(join(out, file), 'utf8')) as { pages: string[] };
      expect(json.pages[0]).not.toMatch(/^[a-z]+:|^\/\//);
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
