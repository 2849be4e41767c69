/**
 * Opens the configured storage (PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR), runs
 * migrations and checks that this instance's encryption key matches the one the data was written with.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config.ts';
import { deriveKeys, type Keys } from './crypto.ts';
import type { Db } from './db.ts';
import { openPostgres } from './db-pg.ts';
import { openSqlite } from './db-sqlite.ts';
import { loadMasterKey } from './key-file.ts';
import { migrate } from './migrations.ts';

/** `notices`: lines to print at start (the key was moved out of DATA_DIR). */
export type Storage = { db: Db; keys: Keys; notices: string[] };

type StorageConfig = Pick<ServerConfig, 'DATA_DIR' | 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'LEAD_ENCRYPTION_KEY' | 'LEAD_KEY_FILE' | 'ALLOW_KEY_IN_DATA_DIR'>;

/** Opens, migrates and checks the storage; closes it again if any step fails. */
export async function openStorage(config: StorageConfig, nowMs: number): Promise<Storage> {
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const key = loadMasterKey(config);
  const keys = deriveKeys(key.master);
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL, config.DATABASE_SCHEMA) : openSqlite(join(config.DATA_DIR, 'leads.sqlite'));
  try {
    await migrate(db, nowMs);
    await checkKeyFingerprint(db, keys);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, keys, notices: key.notice ? [key.notice] : [] };
}

/** Records the key fingerprint on first use; refuses a different key later (it could not decrypt). */
export async function checkKeyFingerprint(db: Db, keys: Keys): Promise<void> {
  const stored = await db.transaction(async (tx) => {
    await tx.run("INSERT INTO meta (key, value) VALUES ('key_fingerprint', ?) ON CONFLICT (key) DO NOTHING", [keys.fingerprint]);
    return tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'key_fingerprint'");
  });
  if (stored?.value !== keys.fingerprint) {
    throw new Error('this database was written with another encryption key: give every instance the same key (LEAD_ENCRYPTION_KEY or LEAD_KEY_FILE)');
  }
}
