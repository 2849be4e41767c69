/**
 * Test fixtures: a fresh database per call (SQLite in a temp dir, or a random schema on the local
 * PostgreSQL), an app with a fake clock, two stores and a token per role.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, type BuildAppOptions } from '../../src/server/app.ts';
import { createToken, ensureStore, SHARE_TOKEN_TTL_MS } from '../../src/server/auth-repo.ts';
import { deriveKeys } from '../../src/server/crypto.ts';
import type { Db } from '../../src/server/db.ts';
import { openPostgres } from '../../src/server/db-pg.ts';
import { openSqlite } from '../../src/server/db-sqlite.ts';
import { migrate } from '../../src/server/migrations.ts';

export type Backend = 'sqlite' | 'postgres';
/** Both backends; the local PostgreSQL is required (set SKIP_PG=1 only where none exists). */
export const BACKENDS: Backend[] = process.env.SKIP_PG === '1' ? ['sqlite'] : ['sqlite', 'postgres'];
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const T0 = Date.parse('2026-05-01T02:00:00Z');

export type TestDb = { db: Db; dataDir: string; schema?: string; cleanup: () => Promise<void> };

export async function openTestDb(backend: Backend): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leads-test-'));
  if (backend === 'sqlite') {
    const db = openSqlite(join(dataDir, 'leads.sqlite'));
    return { db, dataDir, cleanup: async () => { await db.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(PG_URL, schema, 20);
  return {
    db,
    dataDir,
    schema,
    cleanup: async () => {
      await db.close();
      const client = new pg.Client(PG_URL);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const keys = deriveKeys(Buffer.alloc(32, 7));

export type Fixture = Awaited<ReturnType<typeof makeFixture>>;

/** App + stores `store-a`, `store-b` + a token per role; `clock.ms` drives the app's clock. `share`: a share-link token of store-a, issued by `kiosk`. */
type Tokens = { kiosk: string; kioskB: string; share: string; rep: string; repB: string; manager: string };

export async function makeFixture(backend: Backend, options: Partial<BuildAppOptions> | ((tokens: Tokens) => Partial<BuildAppOptions>) = {}) {
  const t = await openTestDb(backend);
  const clock = { ms: T0 };
  await migrate(t.db, clock.ms);
  const tokens: Tokens = await t.db.transaction(async (tx) => {
    await ensureStore(tx, 'store-a', 'Store A', clock.ms);
    await ensureStore(tx, 'store-b', 'Store B', clock.ms);
    const mk = async (role: 'kiosk' | 'rep' | 'manager', store: string | null) => (await createToken(tx, role, store, 'test', clock.ms)).token;
    const kiosk = await createToken(tx, 'kiosk', 'store-a', 'test', clock.ms);
    return {
      kiosk: kiosk.token,
      kioskB: await mk('kiosk', 'store-b'),
      share: (await createToken(tx, 'share', 'store-a', 'test share link', clock.ms, clock.ms + SHARE_TOKEN_TTL_MS, kiosk.id)).token,
      rep: await mk('rep', 'store-a'),
      repB: await mk('rep', 'store-b'),
      manager: await mk('manager', null),
    };
  });
  const extra = typeof options === 'function' ? options(tokens) : options;
  const app = await buildApp({ db: t.db, keys, now: () => clock.ms, rateLimitPerMinute: 1_000_000, ...extra });
  return {
    ...t,
    app,
    clock,
    tokens,
    close: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The smallest valid lead with a fresh id; override fields as needed. */
export function lead(overrides: Record<string, unknown> = {}, phone = '13812345678') {
  return { id: randomUUID(), contact: { name: '王小明', phone }, consent: { contact: true, textVersion: 'zh-CN-1' }, ...overrides };
}

let phoneCounter = 0;
/** A valid mainland mobile number not used before in this test process. */
export function nextPhone(): string {
  phoneCounter += 1;
  return `139${String(phoneCounter).padStart(8, '0')}`;
}

/** A beat as a kiosk sends it; override fields as needed. */
export function beat(overrides: Record<string, unknown> = {}) {
  return {
    version: '0.1.0+abc1234',
    screen: 'home',
    outbox: { pending: 0, failed: 0 },
    storage: { persisted: true, usageBytes: 21_000_000, quotaBytes: 60_000_000_000 },
    serviceWorker: { registered: true, offlineReady: true, waiting: false },
    lastError: null,
    ...overrides,
  };
}
