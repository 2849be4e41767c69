/**
 * First start: create the local store, a manager token and the local kiosk's token. The manager token
 * is printed once (only its hash is stored); the kiosk token is kept in DATA_DIR/local-kiosk.json
 * (mode 0600) so the server can hand it to the kiosk browser on this machine via /api/kiosk-config.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createToken, ensureStore } from './auth-repo.ts';
import { secretHash } from './crypto.ts';
import type { Db } from './db.ts';
import type { LocalKiosk } from './routes-kiosk.ts';

export type BootstrapResult = { localKiosk: LocalKiosk; managerToken: string | null };

/** Idempotent: safe on every start and on several instances at once. */
export async function bootstrap(db: Db, dataDir: string, storeId: string, nowMs: number): Promise<BootstrapResult> {
  const file = join(dataDir, 'local-kiosk.json');
  return db.transaction(async (tx) => {
    await ensureStore(tx, storeId, storeId, nowMs);
    let managerToken: string | null = null;
    const claimed = await tx.run("INSERT INTO meta (key, value) VALUES ('bootstrapped', ?) ON CONFLICT (key) DO NOTHING", [String(nowMs)]);
    if (claimed > 0) managerToken = (await createToken(tx, 'manager', null, 'first start', nowMs)).token;
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as LocalKiosk;
      const valid = await tx.get("SELECT 1 AS x FROM tokens WHERE token_hash = ? AND role = 'kiosk' AND revoked_at IS NULL", [secretHash(saved.token)]);
      if (valid) return { localKiosk: saved, managerToken };
    }
    const { token } = await createToken(tx, 'kiosk', storeId, 'local kiosk', nowMs);
    const localKiosk = { token, storeId };
    writeFileSync(file, JSON.stringify(localKiosk), { mode: 0o600 });
    return { localKiosk, managerToken };
  });
}
