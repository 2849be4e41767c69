/**
 * Kiosk heartbeats: one row per kiosk token, replaced by each beat (kiosk_heartbeats, migration 5).
 * Booleans are 0/1 and times epoch milliseconds, as everywhere in the storage seam.
 */
import type { Heartbeat, KioskStatus } from '../leads/heartbeat-schema.ts';
import type { Tx } from './db.ts';

const COLUMNS = [
  'last_seen_at', 'app_version', 'screen', 'outbox_pending', 'outbox_failed', 'storage_persisted', 'storage_usage_bytes', 'storage_quota_bytes',
  'sw_registered', 'sw_offline_ready', 'sw_waiting', 'last_error_kind', 'last_error_message', 'last_error_at',
] as const;

const bit = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);

/** Stores a kiosk's beat as its one row (the previous beat's fields are replaced, none kept). */
export async function recordHeartbeat(tx: Tx, kioskId: string, storeId: string, beat: Heartbeat, nowMs: number): Promise<void> {
  const values = [
    nowMs, beat.version, beat.screen, beat.outbox?.pending ?? null, beat.outbox?.failed ?? null,
    bit(beat.storage?.persisted), beat.storage?.usageBytes ?? null, beat.storage?.quotaBytes ?? null,
    bit(beat.serviceWorker?.registered), bit(beat.serviceWorker?.offlineReady), bit(beat.serviceWorker?.waiting),
    beat.lastError?.kind ?? null, beat.lastError?.message ?? null, beat.lastError?.at ?? null,
  ];
  await tx.run(
    `INSERT INTO kiosk_heartbeats (kiosk_id, store_id, ${COLUMNS.join(', ')}) VALUES (?, ?, ${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (kiosk_id) DO UPDATE SET store_id = excluded.store_id, ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    [kioskId, storeId, ...values],
  );
}

type Row = { kiosk_id: string; store_id: string; label: string | null } & Record<(typeof COLUMNS)[number], unknown>;

const flag = (v: unknown) => Number(v) === 1;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Every kiosk that has sent a heartbeat with a token still in force, of one store or (null) of
 * every store, by store, label and id; `quiet` when its last beat is more than `quietAfterS` old.
 */
export async function listKiosks(tx: Tx, storeId: string | null, nowMs: number, quietAfterS: number): Promise<KioskStatus[]> {
  const rows = await tx.all<Row>(
    `SELECT h.kiosk_id, h.store_id, t.label, ${COLUMNS.map((c) => `h.${c}`).join(', ')}
     FROM kiosk_heartbeats h JOIN tokens t ON t.id = h.kiosk_id
     WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) ${storeId === null ? '' : 'AND h.store_id = ?'}`,
    storeId === null ? [nowMs] : [nowMs, storeId],
  );
  // Sorted here: SQLite and PostgreSQL order text (and NULLs) differently.
  const key = (r: Row) => [r.store_id, r.label ?? '', r.kiosk_id];
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const i = ka.findIndex((v, n) => v !== kb[n]);
    return i < 0 ? 0 : ka[i]! < kb[i]! ? -1 : 1;
  });
  return rows.map((r) => {
    const lastSeenMs = Number(r.last_seen_at);
    const secondsSince = Math.max(0, Math.floor((nowMs - lastSeenMs) / 1000));
    return {
      id: r.kiosk_id,
      storeId: r.store_id,
      label: r.label,
      lastSeenAt: new Date(lastSeenMs).toISOString(),
      secondsSince,
      quiet: secondsSince > quietAfterS,
      version: String(r.app_version),
      screen: String(r.screen),
      outbox: r.outbox_pending === null ? null : { pending: Number(r.outbox_pending), failed: Number(r.outbox_failed) },
      storage: r.storage_persisted === null ? null : { persisted: flag(r.storage_persisted), usageBytes: num(r.storage_usage_bytes), quotaBytes: num(r.storage_quota_bytes) },
      serviceWorker: r.sw_registered === null ? null : { registered: flag(r.sw_registered), offlineReady: flag(r.sw_offline_ready), waiting: flag(r.sw_waiting) },
      lastError: r.last_error_kind === null ? null : { kind: r.last_error_kind as 'error' | 'rejection', message: String(r.last_error_message), at: String(r.last_error_at) },
    };
  });
}
