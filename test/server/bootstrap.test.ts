/** First start: the manager token goes to an owner-only file, once, and never to the log stream. */
import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPrincipal } from '../../src/server/auth-repo.ts';
import { bootstrap, MANAGER_TOKEN_FILE } from '../../src/server/bootstrap.ts';
import { migrate } from '../../src/server/migrations.ts';
import { BACKENDS, openTestDb, T0, type TestDb } from './helpers.ts';

describe.each(BACKENDS)('bootstrap (%s)', (backend) => {
  let t: TestDb;
  let tokenFile: string;
  beforeEach(async () => {
    t = await openTestDb(backend);
    await migrate(t.db, T0);
    tokenFile = join(t.dataDir, MANAGER_TOKEN_FILE);
  });
  afterEach(() => t.cleanup());

  it('writes the first manager token once to a file only its owner can read, and returns only the path', async () => {
    const first = await bootstrap(t.db, t.dataDir, 'local', T0);
    expect(first).not.toHaveProperty('managerToken');
    expect(JSON.stringify(first)).not.toMatch(/stw_manager_/);
    expect(first.managerTokenFile).toBe(tokenFile);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenFile, 'utf8');
    expect(token).toMatch(/^stw_manager_[A-Za-z0-9_-]{43}\n$/);
    expect(await findPrincipal(t.db, token.trim(), T0)).toMatchObject({ role: 'manager', storeId: null });

    const again = await bootstrap(t.db, t.dataDir, 'local', T0 + 1000);
    expect(again.managerTokenFile).toBeNull();
    expect(readFileSync(tokenFile, 'utf8')).toBe(token);
  });

  it('refuses to overwrite a token file left from before: stops, says what to do, and creates no manager token', async () => {
    writeFileSync(tokenFile, 'stw_manager_from_an_earlier_start\n', { mode: 0o600 });
    await expect(bootstrap(t.db, t.dataDir, 'local', T0)).rejects.toThrow(new RegExp(`${tokenFile}.*(read|keep).*delete`, 's'));
    expect(readFileSync(tokenFile, 'utf8')).toBe('stw_manager_from_an_earlier_start\n');
    const managers = await t.db.transaction((tx) => tx.all("SELECT id FROM tokens WHERE role = 'manager'"));
    expect(managers).toEqual([]);
    unlinkSync(tokenFile);
    const retried = await bootstrap(t.db, t.dataDir, 'local', T0);
    expect(retried.managerTokenFile).toBe(tokenFile);
    expect(existsSync(tokenFile)).toBe(true);
  });
});
