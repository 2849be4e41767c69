/**
 * Schema migrations, run at start by every server instance and by the admin CLI. Each migration runs
 * once, inside a transaction holding a database-wide lock, so instances starting together on one
 * PostgreSQL database do not race. Append new migrations; never edit an applied one.
 */
import type { Db, Dialect } from './db.ts';

/** SQL run as is on both backends, or per dialect. `{{serial}}` and `{{now}}` (epoch ms) are filled in. */
type Migration = string | Readonly<Record<Dialect, string>>;

/**
 * Before the foreign keys (both backends): an erasure racing a returning customer's merge could
 * leave the merge's interaction (with its encrypted contact) behind, its consents unmarked and its
 * outbox row, and erasures left the lead id in its test-drive funnel events. Those interactions
 * go, their consents are marked erased (the proof stays), their idempotency rows become
 * tombstones (receipt kept, body hash gone), outbox rows of leads that no longer exist go (the
 * worker could only skip them), and funnel events of such leads get a random session id instead
 * (one per lead, so the day's count stays). A lead of a store that is not in `stores` gets its
 * store row (named by its id) rather than being deleted.
 */
const ORPHANS = `INSERT INTO stores (id, name, created_at) SELECT DISTINCT store_id, store_id, {{now}} FROM leads WHERE store_id NOT IN (SELECT id FROM stores);
   UPDATE consents SET lead_erased_at = {{now}}, erasure_reason = 'request' WHERE lead_erased_at IS NULL AND lead_id NOT IN (SELECT id FROM leads);
   UPDATE idempotency SET request_hash = 'erased:' || COALESCE((SELECT MIN(c.store_id) FROM consents c WHERE c.interaction_id = idempotency.key), '')
     WHERE key IN (SELECT id FROM interactions WHERE lead_id NOT IN (SELECT id FROM leads));
   DELETE FROM interactions WHERE lead_id NOT IN (SELECT id FROM leads);
   DELETE FROM crm_outbox WHERE lead_id NOT IN (SELECT id FROM leads)`;
/** A random id per lead id that is no longer a lead, for its test-drive funnel events. */
const FUNNEL_ORPHANS = (randomId: string) => `CREATE TEMPORARY TABLE erased_sessions AS SELECT old_id, ${randomId} AS new_id
     FROM (SELECT DISTINCT session_id AS old_id FROM funnel_events WHERE type = 'test_drive_booked' AND session_id NOT IN (SELECT id FROM leads)) AS gone;
   UPDATE funnel_events SET session_id = (SELECT new_id FROM erased_sessions WHERE old_id = funnel_events.session_id)
     WHERE type = 'test_drive_booked' AND session_id IN (SELECT old_id FROM erased_sessions);
   DROP TABLE erased_sessions`;
/** Indexes and the lead.erased payload column, both backends. */
const ERASURE_COLUMNS = `ALTER TABLE crm_outbox ADD COLUMN payload_json TEXT;
   CREATE INDEX crm_outbox_lead ON crm_outbox (lead_id);
   CREATE INDEX funnel_session ON funnel_events (session_id)`;

