/**
 * Where the 32-byte master key lives. A copy of the data folder must not decrypt the contacts in
 * it, so by default the key is a file in the OS config location of the user running the server
 * (not in DATA_DIR), or LEAD_KEY_FILE, or LEAD_ENCRYPTION_KEY (base64). A key inside DATA_DIR (real
 * paths compared) is refused unless ALLOW_KEY_IN_DATA_DIR=1. Installations from before kept it at
 * DATA_DIR/keys/lead.key: that file is moved out (written, read back, then removed), never lost.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep, win32 } from 'node:path';

/** The variables of config.ts that decide where the key comes from. */
export type KeyConfig = { DATA_DIR: string; LEAD_ENCRYPTION_KEY?: string; LEAD_KEY_FILE?: string; ALLOW_KEY_IN_DATA_DIR: '0' | '1' };
/** The parts of the machine the default location depends on (tests pass their own). */
export type KeySystem = { env: Record<string, string | undefined>; platform: NodeJS.Platform; home: string };
/** The key, the file it came from (null: LEAD_ENCRYPTION_KEY), and a line to print if it was moved. */
export type LoadedKey = { master: Buffer; file: string | null; notice: string | null };

const APP_DIR = 'showroom-twin';
const KEY_NAME = 'lead.key';

/**
 * The OS config location of the key: Linux and other Unixes `$XDG_CONFIG_HOME/showroom-twin/lead.key`
 * (`~/.config` when unset or relative, as the XDG base-directory spec says), macOS
 * `~/Library/Application Support/showroom-twin/lead.key`, Windows `%APPDATA%\showroom-twin\lead.key`.
 */
export function defaultKeyFile(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_DIR, KEY_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_DIR, KEY_NAME);
  const xdg = env.XDG_CONFIG_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_DIR, KEY_NAME);
}

/** Loads (creating or moving it if needed) the master key; throws a message saying what to do. */
export function loadMasterKey(config: KeyConfig, system: KeySystem = { env: process.env, platform: process.platform, home: homedir() }): LoadedKey {
  const dataDir = resolve(config.DATA_DIR);
  const legacy = join(dataDir, 'keys', KEY_NAME);
  const allowed = config.ALLOW_KEY_IN_DATA_DIR === '1';
  const fallback = defaultKeyFile(system.platform, system.env, system.home);

  if (config.LEAD_ENCRYPTION_KEY) {
    if (existsSync(legacy) && !allowed) {
      throw new Error(
        `${legacy}: a key file lies in DATA_DIR while LEAD_ENCRYPTION_KEY is set, so a copy of the data folder would hold a key. ` +
          'Move it out of the data folder (keep it with your key backups) or delete it once you are sure it is backed up; or set ALLOW_KEY_IN_DATA_DIR=1',
      );
    }
    return { master: decodeKey(config.LEAD_ENCRYPTION_KEY, 'LEAD_ENCRYPTION_KEY'), file: null, notice: null };
  }

  const named = config.LEAD_KEY_FILE ? resolve(config.LEAD_KEY_FILE) : undefined;
  // Allowed to sit in DATA_DIR and not told elsewhere: keep using the old file where it is.
  const target = named ?? (allowed && existsSync(legacy) ? legacy : fallback);
  if (!allowed && isInside(target, dataDir)) {
    throw new Error(
      named
        ? `LEAD_KEY_FILE ${target} is inside DATA_DIR ${dataDir}: a copy of the data folder would decrypt every contact. ` +
            `Point LEAD_KEY_FILE outside it (or unset it for ${fallback}), or set ALLOW_KEY_IN_DATA_DIR=1 to accept that`
        : `the default key file ${target} is inside DATA_DIR ${dataDir}: a copy of the data folder would decrypt every contact. ` +
            'Set LEAD_KEY_FILE to a path outside DATA_DIR, or use another DATA_DIR, or set ALLOW_KEY_IN_DATA_DIR=1 to accept that',
    );
  }

  const ownFolder = target === fallback;
  let notice: string | null = null;
  if (target !== legacy && existsSync(legacy) && !allowed) {
    moveKey(legacy, target, ownFolder);
    notice =
      `moved the encryption key from ${legacy} to ${target}: back it up separately from the data (without it the contacts cannot be read); ` +
      'backups of the data folder made before now still hold the key';
  }
  if (!existsSync(target)) writeExclusive(target, `${randomBytes(32).toString('base64')}\n`, ownFolder);
  return { master: decodeKey(readFileSync(target, 'utf8'), target), file: target, notice };
}

/** Moves the legacy key to `target`: writes it, reads it back, only then removes the old file. */
function moveKey(legacy: string, target: string, ownFolder: boolean): void {
  const content = readFileSync(legacy, 'utf8');
  const key = decodeKey(content, legacy);
  try {
    if (!existsSync(target)) writeExclusive(target, content.endsWith('\n') ? content : `${content}\n`, ownFolder);
    // Written just now, by another instance starting at the same time, or by a move that stopped
    // before removing the old file: the same key either way, or two keys and a person must choose.
    if (!decodeKey(readFileSync(target, 'utf8'), target).equals(key)) {
      throw new KeyConflict(
        `${target} holds a different key than ${legacy}. Nothing was changed. If this installation has its own key, set LEAD_KEY_FILE ` +
          `to a new path for it (its key is then moved there); otherwise find out which key its data was written with before deleting either`,
      );
    }
    unlinkSync(legacy);
  } catch (error) {
    if (error instanceof KeyConflict) throw error;
    throw new Error(`could not move the encryption key from ${legacy} to ${target} (${(error as Error).message}); the key is still at ${legacy}. Fix that, or set LEAD_KEY_FILE to a writable path outside DATA_DIR, and start again`);
  }
  try {
    rmdirSync(dirname(legacy)); // the old keys/ folder, if nothing else is in it
  } catch {
    // not empty or already gone: leave it
  }
}

class KeyConflict extends Error {}

/**
 * Creates `file` with `content` (mode 0600) only if it does not exist, atomically: a temporary file
 * is written and synced, then hard-linked into place, so another process never reads it half-written.
 * Missing folders are made with mode 0700; `ownFolder` (our folder in the OS config location) is set
 * to 0700 even if it existed.
 */
function writeExclusive(file: string, content: string, ownFolder: boolean): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ownFolder && process.platform !== 'win32') chmodSync(dir, 0o700);
  const tmp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // made by another process first: use theirs
  } finally {
    rmSync(tmp, { force: true });
  }
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open folders; the file itself is synced
  }
}

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${source}: the key must be base64 of 32 bytes (e.g. openssl rand -base64 32)`);
  return key;
}

/** Whether `path` (which may not exist yet) is inside `dir`, comparing real paths (symbolic links resolved). */
function isInside(path: string, dir: string): boolean {
  const caseless = process.platform === 'win32' || process.platform === 'darwin';
  const fold = (p: string) => (caseless ? p.toLowerCase() : p);
  const rel = relative(fold(realpathLoose(dir)), fold(realpathLoose(path)));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** realpath of the deepest existing ancestor, with the rest of the path appended. */
function realpathLoose(path: string): string {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(path);
      rest.push(basename(at));
      at = parent;
    }
  }
}
