/**
 * Everything XR needs that the app serves itself, made at build time from installed packages and
 * the app's own files, so that nothing in a session loads from a CDN:
 * - `xr/profiles/`: controller and hand profiles (profiles.ts),
 * - `xr/fonts/`: the in-world Chinese MSDF font (fonts.ts),
 * - `models/<id>/model.usdz`: each car for iOS Quick Look (usdz.ts),
 * - `fonts/`: the screens' Chinese font, subset to the app's text (ui-fonts.ts).
 * Each set is cached under `.cache/xr-assets/` and remade only when its inputs change. The Vite
 * plugin (vite-plugin.ts) runs this on `vite build` and `vite` (dev).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashInputs, listTree, mib, type AssetSet } from './cache.ts';
import { fontSet } from './fonts.ts';
import { profilesSet } from './profiles.ts';
import { uiFontSet } from './ui-fonts.ts';
import { usdzSets } from './usdz.ts';

export interface XrAssetsOptions {
  /** The project root (where package.json is). */
  root: string;
  /** Vite's public folder: `models/index.json` and the bundles are read from it. */
  publicDir: string;
  /** Default `<root>/.cache/xr-assets`. */
  cacheDir?: string;
  log?: (line: string) => void;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The generators' own source: a change to any of them remakes every set. */
export function generatorKey(root: string): string {
  const files = listTree(HERE).map((f) => ({ file: join(HERE, f) }));
  return hashInputs([...listTree(HERE), ...files, { file: join(root, 'src', 'xr', 'font.ts') }]);
}

/** Makes (or reuses) every set and logs one line each and the total. */
export async function buildXrAssets(options: XrAssetsOptions): Promise<AssetSet[]> {
  const cacheRoot = options.cacheDir ?? join(options.root, '.cache', 'xr-assets');
  const log = options.log ?? ((line: string) => console.log(line));
  const key = generatorKey(options.root);
  const started = performance.now();
  const sets: AssetSet[] = [];
  // A set that was made gets its own line; reused ones are only counted in the total.
  const add = (set: AssetSet) => {
    sets.push(set);
    if (set.ms !== null) log(`xr-assets ${set.name}: ${set.summary}; ${mib(set.bytes)}, made in ${(set.ms / 1000).toFixed(2)} s`);
  };
  add(await profilesSet(cacheRoot, key));
  add(await fontSet(cacheRoot, key, options.publicDir));
  for (const set of await usdzSets(cacheRoot, key, options.publicDir)) add(set);
  add(await uiFontSet(cacheRoot, key, options.root, options.publicDir));
  const bytes = sets.reduce((sum, s) => sum + s.bytes, 0);
  const files = sets.reduce((sum, s) => sum + s.files.length, 0);
  const cached = sets.filter((s) => s.ms === null).length;
  log(`xr-assets: ${sets.length} sets (${cached} cached), ${files} files, ${mib(bytes)} in all, ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return sets;
}
