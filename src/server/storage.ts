/**
 * Opens the configured storage (PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR), runs
 * migrations and checks that this instance's encryption key matches the one the data was written with.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config.ts';
import { loadKeys, type Keys } from './crypto.ts';
import type { Db } from './db.ts';
import { openPostgres } from './db-pg.ts';
import { openSqlite } from './db-sqlite.ts';
import { migrate } from './migrations.ts';

export type Storage = { db: Db; keys: Keys };

/** Opens, migrates and checks the storage; closes it again if any step fails. */
export async function openStorage(config: Pick<ServerConfig, 'DATA_DIR' | 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'LEAD_ENCRYPTION_KEY'>, nowMs: number): Promise<Storage> {
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const keys = loadKeys(config.LEAD_ENCRYPTION_KEY, config.DATA_DIR);
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL, config.DATABASE_SCHEMA) : openSqlite(join(config.DATA_DIR, 'leads.sqlite'));
  try {
    await migrate(db, nowMs);
    await checkKeyFingerprint(db, keys);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, keys };
}

/** Records the key fingerprint on first use; refuses a different key later (it could not decrypt). */
export async function checkKeyFingerprint(db: Db, keys: Keys): Promise<void> {
  const stored = await db.transaction(async (tx) => {
    await tx.run("INSERT INTO meta (key, value) VALUES ('key_fingerprint', ?) ON CONFLICT (key) DO NOTHING", [keys.fingerprint]);
    return tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'key_fingerprint'");
  });
  if (stored?.value !== keys.fingerprint) {
    throw new Error('this database was written with another encryption key: set LEAD_ENCRYPTION_KEY (or DATA_DIR/keys/lead.key) to the same key on every instance');
  }
}