export const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE stores (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, store_id TEXT,
     label TEXT, created_at BIGINT NOT NULL, revoked_at BIGINT);
   CREATE TABLE pairing_codes (
     code_hash TEXT PRIMARY KEY, store_id TEXT NOT NULL, created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL, used_at BIGINT);
   CREATE TABLE leads (
     id TEXT PRIMARY KEY, store_id TEXT NOT NULL, phone_hash TEXT NOT NULL, contact_enc TEXT NOT NULL,
     tags_json TEXT NOT NULL, tag_list TEXT NOT NULL, created_at BIGINT NOT NULL, last_interaction_at BIGINT NOT NULL,
     interactions INTEGER NOT NULL, first_contact_at BIGINT);
   CREATE INDEX leads_phone ON leads (phone_hash, store_id, created_at);
   CREATE INDEX leads_store_time ON leads (store_id, created_at);
   CREATE INDEX leads_last ON leads (last_interaction_at);
   CREATE TABLE interactions (
     id TEXT PRIMARY KEY, lead_id TEXT NOT NULL, kind TEXT NOT NULL, contact_enc TEXT,
     payload_json TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE INDEX interactions_lead ON interactions (lead_id);
   CREATE TABLE consents (
     id {{serial}}, lead_id TEXT NOT NULL, interaction_id TEXT NOT NULL, store_id TEXT NOT NULL,
     phone_hash TEXT, purpose TEXT NOT NULL, granted INTEGER NOT NULL, text_version TEXT NOT NULL,
     given_at TEXT, recorded_at BIGINT NOT NULL, lead_erased_at BIGINT, erasure_reason TEXT);
   CREATE INDEX consents_lead ON consents (lead_id);
   CREATE TABLE idempotency (
     key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
     response_json TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE funnel_events (
     id TEXT PRIMARY KEY, session_id TEXT NOT NULL, store_id TEXT NOT NULL, type TEXT NOT NULL,
     day TEXT NOT NULL, at TEXT NOT NULL, received_at BIGINT NOT NULL);
   CREATE INDEX funnel_day ON funnel_events (store_id, day);
   CREATE TABLE crm_outbox (
     id {{serial}}, lead_id TEXT NOT NULL, interaction_id TEXT NOT NULL, event TEXT NOT NULL,
     state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL,
     locked_until BIGINT, last_error TEXT, created_at BIGINT NOT NULL, sent_at BIGINT);
   CREATE INDEX crm_outbox_due ON crm_outbox (state, next_attempt_at);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: tokens that expire (the create-only token a plan's share link carries to a customer's phone).
  `ALTER TABLE tokens ADD COLUMN expires_at BIGINT`,
  // 3: share-link tokens get their own role (create leads and events only), and each records the
  // kiosk token that minted it, so minting can be limited per kiosk per hour.
  `ALTER TABLE tokens ADD COLUMN issued_by TEXT;
   UPDATE tokens SET role = 'share' WHERE role = 'kiosk' AND expires_at IS NOT NULL;
   CREATE INDEX tokens_issued_by ON tokens (issued_by, created_at)`,
  // 4: erasure reaches everywhere: orphans of the old erasure/merge race removed (ORPHANS), then foreign
  // keys that make an orphaned contact impossible: interactions -> leads (ON DELETE CASCADE), leads ->
  // stores. Consents and crm_outbox reference no lead: consents are kept as proof after an erasure, and
  // a lead.erased delivery outlives its lead (it carries its own payload_json). SQLite cannot add a
  // constraint to a table: leads and interactions are rebuilt (create, copy, drop, rename, indexes).
  {
    sqlite: `${ORPHANS};
   ${FUNNEL_ORPHANS('lower(hex(randomblob(16)))')};
   CREATE TABLE leads_new (
     id TEXT PRIMARY KEY, store_id TEXT NOT NULL REFERENCES stores (id), phone_hash TEXT NOT NULL, contact_enc TEXT NOT NULL,
     tags_json TEXT NOT NULL, tag_list TEXT NOT NULL, created_at BIGINT NOT NULL, last_interaction_at BIGINT NOT NULL,
     interactions INTEGER NOT NULL, first_contact_at BIGINT);
   INSERT INTO leads_new (id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions, first_contact_at)
     SELECT id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions, first_contact_at FROM leads;
   DROP TABLE leads;
   ALTER TABLE leads_new RENAME TO leads;
   CREATE INDEX leads_phone ON leads (phone_hash, store_id, created_at);
   CREATE INDEX leads_store_time ON leads (store_id, created_at);
   CREATE INDEX leads_last ON leads (last_interaction_at);
   CREATE TABLE interactions_new (
     id TEXT PRIMARY KEY, lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE, kind TEXT NOT NULL, contact_enc TEXT,
     payload_json TEXT NOT NULL, created_at BIGINT NOT NULL);
   INSERT INTO interactions_new (id, lead_id, kind, contact_enc, payload_json, created_at) SELECT id, lead_id, kind, contact_enc, payload_json, created_at FROM interactions;
   DROP TABLE interactions;
   ALTER TABLE interactions_new RENAME TO interactions;
   CREATE INDEX interactions_lead ON interactions (lead_id);
   ${ERASURE_COLUMNS}`,
    postgres: `${ORPHANS};
   ${FUNNEL_ORPHANS('md5(random()::text || clock_timestamp()::text)')};
   ALTER TABLE leads ADD CONSTRAINT leads_store_fk FOREIGN KEY (store_id) REFERENCES stores (id);
   ALTER TABLE interactions ADD CONSTRAINT interactions_lead_fk FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE;
   ${ERASURE_COLUMNS}`,
  },
  // 5: each kiosk's last heartbeat, one row per kiosk token (upserted every minute). The row goes
  // with its token (a purged token takes it along); a revoked token's row is no longer listed.
  `CREATE TABLE kiosk_heartbeats (
     kiosk_id TEXT PRIMARY KEY REFERENCES tokens (id) ON DELETE CASCADE, store_id TEXT NOT NULL REFERENCES stores (id),
     last_seen_at BIGINT NOT NULL, app_version TEXT NOT NULL, screen TEXT NOT NULL,
     outbox_pending INTEGER, outbox_failed INTEGER,
     storage_persisted INTEGER, storage_usage_bytes BIGINT, storage_quota_bytes BIGINT,
     sw_registered INTEGER, sw_offline_ready INTEGER, sw_waiting INTEGER,
     last_error_kind TEXT, last_error_message TEXT, last_error_at TEXT);
   CREATE INDEX kiosk_heartbeats_store ON kiosk_heartbeats (store_id)`,
];

const SERIAL: Record<Dialect, string> = { sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT', postgres: 'BIGSERIAL PRIMARY KEY' };

/** Applies pending migrations up to version `upTo` (default: all; tests stop earlier to build an old database); returns how many ran. */
export async function migrate(db: Db, nowMs: number, upTo = MIGRATIONS.length): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.lockKey('showroom-twin:migrations');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const row = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = Number(row?.v ?? 0);
    let ran = 0;
    for (let v = current + 1; v <= Math.min(upTo, MIGRATIONS.length); v++) {
      const m = MIGRATIONS[v - 1]!;
      const sql = (typeof m === 'string' ? m : m[db.dialect]).replaceAll('{{serial}}', SERIAL[db.dialect]).replaceAll('{{now}}', String(Math.trunc(nowMs)));
      for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [v, nowMs]);
      ran++;
    }
    return ran;
  });
}
