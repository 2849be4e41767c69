/** The admin CLI (scripts/admin.ts) as a script would use it: secrets alone on stdout. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, PG_URL } from './helpers.ts';

const run = promisify(execFile);

describe.each(BACKENDS)('admin CLI (%s)', (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'admin-cli-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const keyDir = mkdtempSync(join(tmpdir(), 'admin-cli-key-'));
  const env = {
    ...process.env, DATA_DIR: dataDir, DATABASE_URL: backend === 'postgres' ? PG_URL : '', DATABASE_SCHEMA: backend === 'postgres' ? schema : undefined,
    LEAD_ENCRYPTION_KEY: '', LEAD_KEY_FILE: join(keyDir, 'lead.key'), ALLOW_KEY_IN_DATA_DIR: '0',
  };
  const admin = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { env: env as NodeJS.ProcessEnv });

  beforeAll(async () => {
    await admin('store', 'create', '--id', 'sh-01', '--name', '浦东');
  }, 60_000);
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
    if (backend === 'postgres') {
      const c = new pg.Client(PG_URL);
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  });

  it('prints a new token alone on stdout, lists it and revokes it', async () => {
    const { stdout } = await admin('token', 'create', '--role', 'rep', '--store', 'sh-01');
    expect(stdout).toMatch(/^stw_rep_[A-Za-z0-9_-]{43}\n$/);
    const list = (await admin('token', 'list')).stdout.trim().split('\n');
    expect(list).toHaveLength(1);
    const [id, role, store, state] = list[0]!.split('\t');
    expect([role, store, state]).toEqual(['rep', 'sh-01', 'active']);
    expect(list[0]).not.toContain(stdout.trim());
    await admin('token', 'revoke', '--id', id!);
    expect((await admin('token', 'list')).stdout).toContain('\trevoked\t');
  }, 60_000);

  it('prints a pairing code alone on stdout', async () => {
    expect((await admin('pairing', 'issue', '--store', 'sh-01')).stdout).toMatch(/^[2-9A-Z]{8}\n$/);
  }, 60_000);

  it('fails with a message on stderr and nothing on stdout for a bad command', async () => {
    const failed = await admin('token', 'create', '--role', 'rep', '--store', 'nope').then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toContain('unknown store nope');
  }, 60_000);

  it('refuses to run with the key inside DATA_DIR, saying what to do', async () => {
    const inside = { ...env, LEAD_KEY_FILE: join(dataDir, 'lead.key') } as NodeJS.ProcessEnv;
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'token', 'list'], { env: inside }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/LEAD_KEY_FILE .*inside DATA_DIR.*ALLOW_KEY_IN_DATA_DIR=1/s);
    expect(existsSync(join(dataDir, 'lead.key'))).toBe(false);
  }, 60_000);
});
