/**
 * The settings each store's kiosks run on, from its store file (STORE_CONFIG_FILE), kept in memory.
 * A file that cannot be used (malformed JSON, a schema error, another store's file) is logged with
 * the file and field and reported as `problem`; the store keeps its last good settings, or the
 * defaults. Changes are picked up two ways: a manager's PUT applies at once, and the file's
 * directory is watched (fs.watch, debounced) so an edit by hand applies within a second.
 *
 * One file, or one per store: STORE_CONFIG_FILE=/etc/showroom/store.json is the local store's
 * (LOCAL_STORE_ID) and other stores run on the defaults; with `{store}` in the file name
 * (/etc/showroom/stores/{store}.json) every store has its own file, read when first asked for.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SettingsProblem, StoreSettingsResponse } from '../store/settings-issues.ts';
import { defaultStoreSettings, type StoreSettings, type StoreSettingsSchemaOptions } from '../store/store-settings.ts';
import { readStoreFile, storeFileText, writeStoreFile, type FileRead } from './store-settings-file.ts';

export const STORE_PLACEHOLDER = '{store}';

type Log = { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

export type StoreSettingsOptions = {
  /** STORE_CONFIG_FILE: one file, or a path whose file name holds `{store}`; unset: defaults only. */
  file?: string;
  /** The store of the kiosk on this machine (LOCAL_STORE_ID): the one file's store, and GET's default. */
  localStoreId: string;
  /** A store's name when its file gives none (DEALER_NAME, DEALER_NAME_EN). */
  defaultName?: StoreSettingsSchemaOptions['defaultName'];
  /** The line-up's vehicle ids (the served models/index.json), or null when unknown. */
  lineupIds?: () => readonly string[] | null;
  /** Quiet time after a change in the directory before the file is read (an editor writes in steps). */
  debounceMs?: number;
  /** false: no fs.watch (changes then apply on PUT or at restart). */
  watch?: boolean;
};

type Entry = Omit<StoreSettingsResponse, 'editable'> & { text: string | null };

/** Checks a STORE_CONFIG_FILE value: `{store}` may only stand in the file name (store ids have no slash). */
export function checkStoreFilePattern(file: string): string | null {
  if (!file.includes(STORE_PLACEHOLDER)) return null;
  if (dirname(file).includes(STORE_PLACEHOLDER)) return `${STORE_PLACEHOLDER} may only appear in the file name, not in its directory`;
  if (basename(file).split(STORE_PLACEHOLDER).length !== 2) return `${STORE_PLACEHOLDER} may appear once`;
  return null;
}

export class StoreSettingsService {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  /** Per store, the tail of its reads and writes: one at a time, in order. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private watcher: FSWatcher | null = null;
  private closed = false;

  constructor(
    private readonly options: StoreSettingsOptions,
    private readonly log: Log,
  ) {}

  /** The file a store's settings live in on this server, or null (its kiosks run on the defaults). */
  pathFor(storeId: string): string | null {
    const file = this.options.file;
    if (!file) return null;
    if (file.includes(STORE_PLACEHOLDER)) return file.replace(STORE_PLACEHOLDER, storeId);
    return storeId === this.options.localStoreId ? file : null;
  }

  get localStoreId(): string {
    return this.options.localStoreId;
  }

  /** Reads the local store's file and starts watching. */
  async start(): Promise<Entry> {
    const entry = await this.entry(this.options.localStoreId);
    this.startWatching();
    return entry;
  }

  /** A store's settings, read from its file on first use. */
  async get(storeId: string): Promise<StoreSettingsResponse> {
    const { text: _text, ...entry } = await this.entry(storeId);
    return { ...entry, editable: this.pathFor(storeId) !== null };
  }

  /** Writes a store's (already validated) settings to its file and runs them at once. */
  async save(storeId: string, settings: StoreSettings, by: string): Promise<StoreSettingsResponse> {
    const file = this.pathFor(storeId);
    if (!file) throw new Error(`no settings file for store ${storeId}`);
    await this.entry(storeId);
    await this.queued(storeId, async () => {
      const text = storeFileText(settings);
      await writeStoreFile(file, text);
      this.entries.set(storeId, { settings, source: 'file', problem: null, text });
      this.log.info({ file, storeId, by }, 'store settings saved');
    });
    this.startWatching(); // the directory may only exist now
    return this.get(storeId);
  }

