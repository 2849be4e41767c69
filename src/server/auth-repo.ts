/**
 * Stores, bearer tokens and pairing codes. Tokens and codes are stored only as SHA-256 hashes;
 * the plain value is returned once, at creation.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Db, Tx } from './db.ts';
import { secretHash } from './crypto.ts';

/**
 * kiosk: create leads and events, mint share tokens; share: a plan's share link on a customer's phone
 * (create leads and events only, expires); rep: read its store; manager: read, export, erase, manage.
 */
export const ROLES = ['kiosk', 'share', 'rep', 'manager'] as const;
export type Role = (typeof ROLES)[number];
/** The roles that may create leads and funnel events for their own store (a route a share link needs too uses this list). */
export const CREATE_ROLES = ['kiosk', 'share'] as const satisfies readonly Role[];

/** Who is calling: resolved from a bearer token. Managers without a store see every store. */
export type Principal = { tokenId: string; role: Role; storeId: string | null };

/** Pairing codes expire after 10 minutes. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L

/** Creates a store if it does not exist. */
export async function ensureStore(tx: Tx, id: string, name: string, nowMs: number): Promise<void> {
  await tx.run('INSERT INTO stores (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING', [id, name, nowMs]);
}

/** Whether a store id is known. */
export async function storeExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.get('SELECT 1 AS x FROM stores WHERE id = ?', [id])) !== undefined;
}

/**
 * Creates a token (expiring at `expiresAtMs`, or never; share tokens must expire) and returns its id
 * and the secret (shown once). `issuedBy`: the id of the token that asked for it (share tokens).
 */
export async function createToken(
  tx: Tx, role: Role, storeId: string | null, label: string, nowMs: number, expiresAtMs: number | null = null, issuedBy: string | null = null,
): Promise<{ id: string; token: string }> {
  if (role !== 'manager' && !storeId) throw new Error(`a ${role} token needs a store`);
  if (role === 'share' && expiresAtMs === null) throw new Error('a share token must expire');
  if (storeId && !(await storeExists(tx, storeId))) throw new Error(`unknown store ${storeId}`);
  const id = randomBytes(6).toString('hex');
  const token = `stw_${role}_${randomBytes(32).toString('base64url')}`;
  await tx.run('INSERT INTO tokens (id, token_hash, role, store_id, label, created_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    id, secretHash(token), role, storeId, label, nowMs, expiresAtMs, issuedBy,
  ]);
  return { id, token };
}

/**
 * A plan's share link carries this to the customer's phone, so a test-drive request made there
 * reaches the store: a share-role (create-only) token of the sharing kiosk's store that expires.
 */
export const SHARE_TOKEN_TTL_MS = 7 * 24 * 3600_000;
const HOUR_MS = 3600_000;

/**
 * Mints a share token for the kiosk token `kioskTokenId`, at most `perHour` per kiosk in any hour,
 * counted in the database (so across instances and restarts; a lock per kiosk keeps two instances
 * from both taking the last one). Over the limit: the time (ms) when the next one may be minted.
 */
export async function mintShareToken(tx: Tx, kioskTokenId: string, storeId: string, nowMs: number, perHour: number): Promise<{ token: string; expiresAt: number } | { retryAtMs: number }> {
  await tx.lockKey(`share-tokens:${kioskTokenId}`);
  const recent = await tx.all<{ created_at: number }>('SELECT created_at FROM tokens WHERE issued_by = ? AND created_at > ? ORDER BY created_at', [kioskTokenId, nowMs - HOUR_MS]);
  if (recent.length >= perHour) return { retryAtMs: Number(recent[recent.length - perHour]!.created_at) + HOUR_MS };
  const expiresAt = nowMs + SHARE_TOKEN_TTL_MS;
  const { token } = await createToken(tx, 'share', storeId, 'share link', nowMs, expiresAt, kioskTokenId);
  return { token, expiresAt };
}

/** Deletes tokens that expired more than `graceMs` ago (their hashes serve no one). */
export async function purgeExpiredTokens(tx: Tx, nowMs: number, graceMs = 30 * 24 * 3600_000): Promise<number> {
  return tx.run('DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at < ?', [nowMs - graceMs]);
}

/** Revokes a token by id; returns whether it existed and was active. */
export async function revokeToken(tx: Tx, id: string, nowMs: number): Promise<boolean> {
  return (await tx.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [nowMs, id])) > 0;
}

/** Every token with its role, store and state (never the secret or its hash). */
export async function listTokens(tx: Tx) {
  return tx.all<{ id: string; role: Role; store_id: string | null; label: string; created_at: number; revoked_at: number | null }>(
    'SELECT id, role, store_id, label, created_at, revoked_at FROM tokens ORDER BY created_at',
  );
}

/** Resolves a bearer token to a principal, or null when unknown, revoked or expired. */
export async function findPrincipal(db: Db, token: string, nowMs: number): Promise<Principal | null> {
  const row = await db.transaction((tx) =>
    tx.get<{ id: string; role: Role; store_id: string | null }>(
      'SELECT id, role, store_id FROM tokens WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
      [secretHash(token), nowMs],
    ),
  );
  return row ? { tokenId: row.id, role: row.role, storeId: row.store_id } : null;
}

/** Issues a single-use pairing code for enrolling a kiosk in a store. */
export async function issuePairingCode(tx: Tx, storeId: string, nowMs: number): Promise<{ code: string; expiresAt: number }> {
  if (!(await storeExists(tx, storeId))) throw new Error(`unknown store ${storeId}`);
  const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const expiresAt = nowMs + PAIRING_CODE_TTL_MS;
  await tx.run('INSERT INTO pairing_codes (code_hash, store_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [secretHash(code), storeId, nowMs, expiresAt]);
  return { code, expiresAt };
}

/** Redeems a pairing code for a kiosk token; null if unknown, used or expired. */
export async function redeemPairingCode(tx: Tx, code: string, label: string, nowMs: number): Promise<{ token: string; storeId: string } | null> {
  const normalised = code.toUpperCase().replace(/[\s-]/g, '');
  const row = await tx.get<{ store_id: string }>(
    'UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING store_id',
    [nowMs, secretHash(normalised), nowMs],
  );
  if (!row) return null;
  const { token } = await createToken(tx, 'kiosk', row.store_id, label, nowMs);
  return { token, storeId: row.store_id };
}
