/** The storage adapters' contract, on both backends: atomic units, committed before they resolve. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineWrites, toPgPlaceholders } from '../../src/server/db.ts';
import { BACKENDS, openTestDb, PG_URL, type TestDb } from './helpers.ts';

describe('SQL helpers', () => {
  it('numbers placeholders for PostgreSQL and combines writes into one statement', () => {
    expect(toPgPlaceholders('SELECT ? + ?')).toBe('SELECT $1 + $2');
    expect(combineWrites([['INSERT INTO a VALUES (?)', [1]], ['DELETE FROM b WHERE x = ?', [2]]])).toEqual(['WITH w0 AS (INSERT INTO a VALUES (?)), w1 AS (DELETE FROM b WHERE x = ?) SELECT 1', [1, 2]]);
  });
});

describe.each(BACKENDS)('storage adapter (%s)', (backend) => {
  let t: TestDb;
  /** Reads through a separate connection: sees only committed rows. */
  let committedCount: () => Promise<number>;
  let closeReader: () => Promise<void>;

  beforeAll(async () => {
    t = await openTestDb(backend);
    await t.db.transaction((tx) => tx.run('CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL)'));
    if (backend === 'sqlite') {
      const reader = new Database(join(t.dataDir, 'leads.sqlite'), { readonly: true });
      committedCount = async () => (reader.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      closeReader = async () => void reader.close();
    } else {
      const reader = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${t.schema}` });
      await reader.connect();
      committedCount = async () => Number((await reader.query('SELECT COUNT(*) AS n FROM items')).rows[0].n);
      closeReader = () => reader.end();
    }
  });
  afterAll(async () => {
    await closeReader();
    await t.cleanup();
  });

  it('makes a unit visible to other connections by the time it resolves', async () => {
    const before = await committedCount();
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.db.transaction((tx) => tx.run('INSERT INTO items (id, n) VALUES (?, ?)', [`c${i}`, i]))));
    expect(await committedCount()).toBe(before + 20);
  });

  it('rolls back a failing unit alone, even when it shares a group commit with others', async () => {
    await t.db.transaction((tx) => tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['dup', 0]));
    const before = await committedCount();
    const results = await Promise.allSettled([
      t.db.transaction((tx) => tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['ok1', 1])),
      t.db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['bad', 2]);
        throw new Error('boom');
      }),
      t.db.transaction((tx) => tx.run('INSERT INTO items (id, n) VALUES (?, ?)', ['dup', 3])), // duplicate key
      t.db.transaction((tx) => tx.batch([['INSERT INTO items (id, n) VALUES (?, ?)', ['ok2', 4]], ['INSERT INTO items (id, n) VALUES (?, ?)', ['ok3', 5]]])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(await committedCount()).toBe(before + 3);
    const ids = await t.db.transaction((tx) => tx.all<{ id: string }>("SELECT id FROM items WHERE id IN ('ok1', 'bad', 'ok2', 'ok3') ORDER BY id"));
    expect(ids.map((r) => r.id)).toEqual(['ok1', 'ok2', 'ok3']);
  });
});
