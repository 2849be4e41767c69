/**
 * Schema migrations, run at start by every server instance and by the admin CLI. Each migration runs
 * once, inside a transaction holding a database-wide lock, so instances starting together on one
 * PostgreSQL database do not race. Append new migrations; never edit an applied one.
 */
import type { Db, Dialect } from './db.ts';

const MIGRATIONS: readonly string[] = [
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
      const sql = MIGRATIONS[v - 1]!.replaceAll('{{serial}}', SERIAL[db.dialect]);
      for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [v, nowMs]);
      ran++;
    }
    return ran;
  });
}
