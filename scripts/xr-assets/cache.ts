/**
 * A generated asset set (profiles, fonts, one car's USDZ) lives in its own folder under the cache
 * (`.cache/xr-assets/<name>/`, laid out as the URLs it is served at) with a key beside it: the hash
 * of everything it was made from. A build whose inputs did not change reuses the folder; otherwise
 * the set is made in a fresh folder and swapped in, so two builds running at once never see half
 * a set.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface AssetSet {
  name: string;
  /** Folder whose tree is served as is below the app's base URL. */
  dir: string;
  /** Files in `dir`, relative, forward slashes, sorted. */
  files: string[];
  bytes: number;
  /** Time spent making it, or null when the cached set was reused. */
  ms: number | null;
  /** One line for the build log (sizes, atlas, ...). */
  summary: string;
}

/** sha256 of strings and file contents, in order. */
export function hashInputs(parts: readonly (string | { file: string })[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    if (typeof p === 'string') h.update(`s${p.length}:`).update(p);
    else {
      const bytes = readFileSync(p.file);
      h.update(`f${bytes.length}:`).update(bytes);
    }
  }
  return h.digest('hex');
}

export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

function keyFile(cacheRoot: string, name: string): string {
  return join(cacheRoot, `${name}.key`);
}

/**
 * The set `name` made by `make(dir)` from inputs whose hash is `key`: reused from the cache when the
 * key matches, else made anew. `make` returns the summary line; a cached set keeps the one it was
 * made with.
 */
export async function cachedSet(cacheRoot: string, name: string, key: string, make: (dir: string) => Promise<string> | string): Promise<AssetSet> {
  const dir = join(cacheRoot, name);
  const stamp = keyFile(cacheRoot, name);
  if (existsSync(stamp) && existsSync(dir)) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8')) as { key: string; summary: string };
    if (saved.key === key) return describe(name, dir, null, saved.summary);
  }
  const started = performance.now();
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(tmp, { recursive: true });
  let summary: string;
  try {
    summary = await make(tmp);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const old = `${dir}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  const stampTmp = `${stamp}.tmp-${process.pid}`;
  writeFileSync(stampTmp, JSON.stringify({ key, summary }));
  renameSync(stampTmp, stamp);
  return describe(name, dir, performance.now() - started, summary);
}

function describe(name: string, dir: string, ms: number | null, summary: string): AssetSet {
  const files = listTree(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { name, dir, files, bytes, ms, summary };
}

export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MiB`;
}
