/** Where the master key lives: outside DATA_DIR by default, never beside the data unless allowed. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKeyFile, loadMasterKey, type KeyConfig } from '../../src/server/key-file.ts';

describe('defaultKeyFile', () => {
  it('is the OS config location: XDG on Linux, Application Support on macOS, APPDATA on Windows', () => {
    expect(defaultKeyFile('linux', { XDG_CONFIG_HOME: '/srv/cfg' }, '/home/li')).toBe('/srv/cfg/showroom-twin/lead.key');
    expect(defaultKeyFile('linux', {}, '/home/li')).toBe('/home/li/.config/showroom-twin/lead.key');
    expect(defaultKeyFile('linux', { XDG_CONFIG_HOME: 'relative/cfg' }, '/home/li')).toBe('/home/li/.config/showroom-twin/lead.key'); // the XDG spec ignores relative paths
    expect(defaultKeyFile('freebsd', {}, '/home/li')).toBe('/home/li/.config/showroom-twin/lead.key');
    expect(defaultKeyFile('darwin', { XDG_CONFIG_HOME: '/srv/cfg' }, '/Users/li')).toBe('/Users/li/Library/Application Support/showroom-twin/lead.key');
    expect(defaultKeyFile('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\showroom-twin\\lead.key');
    expect(defaultKeyFile('win32', {}, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\showroom-twin\\lead.key');
  });
});

describe('loadMasterKey', () => {
  let root: string;
  let dataDir: string;
  let configHome: string;
  let defaultFile: string;
  let legacyFile: string;
  const load = (extra: Partial<KeyConfig> = {}) =>
    loadMasterKey({ DATA_DIR: dataDir, ALLOW_KEY_IN_DATA_DIR: '0', ...extra }, { env: { XDG_CONFIG_HOME: configHome }, platform: 'linux', home: join(root, 'home') });
  const aKey = () => randomBytes(32);
  const writeLegacy = (key: Buffer) => {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(legacyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  };
  const mode = (path: string) => statSync(path).mode & 0o777;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'key-file-'));
    dataDir = join(root, 'data');
    mkdirSync(dataDir);
    configHome = join(root, 'config');
    defaultFile = join(configHome, 'showroom-twin', 'lead.key');
    legacyFile = join(dataDir, 'keys', 'lead.key');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the key at the default location (file 0600, folder 0700), not in DATA_DIR, and loads the same key again', () => {
    const first = load();
    expect(first.file).toBe(defaultFile);
    expect(first.notice).toBeNull();
    expect(first.master).toHaveLength(32);
    expect(mode(defaultFile)).toBe(0o600);
    expect(mode(join(configHome, 'showroom-twin'))).toBe(0o700);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false);
    expect(load().master.equals(first.master)).toBe(true);
  });

  it('uses LEAD_KEY_FILE, creating it (and its folder) when missing', () => {
    const file = join(root, 'secrets', 'store-7.key');
    const { master, file: used } = load({ LEAD_KEY_FILE: file });
    expect(used).toBe(file);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(master)).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(root, 'secrets'))).toBe(0o700);
    expect(existsSync(defaultFile)).toBe(false);
  });

  it('uses LEAD_ENCRYPTION_KEY and writes no file anywhere', () => {
    const key = aKey();
    const loaded = load({ LEAD_ENCRYPTION_KEY: key.toString('base64') });
    expect(loaded.master.equals(key)).toBe(true);
    expect(loaded.file).toBeNull();
    expect(existsSync(configHome)).toBe(false);
  });

  it('refuses a LEAD_KEY_FILE inside DATA_DIR, also through symbolic links, with what to do; ALLOW_KEY_IN_DATA_DIR=1 permits it', () => {
    expect(() => load({ LEAD_KEY_FILE: join(dataDir, 'lead.key') })).toThrow(/LEAD_KEY_FILE .*inside DATA_DIR.*ALLOW_KEY_IN_DATA_DIR=1/s);
    expect(existsSync(join(dataDir, 'lead.key'))).toBe(false);
    symlinkSync(dataDir, join(root, 'innocent'));
    expect(() => load({ LEAD_KEY_FILE: join(root, 'innocent', 'sub', 'lead.key') })).toThrow(/inside DATA_DIR/);
    // DATA_DIR itself a link to the folder that holds the key file.
    const real = join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, join(root, 'data-link'));
    expect(() => loadMasterKey({ DATA_DIR: join(root, 'data-link'), ALLOW_KEY_IN_DATA_DIR: '0', LEAD_KEY_FILE: join(real, 'lead.key') }, { env: {}, platform: 'linux', home: root })).toThrow(/inside DATA_DIR/);
    expect(load({ LEAD_KEY_FILE: join(dataDir, 'lead.key'), ALLOW_KEY_IN_DATA_DIR: '1' }).file).toBe(join(dataDir, 'lead.key'));
  });

  it('refuses a default location inside DATA_DIR', () => {
    expect(() => loadMasterKey({ DATA_DIR: configHome, ALLOW_KEY_IN_DATA_DIR: '0' }, { env: { XDG_CONFIG_HOME: configHome }, platform: 'linux', home: root })).toThrow(
      /inside DATA_DIR.*LEAD_KEY_FILE/s,
    );
  });

  it('moves an existing installation’s DATA_DIR/keys/lead.key to the default location and says so once', () => {
    const key = aKey();
    writeLegacy(key);
    const moved = load();
    expect(moved.master.equals(key)).toBe(true);
    expect(moved.file).toBe(defaultFile);
    expect(existsSync(legacyFile)).toBe(false);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false); // the emptied folder goes too
    expect(mode(defaultFile)).toBe(0o600);
    expect(moved.notice).toContain(legacyFile);
    expect(moved.notice).toContain(defaultFile);
    expect(moved.notice).toMatch(/backups of the data folder.*still hold the key/);
    expect(moved.notice).not.toContain('\n');
    const again = load();
    expect(again.master.equals(key)).toBe(true);
    expect(again.notice).toBeNull();
  });

  it('moves the legacy key to LEAD_KEY_FILE when that is set and missing', () => {
    const key = aKey();
    writeLegacy(key);
    const file = join(root, 'elsewhere', 'lead.key');
    expect(load({ LEAD_KEY_FILE: file }).master.equals(key)).toBe(true);
    expect(existsSync(legacyFile)).toBe(false);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
  });

  it('finishes a move that stopped after writing the new file (same key in both places)', () => {
    const key = aKey();
    writeLegacy(key);
    mkdirSync(join(configHome, 'showroom-twin'), { recursive: true });
    writeFileSync(defaultFile, `${key.toString('base64')}\n`, { mode: 0o600 });
    const loaded = load();
    expect(loaded.master.equals(key)).toBe(true);
    expect(existsSync(legacyFile)).toBe(false);
    expect(loaded.notice).toContain(legacyFile);
  });

  it('refuses two different keys (legacy and default) and deletes neither', () => {
    writeLegacy(aKey());
    mkdirSync(join(configHome, 'showroom-twin'), { recursive: true });
    writeFileSync(defaultFile, `${aKey().toString('base64')}\n`, { mode: 0o600 });
    const legacyBefore = readFileSync(legacyFile, 'utf8');
    const defaultBefore = readFileSync(defaultFile, 'utf8');
    expect(() => load()).toThrow(/different key.*LEAD_KEY_FILE/s);
    expect(readFileSync(legacyFile, 'utf8')).toBe(legacyBefore);
    expect(readFileSync(defaultFile, 'utf8')).toBe(defaultBefore);
  });

  it('stops with a clear error and keeps the legacy key when the move fails', () => {
    const key = aKey();
    writeLegacy(key);
    writeFileSync(join(root, 'a-file'), 'not a folder');
    expect(() => load({ LEAD_KEY_FILE: join(root, 'a-file', 'lead.key') })).toThrow(/could not move the encryption key.*still at/s);
    expect(Buffer.from(readFileSync(legacyFile, 'utf8').trim(), 'base64').equals(key)).toBe(true);
  });

  it('with ALLOW_KEY_IN_DATA_DIR=1 keeps using the legacy key where it is', () => {
    const key = aKey();
    writeLegacy(key);
    const loaded = load({ ALLOW_KEY_IN_DATA_DIR: '1' });
    expect(loaded.master.equals(key)).toBe(true);
    expect(loaded.file).toBe(legacyFile);
    expect(loaded.notice).toBeNull();
    expect(existsSync(defaultFile)).toBe(false);
  });

  it('refuses a legacy key file left in DATA_DIR while LEAD_ENCRYPTION_KEY is set', () => {
    writeLegacy(aKey());
    expect(() => load({ LEAD_ENCRYPTION_KEY: aKey().toString('base64') })).toThrow(/keys\/lead\.key.*LEAD_ENCRYPTION_KEY.*ALLOW_KEY_IN_DATA_DIR=1/s);
    expect(existsSync(legacyFile)).toBe(true);
  });

  it('names the source of a malformed key', () => {
    expect(() => load({ LEAD_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/LEAD_ENCRYPTION_KEY.*32 bytes/);
    const file = join(root, 'bad.key');
    writeFileSync(file, 'not a key\n', { mode: 0o600 });
    expect(() => load({ LEAD_KEY_FILE: file })).toThrow(new RegExp(`${file}.*32 bytes`));
  });
});