  /** Reads a store's file again (the watcher calls this; tests may too). */
  async reload(storeId: string): Promise<void> {
    if (!this.entries.has(storeId)) return;
    await this.queued(storeId, async () => this.apply(storeId, await this.read(storeId)));
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** What the schema checks a file or a PUT body against now: the served line-up, the default name. */
  schemaOptions(): StoreSettingsSchemaOptions {
    const lineupIds = this.options.lineupIds?.() ?? undefined;
    return { ...(lineupIds ? { lineupIds } : {}), ...(this.options.defaultName ? { defaultName: this.options.defaultName } : {}) };
  }

  private defaults(storeId: string): StoreSettings {
    return defaultStoreSettings(storeId, this.options.defaultName);
  }

  private async read(storeId: string): Promise<FileRead> {
    const file = this.pathFor(storeId);
    return file ? readStoreFile(file, storeId, this.schemaOptions()) : { kind: 'missing' };
  }

  private entry(storeId: string): Promise<Entry> {
    const known = this.entries.get(storeId);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(storeId);
    if (!pending) {
      pending = this.queued(storeId, async () => {
        this.entries.set(storeId, { settings: this.defaults(storeId), source: 'defaults', problem: null, text: null });
        this.apply(storeId, await this.read(storeId));
        return this.entries.get(storeId)!;
      }).finally(() => this.loading.delete(storeId));
      this.loading.set(storeId, pending);
    }
    return pending;
  }

  private queued<T>(storeId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(storeId) ?? Promise.resolve()).then(task, task);
    this.queues.set(storeId, run.catch(() => undefined));
    return run;
  }

  /** Runs what a read found: a good file, the defaults when it is gone, the last good settings when it is bad. */
  private apply(storeId: string, read: FileRead): void {
    const prev = this.entries.get(storeId)!;
    const file = this.pathFor(storeId);
    if (read.kind === 'missing') {
      if (prev.source !== 'defaults' || prev.problem) this.log.info({ file, storeId }, 'store settings file is gone: running on the defaults');
      this.entries.set(storeId, { settings: this.defaults(storeId), source: 'defaults', problem: null, text: null });
    } else if (read.kind === 'ok') {
      if (read.text === prev.text && !prev.problem) return;
      this.entries.set(storeId, { settings: read.settings, source: 'file', problem: null, text: read.text });
      this.log.info({ file, storeId }, 'store settings loaded');
    } else {
      if (read.text !== null && read.text === prev.text) return; // the same bad file again
      const source = prev.source === 'defaults' ? 'defaults' : 'last-good';
      this.entries.set(storeId, { settings: prev.settings, source, problem: read.problem, text: read.text });
      this.logProblem(storeId, read.problem, source);
    }
  }

  private logProblem(storeId: string, problem: SettingsProblem, source: Entry['source']): void {
    const keeping = source === 'defaults' ? 'running on the defaults' : 'keeping the last good settings';
    this.log.error({ file: problem.file, storeId, issues: problem.issues }, `store settings not applied, ${keeping}: ${problem.message}`);
  }

  /** Watches the directory, not the file: a rename over the file (ours, or an editor's) would end a watch on it. */
  private startWatching(): void {
    const file = this.options.file;
    if (this.watcher || this.closed || !file || this.options.watch === false) return;
    const dir = dirname(file);
    try {
      this.watcher = watch(dir, { persistent: false }, (_event, name) => this.changed(name === null ? null : String(name)));
      this.watcher.on('error', (error) => {
        this.log.warn({ dir, code: (error as NodeJS.ErrnoException).code }, 'stopped watching the store settings directory: changes now apply through rep mode or at restart');
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.log.warn({ dir, code: (error as NodeJS.ErrnoException).code }, 'cannot watch the store settings directory: changes apply through rep mode or at restart');
    }
  }

  /** A change in the directory: the store whose file it is (all loaded stores when the platform gives no name). */
  private changed(name: string | null): void {
    const stores = name === null ? [...this.entries.keys()] : [this.storeOfFile(name)].filter((s): s is string => s !== null);
    for (const storeId of stores) {
      if (!this.entries.has(storeId)) continue;
      clearTimeout(this.timers.get(storeId));
      this.timers.set(
        storeId,
        setTimeout(() => {
          this.timers.delete(storeId);
          if (!this.closed) void this.reload(storeId).catch((error: Error) => this.log.error({ storeId, name: error.name }, 'store settings reload failed'));
        }, this.options.debounceMs ?? 200),
      );
    }
  }

  private storeOfFile(name: string): string | null {
    const pattern = basename(this.options.file ?? '');
    if (!pattern.includes(STORE_PLACEHOLDER)) return name === pattern ? this.options.localStoreId : null;
    const [prefix, suffix] = pattern.split(STORE_PLACEHOLDER) as [string, string];
    if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length <= prefix.length + suffix.length) return null;
    return name.slice(prefix.length, name.length - suffix.length);
  }
}
