/**
 * Migrations on both backends. The erasure migration (intended as number 4) removes what the old
 * erasure/merge race left behind, then adds the foreign keys that make an orphaned contact impossible.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encrypt } from '../../src/server/crypto.ts';
import { migrate, MIGRATIONS } from '../../src/server/migrations.ts';
import { BACKENDS, keys, openTestDb, T0, type TestDb } from './helpers.ts';

/** The erasure migration (the heartbeats' table came after it). */
const ERASURE_VERSION = 4;

describe.each(BACKENDS)('erasure migration (%s)', (backend) => {
  let t: TestDb;
  const kept = randomUUID();
  const erased = randomUUID();
  const orphan = randomUUID();
  const storeless = randomUUID();
  beforeAll(async () => {
    t = await openTestDb(backend);
    await migrate(t.db, T0, ERASURE_VERSION - 1);
    await t.db.transaction(async (tx) => {
      await tx.run("INSERT INTO stores (id, name, created_at) VALUES ('store-a', 'A', ?)", [T0]);
      const leadRow = (id: string, store: string) => tx.run(
        "INSERT INTO leads (id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions) VALUES (?, ?, 'h', ?, '{}', '||', ?, ?, 1)",
        [id, store, encrypt(keys, '{"name":"x","phone":"+8613800000000"}'), T0, T0],
      );
      await leadRow(kept, 'store-a');
      await leadRow(storeless, 'store-gone');
      // What the race left: a merge's interaction, consents, idempotency and outbox rows for `erased`, a lead that is gone.
      for (const [id, leadId] of [[kept, kept], [orphan, erased]] as const) {
        await tx.run("INSERT INTO interactions (id, lead_id, kind, contact_enc, payload_json, created_at) VALUES (?, ?, 'first', ?, '{}', ?)", [id, leadId, encrypt(keys, '{}'), T0]);
        await tx.run("INSERT INTO consents (lead_id, interaction_id, store_id, phone_hash, purpose, granted, text_version, recorded_at) VALUES (?, ?, 'store-a', 'h', 'contact', 1, 'v1', ?)", [leadId, id, T0]);
        await tx.run('INSERT INTO idempotency (key, request_hash, status, response_json, created_at) VALUES (?, ?, 200, ?, ?)', [id, 'body-hash', JSON.stringify({ id: leadId, interactionId: id, merged: leadId !== id }), T0]);
        await tx.run("INSERT INTO crm_outbox (lead_id, interaction_id, event, state, attempts, next_attempt_at, created_at) VALUES (?, ?, 'lead.merged', 'pending', 0, ?, ?)", [leadId, id, T0, T0]);
      }
      // Two test drives of the erased lead on one day, one of the kept lead.
      for (const [id, session] of [[randomUUID(), erased], [randomUUID(), erased], [randomUUID(), kept]]) {
        await tx.run("INSERT INTO funnel_events (id, session_id, store_id, type, day, at, received_at) VALUES (?, ?, 'store-a', 'test_drive_booked', '2026-05-01', '2026-05-01T02:00:00Z', ?)", [id, session, T0]);
      }
    });
    expect(await migrate(t.db, T0 + 1000)).toBe(MIGRATIONS.length - ERASURE_VERSION + 1);
  });
  afterAll(() => t.cleanup());

  const all = <T>(sql: string, params: unknown[] = []) => t.db.transaction((tx) => tx.all<T>(sql, params));

  it('removes the orphans the old race left, keeping consent proof (marked) and the receipt (tombstoned)', async () => {
    expect(await all('SELECT id FROM interactions ORDER BY id')).toEqual([{ id: kept }]);
    expect((await all<{ lead_id: string; e: number | null; r: string | null }>('SELECT lead_id, lead_erased_at AS e, erasure_reason AS r FROM consents ORDER BY id')).map((c) => ({ ...c, e: c.e === null ? null : Number(c.e) }))).toEqual([
      { lead_id: kept, e: null, r: null },
      { lead_id: erased, e: T0 + 1000, r: 'request' },
    ]);
    expect(await all('SELECT key, request_hash FROM idempotency ORDER BY request_hash')).toEqual([{ key: kept, request_hash: 'body-hash' }, { key: orphan, request_hash: 'erased:store-a' }]);
    expect(await all('SELECT lead_id FROM crm_outbox')).toEqual([{ lead_id: kept }]);
    const sessions = await all<{ session_id: string }>("SELECT session_id FROM funnel_events WHERE type = 'test_drive_booked' ORDER BY session_id");
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.session_id === kept)).toHaveLength(1);
    const others = sessions.filter((s) => s.session_id !== kept).map((s) => s.session_id);
    expect(others).not.toContain(erased);
    expect(new Set(others).size).toBe(1); // one random id per erased lead: the day still counts one booking
    expect(await all("SELECT id, name FROM stores WHERE id = 'store-gone'")).toEqual([{ id: 'store-gone', name: 'store-gone' }]);
    expect(await all('SELECT id FROM leads ORDER BY id')).toEqual([{ id: kept }, { id: storeless }].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('makes an interaction without its lead, or a lead without its store, impossible', async () => {
    const orphanInteraction = t.db.transaction((tx) => tx.run("INSERT INTO interactions (id, lead_id, kind, payload_json, created_at) VALUES (?, ?, 'first', '{}', 0)", [randomUUID(), randomUUID()]));
    await expect(orphanInteraction).rejects.toThrow(/foreign key/i);
    const storelessLead = t.db.transaction((tx) => tx.run("INSERT INTO leads (id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions) VALUES (?, 'nowhere', 'h', 'c', '{}', '||', 0, 0, 1)", [randomUUID()]));
    await expect(storelessLead).rejects.toThrow(/foreign key/i);
    // Deleting a lead takes its interactions with it; consents and outbox rows outlive it.
    await t.db.transaction((tx) => tx.run('DELETE FROM leads WHERE id = ?', [kept]));
    expect(await all('SELECT id FROM interactions WHERE lead_id = ?', [kept])).toEqual([]);
    expect(await all('SELECT lead_id FROM consents WHERE lead_id = ?', [kept])).toHaveLength(1);
    expect(await all('SELECT lead_id FROM crm_outbox WHERE lead_id = ?', [kept])).toHaveLength(1);
  });

  it('keeps the indexes the queries use', async () => {
    const names = backend === 'sqlite'
      ? await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      : await all<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname");
    expect(names.map((n) => n.name)).toEqual(['consents_lead', 'crm_outbox_due', 'crm_outbox_lead', 'funnel_day', 'funnel_session', 'interactions_lead', 'kiosk_heartbeats_store', 'leads_last', 'leads_phone', 'leads_store_time', 'tokens_issued_by']);
  });
});
