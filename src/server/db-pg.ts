/**
 * PostgreSQL adapter (pg): one pooled connection per transaction, committed before the promise
 * resolves. Several server instances may share the database; cross-instance exclusion uses
 * transaction-scoped advisory locks and unique constraints, never in-process locks.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { combineWrites, toPgPlaceholders, type Db, type Row, type Tx } from './db.ts';

const INT8_OID = 20;
const RETRYABLE = new Set(['40001', '40P01']);

/** Maps a lock name to the signed 64-bit key pg_advisory_xact_lock takes. */
function advisoryKey(key: string): string {
  return createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}

/** Opens a pool; `schema` (optional) is created if missing and used as the search path. */
export async function openPostgres(url: string, schema?: string, maxConnections = 20): Promise<Db> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  pool.on('error', () => undefined); // idle client errors surface on the next query instead
  if (schema) {
    // Two instances starting together can both try to create it: the loser's error is harmless.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((e: { code?: string }) => {
      if (e.code !== '23505' && e.code !== '42P06') throw e;
    });
  }

  const makeTx = (client: pg.PoolClient): Tx => ({
    dialect: 'postgres',
    all: async <T = Row>(sql: string, params: readonly unknown[] = []) => (await client.query(toPgPlaceholders(sql), params as unknown[])).rows as T[],
    get: async <T = Row>(sql: string, params: readonly unknown[] = []) => (await client.query(toPgPlaceholders(sql), params as unknown[])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => (await client.query(toPgPlaceholders(sql), params as unknown[])).rowCount ?? 0,
    batch: async (statements) => {
      const [sql, params] = statements.length === 1 ? [statements[0]![0], [...statements[0]![1]]] : combineWrites(statements);
      await client.query(toPgPlaceholders(sql), params);
    },
    lockKey: async (key: string) => void (await client.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(key)])),
    tryLockKey: async (key: string) => (await client.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [advisoryKey(key)])).rows[0].ok === true,
    checkpointAfterCommit: () => undefined,
  });

  return {
    dialect: 'postgres',
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(makeTx(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (error as { code?: string }).code;
          if (!(code && RETRYABLE.has(code) && attempt < 3)) throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
