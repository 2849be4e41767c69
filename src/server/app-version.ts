/**
 * The app's version as the kiosk and the lead server report it: package.json's version and, in a
 * git checkout, the short commit (`0.1.0+8188c7a`), so a rep can tell a kiosk that has not updated
 * from its server. Read once, at build time for the kiosk (vite.config.ts) and at start for the
 * server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this file is in (paths, not URL objects: a happy-dom test replaces the URL class). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: string | undefined;

export function appVersion(): string {
  cached ??= readVersion();
  return cached;
}

function readVersion(): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
    return /^[0-9a-f]{4,40}$/.test(commit) ? `${version}+${commit}` : version;
  } catch {
    return version; // not a git checkout (an unpacked release)
  }
}
