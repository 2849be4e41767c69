/**
 * The controller and hand profiles the app serves at `/xr/profiles/` (the XR store's
 * `baseAssetPath`), copied at build time from @webxr-input-profiles/assets. pmndrs/xr creates a
 * controller's input state only once its profile.json has loaded, so a headset whose profile is
 * missing gets no ray, no select and no teleport: every id here must ship whole. An id the
 * headset reports that is not listed falls back to the store's default profile
 * (`generic-trigger-squeeze-thumbstick`).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedSet, hashInputs, type AssetSet } from './cache.ts';

/**
 * What ships: the hand model, both generic fallbacks (iwer's emulated hands list `generic-trigger`,
 * the store's default is `generic-trigger-squeeze-thumbstick`), Quest 3 / 3S (`meta-quest-touch-plus`,
 * also what iwer's metaQuest3 reports), Quest Pro, PICO 4 and PICO 4 Ultra.
 */
export const XR_PROFILE_IDS = [
  'generic-hand',
  'generic-trigger',
  'generic-trigger-squeeze-thumbstick',
  'meta-quest-touch-plus',
  'meta-quest-touch-pro',
  'pico-4',
  'pico-4u',
] as const;

const require = createRequire(import.meta.url);

/** `dist/profiles` of the installed @webxr-input-profiles/assets. */
export const PROFILES_SOURCE = join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');

/** The installed package's version, part of the cache key. */
export function profilesPackageVersion(): string {
  return (JSON.parse(readFileSync(join(PROFILES_SOURCE, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

interface ProfileListEntry {
  path: string;
  deprecated?: boolean;
}

interface Profile {
  profileId: string;
  layouts: Record<string, { assetPath?: string } | undefined>;
}

/**
 * Copies the profiles `ids` (profile.json and every asset its layouts name, nothing else) from
 * `sourceDir` into `outDir` and writes a profilesList.json that lists exactly those. Returns the
 * files written, relative to `outDir`. Throws naming an id the package lacks or a file it misses.
 */
export function writeProfiles(sourceDir: string, outDir: string, ids: readonly string[] = XR_PROFILE_IDS): string[] {
  const list = JSON.parse(readFileSync(join(sourceDir, 'profilesList.json'), 'utf8')) as Record<string, ProfileListEntry>;
  const trimmed: Record<string, ProfileListEntry> = {};
  const files: string[] = [];
  for (const id of ids) {
    const entry = list[id];
    if (!entry) throw new Error(`xr profiles: "${id}" is not in ${join(sourceDir, 'profilesList.json')}`);
    const profilePath = entry.path;
    const folder = profilePath.slice(0, profilePath.lastIndexOf('/') + 1);
    const profile = JSON.parse(readFileSync(join(sourceDir, profilePath), 'utf8')) as Profile;
    if (profile.profileId !== id) throw new Error(`xr profiles: ${profilePath} is profile "${profile.profileId}", not "${id}"`);
    const wanted = [profilePath];
    for (const layout of Object.values(profile.layouts)) if (layout?.assetPath) wanted.push(folder + layout.assetPath);
    for (const rel of new Set(wanted)) {
      const from = join(sourceDir, rel);
      if (!existsSync(from)) throw new Error(`xr profiles: ${id} names ${rel}, which the package lacks`);
      mkdirSync(dirname(join(outDir, rel)), { recursive: true });
      copyFileSync(from, join(outDir, rel));
      files.push(rel);
    }
    trimmed[id] = entry;
  }
  writeFileSync(join(outDir, 'profilesList.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
  files.push('profilesList.json');
  return files.sort();
}

/** The profiles set for the cache: `xr/profiles/…`. */
export async function profilesSet(cacheRoot: string, generatorKey: string): Promise<AssetSet> {
  const key = hashInputs([generatorKey, profilesPackageVersion(), ...XR_PROFILE_IDS]);
  return cachedSet(cacheRoot, 'profiles', key, (dir) => {
    const out = join(dir, 'xr', 'profiles');
    const files = writeProfiles(PROFILES_SOURCE, out);
    return `${XR_PROFILE_IDS.length} profiles, ${files.length} files (@webxr-input-profiles/assets ${profilesPackageVersion()})`;
  });
}
