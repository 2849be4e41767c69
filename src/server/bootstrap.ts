/**
 * First start: create the local store, a manager token and the local kiosk's token. The manager token
 * is written once to DATA_DIR/first-start-manager-token.txt (mode 0600, created exclusively; only its
 * hash is stored) and never printed: stderr is the log stream, which supervisors keep and ship. The
 * kiosk token is kept in DATA_DIR/local-kiosk.json (mode 0600) so the server can hand it to the kiosk
 * browser on this machine via /api/kiosk-config.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createToken, ensureStore } from './auth-repo.ts';
import { secretHash } from './crypto.ts';
import type { Db } from './db.ts';
import type { LocalKiosk } from './routes-kiosk.ts';

/** Name of the first start's manager token file in DATA_DIR (the owner reads it, then deletes it). */
export const MANAGER_TOKEN_FILE = 'first-start-manager-token.txt';

/** `managerTokenFile`: where this start wrote the first manager token, or null (not the first start). */
export type BootstrapResult = { localKiosk: LocalKiosk; managerTokenFile: string | null };

/** Idempotent: safe on every start and on several instances at once. */
export async function bootstrap(db: Db, dataDir: string, storeId: string, nowMs: number): Promise<BootstrapResult> {
  const file = join(dataDir, 'local-kiosk.json');
  const tokenFile = join(resolve(dataDir), MANAGER_TOKEN_FILE);
  let wrote = false;
  try {
    return await db.transaction(async (tx) => {
      await ensureStore(tx, storeId, storeId, nowMs);
      let managerTokenFile: string | null = null;
      const claimed = await tx.run("INSERT INTO meta (key, value) VALUES ('bootstrapped', ?) ON CONFLICT (key) DO NOTHING", [String(nowMs)]);
      if (claimed > 0) {
        // Written before COMMIT: if it cannot be written, the claim rolls back and the next start tries again.
        writeOwnerOnly(tokenFile, `${(await createToken(tx, 'manager', null, 'first start', nowMs)).token}\n`);
        wrote = true;
        managerTokenFile = tokenFile;
      }
      if (existsSync(file)) {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as LocalKiosk;
        const valid = await tx.get("SELECT 1 AS x FROM tokens WHERE token_hash = ? AND role = 'kiosk' AND revoked_at IS NULL", [secretHash(saved.token)]);
        if (valid) return { localKiosk: saved, managerTokenFile };
      }
      const { token } = await createToken(tx, 'kiosk', storeId, 'local kiosk', nowMs);
      const localKiosk = { token, storeId };
      writeFileSync(file, JSON.stringify(localKiosk), { mode: 0o600 });
      return { localKiosk, managerTokenFile };
    });
  } catch (error) {
    if (wrote) rmSync(tokenFile, { force: true }); // rolled back: that token was never stored
    throw error;
  }
}

/** Creates `file` (mode 0600) with `content`; refuses to replace one that exists. */
function writeOwnerOnly(file: string, content: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`${file} is left from an earlier first start: read it, keep the manager token it holds (in a password manager), delete the file, and start again`);
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
