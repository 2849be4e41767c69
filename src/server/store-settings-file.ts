/**
 * Reading and writing a store file. Reads give the parsed settings or a problem naming the file
 * and each bad field; never a throw. Writes are atomic: the new text goes to a temporary file in the
 * same directory (fsynced), the current file is copied to `<file>.bak` (through a temporary copy
 * and a rename, so the .bak is never torn either), then the temporary file is renamed over the
 * file. A reader at any moment sees the old file or the new one, whole.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { problemMessage, settingsIssues, type SettingsProblem } from '../store/settings-issues.ts';
import { storeSettingsSchema, type StoreSettings, type StoreSettingsSchemaOptions } from '../store/store-settings.ts';

/** A store file's state: absent, good (with its text), or bad. */
export type FileRead = { kind: 'missing' } | { kind: 'ok'; settings: StoreSettings; text: string } | { kind: 'bad'; problem: SettingsProblem; text: string | null };

/** Larger files are refused unread (the API body limit is 32 KB; a settings file is about 1 KB). */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * Parses a store file's text: JSON, then the schema, then `storeId` against the store the file is
 * for (a file copied from another store would otherwise change this store's consent notice).
 */
export function parseStoreFile(file: string, text: string, storeId: string, options: StoreSettingsSchemaOptions): FileRead {
  const bad = (issues: SettingsProblem['issues']): FileRead => ({ kind: 'bad', text, problem: { file, message: problemMessage(file, issues), issues } });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // Windows Notepad saves UTF-8 with a BOM
  } catch (error) {
    return bad([{ path: '', message: `malformed JSON: ${(error as Error).message}` }]);
  }
  const parsed = storeSettingsSchema(options).safeParse(raw);
  if (!parsed.success) return bad(settingsIssues(parsed.error));
  if (parsed.data.storeId !== storeId) return bad([{ path: 'storeId', message: `this file is for store ${storeId}, not ${parsed.data.storeId}` }]);
  return { kind: 'ok', settings: parsed.data, text };
}

/** Reads and parses a store file; a missing file is `missing`, any other failure a problem. */
export async function readStoreFile(file: string, storeId: string, options: StoreSettingsSchemaOptions): Promise<FileRead> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', text: null, problem: { file, message: `${file}: cannot read (${code ?? (error as Error).message})`, issues: [{ path: '', message: `cannot read (${code ?? 'error'})` }] } };
  }
  if (buffer.length > MAX_FILE_BYTES) {
    const message = `larger than ${MAX_FILE_BYTES / 1024} KB`;
    return { kind: 'bad', text: null, problem: { file, message: `${file}: ${message}`, issues: [{ path: '', message }] } };
  }
  return parseStoreFile(file, buffer.toString('utf8'), storeId, options);
}

/** The text a store file is written with: every field, two-space indented, a final newline. */
export function storeFileText(settings: StoreSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

const tempName = (file: string, what: string) => join(dirname(file), `.${basename(file)}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`);

/** Writes `text` to `file` atomically, keeping the file it replaces as `<file>.bak`. */
export async function writeStoreFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempName(file, 'new');
  const bakTmp = tempName(file, 'bak');
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    const hadFile = await copyFile(file, bakTmp).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (hadFile) await rename(bakTmp, `${file}.bak`);
    await rename(tmp, file);
    await syncDirectory(dirname(file));
  } finally {
    await rm(tmp, { force: true });
    await rm(bakTmp, { force: true });
  }
}

/** Makes the renames durable (Linux, macOS); Windows cannot open a directory, and renames there are durable enough. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here
  }
}
