/**
 * SQLite adapter (better-sqlite3): WAL, synchronous=FULL, and group commit. Concurrent transactions
 * queue up; each drain runs the queued ones inside one BEGIN IMMEDIATE ... COMMIT, each in its own
 * savepoint, so one fsync makes a whole batch durable and a failing unit rolls back alone. A promise
 * resolves only after COMMIT returned, so a 2xx built on it means the row is on disk.
 * secure_delete zeroes deleted rows in their pages; after a batch with an erasure in it, a WAL
 * checkpoint (TRUNCATE) runs between COMMIT and the next batch, so erased bytes survive neither in
 * free space nor in old WAL frames.
 */
import Database from 'better-sqlite3';
import type { Db, Row, Tx } from './db.ts';

type Job = { fn: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

const MAX_BATCH = 512;

/** Opens (creating if needed) a SQLite database file with durable settings. */
export function openSqlite(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  let checkpointWanted = false;
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const tx: Tx = {
    dialect: 'sqlite',
    all: async <T = Row>(sql: string, params: readonly unknown[] = []) => {
      const stmt = prepare(sql);
      if (stmt.reader) return stmt.all(...params) as T[];
      stmt.run(...params);
      return [] as T[];
    },
    get: async <T = Row>(sql: string, params: readonly unknown[] = []) => prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => {
      const stmt = prepare(sql);
      if (stmt.reader) return stmt.all(...params).length;
      return stmt.run(...params).changes;
    },
    batch: async (statements) => {
      for (const [sql, params] of statements) prepare(sql).run(...params);
    },
    lockKey: async () => undefined,
    tryLockKey: async () => true,
    checkpointAfterCommit: () => {
      checkpointWanted = true;
    },
  };

  const [begin, commit, savepoint, release, rollbackTo] = ['BEGIN IMMEDIATE', 'COMMIT', 'SAVEPOINT unit', 'RELEASE unit', 'ROLLBACK TO unit'].map((sql) => db.prepare(sql));
  const queue: Job[] = [];
  let draining = false;
  let closed = false;

  async function drain(): Promise<void> {
    draining = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const results: Settled[] = [];
      try {
        begin!.run();
        for (const job of batch) {
          savepoint!.run();
          try {
            results.push({ ok: true, value: await job.fn(tx) });
            release!.run();
          } catch (error) {
            rollbackTo!.run();
            release!.run();
            results.push({ ok: false, error });
          }
        }
        commit!.run();
      } catch (error) {
        checkpointWanted = false;
        if (db.inTransaction) db.exec('ROLLBACK');
        batch.forEach((job) => job.reject(error));
        continue;
      }
      if (checkpointWanted) {
        checkpointWanted = false;
        // Best effort: the batch is committed whatever happens here; a reader holding an old snapshot
        // (the admin CLI) makes it stop short, and the next erasure's checkpoint finishes the job.
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // the data is durable; only the wipe waits for the next checkpoint
        }
      }
      batch.forEach((job, i) => {
        const r = results[i]!;
        if (r.ok) job.resolve(r.value);
        else job.reject(r.error);
      });
    }
    draining = false;
  }

  return {
    dialect: 'sqlite',
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('database closed'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (!draining) {
          draining = true;
          setImmediate(() => void drain());
        }
      });
    },
    async close() {
      closed = true;
      while (draining || queue.length > 0) await new Promise((r) => setImmediate(r));
      db.close();
    },
  };
}
