/**
 * The storage adapter seam: a tiny transactional SQL interface that SQLite and PostgreSQL both
 * implement. Queries are written once with `?` placeholders; all times are integer milliseconds
 * since the epoch, booleans are 0/1 integers, JSON is TEXT, so the same SQL runs on both.
 */

export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;

/** A connection inside an open transaction. Only database work may be awaited inside one. */
export interface Tx {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement and returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs independent writes (no RETURNING, none reading another's rows) in one go: PostgreSQL sends
   * them as one statement (writable CTEs), saving round trips; SQLite runs them in turn.
   */
  batch(statements: readonly (readonly [string, readonly unknown[]])[]): Promise<void>;
  /**
   * Waits for an exclusive lock on `key` until the transaction ends, across every server instance
   * sharing the database (PostgreSQL advisory lock). SQLite transactions are already serialised.
   */
  lockKey(key: string): Promise<void>;
  /** Like lockKey but returns false at once when another transaction holds the key. */
  tryLockKey(key: string): Promise<boolean>;
  /**
   * Asks for deleted personal data to be wiped from the files once this transaction commits (an
   * erasure). SQLite: after the COMMIT, outside any transaction, a WAL checkpoint (TRUNCATE) copies
   * the pages secure_delete zeroed into the database file and empties the WAL, before the promise
   * resolves. PostgreSQL: nothing (deleted rows stay in the table files until VACUUM reuses them).
   */
  checkpointAfterCommit(): void;
}

/** A database: every unit of work runs in a transaction that is durable when the promise resolves. */
export interface Db {
  readonly dialect: Dialect;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One PostgreSQL statement running independent writes as data-modifying CTEs. */
export function combineWrites(statements: readonly (readonly [string, readonly unknown[]])[]): [string, unknown[]] {
  const ctes = statements.map(([sql], i) => `w${i} AS (${sql})`).join(', ');
  return [`WITH ${ctes} SELECT 1`, statements.flatMap(([, params]) => params)];
}

/** Rewrites `?` placeholders to PostgreSQL's `$1, $2, ...` (our SQL never has `?` in literals). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
