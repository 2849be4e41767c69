/** Shared by the xr-assets tests: reading a folder of generated files. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

/** Every file under dir, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

interface ProfileJson {
  profileId: string;
  layouts: Record<string, { assetPath?: string }>;
}

/** The files a profiles folder must hold: the list, each listed profile.json, each asset a layout names. */
export function expectedProfileFiles(dir: string): { files: string[]; ids: string[] } {
  const list = JSON.parse(readFileSync(join(dir, 'profilesList.json'), 'utf8')) as Record<string, { path: string }>;
  const files = new Set(['profilesList.json']);
  for (const [id, { path }] of Object.entries(list)) {
    files.add(path);
    const profile = JSON.parse(readFileSync(join(dir, path), 'utf8')) as ProfileJson;
    expect(profile.profileId, path).toBe(id);
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const layout of Object.values(profile.layouts)) if (layout.assetPath) files.add(folder + layout.assetPath);
  }
  return { files: [...files].sort(), ids: Object.keys(list).sort() };
}

