/** Reading leads for rep and manager views: list with filters, detail, CSV rows. */
import type { ConsentRecord, LeadDetail, LeadList, LeadSummary } from '../leads/api-schema.ts';
import type { Db, Tx } from './db.ts';
import { decrypt, phoneHash, type Keys } from './crypto.ts';

export type LeadFilter = {
  /** null: every store (manager without a store). */
  storeId: string | null;
  tag?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  phone?: string | undefined;
  /** Name search (substring, case-insensitive). Names are encrypted, so this decrypts every lead matching the other filters. */
  q?: string | undefined;
  limit: number;
  offset: number;
};

type LeadRow = { id: string; store_id: string; contact_enc: string; tags_json: string; created_at: number; last_interaction_at: number; interactions: number; first_contact_at: number | null };

type Contact = { name: string; phone: string; email?: string; preferredTime?: string };

/** `+86 138****5678`: enough for a rep to recognise a number in a list. */
export function maskPhone(e164: string): string {
  return e164.length > 8 ? `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}` : '****';
}

function summary(keys: Keys, row: LeadRow, contact = JSON.parse(decrypt(keys, row.contact_enc)) as Contact): LeadSummary {
  return {
    id: row.id,
    storeId: row.store_id,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    lastInteractionAt: new Date(Number(row.last_interaction_at)).toISOString(),
    interactions: Number(row.interactions),
    firstContactAt: row.first_contact_at === null ? null : new Date(Number(row.first_contact_at)).toISOString(),
    name: contact.name,
    phoneMasked: maskPhone(contact.phone),
    tags: JSON.parse(row.tags_json) as LeadSummary['tags'],
  };
}

function where(keys: Keys, f: LeadFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.storeId !== null) parts.push('store_id = ?') && params.push(f.storeId);
  if (f.tag) parts.push("tag_list LIKE ? ESCAPE '\\'") && params.push(`%|${f.tag.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`);
  if (f.fromMs !== undefined) parts.push('created_at >= ?') && params.push(f.fromMs);
  if (f.toMs !== undefined) parts.push('created_at < ?') && params.push(f.toMs);
  if (f.phone) parts.push('phone_hash = ?') && params.push(phoneHash(keys, f.phone));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Name search reads leads in chunks of this many, each in its own transaction (bounded memory; SQLite's writers wait only for one chunk). */
export const SEARCH_CHUNK = 2000;

/**
 * A page of leads, newest first, with decrypted names and masked phones. A name search (`q`) walks
 * every lead matching the other filters in keyset order (created_at DESC, id), so `total` is exact
 * however many leads there are; only the page is kept in memory.
 */
export async function listLeads(db: Db, keys: Keys, f: LeadFilter): Promise<LeadList> {
  const w = where(keys, f);
  if (f.q) {
    const needle = f.q.toLocaleLowerCase();
    const leads: LeadSummary[] = [];
    let total = 0;
    let after: LeadRow | undefined;
    for (;;) {
      // `created_at <= ?` on its own lets the (store_id, created_at) index narrow the range.
      const cursor = after ? [Number(after.created_at), Number(after.created_at), after.id] : [];
      const keyset = after ? `${w.sql ? `${w.sql} AND` : 'WHERE'} created_at <= ? AND (created_at < ? OR id > ?)` : w.sql;
      const rows = await db.transaction((tx) => tx.all<LeadRow>(`SELECT * FROM leads ${keyset} ORDER BY created_at DESC, id LIMIT ?`, [...w.params, ...cursor, SEARCH_CHUNK]));
      for (const row of rows) {
        const contact = JSON.parse(decrypt(keys, row.contact_enc)) as Contact;
        if (!contact.name.toLocaleLowerCase().includes(needle)) continue;
        if (total >= f.offset && leads.length < f.limit) leads.push(summary(keys, row, contact));
        total++;
      }
      if (rows.length < SEARCH_CHUNK) break;
      after = rows.at(-1);
    }
    return { total, leads };
  }
  return db.transaction(async (tx) => {
    const rows = await tx.all<LeadRow>(`SELECT * FROM leads ${w.sql} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`, [...w.params, f.limit, f.offset]);
    const total = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM leads ${w.sql}`, w.params);
    return { total: Number(total?.n ?? 0), leads: rows.map((r) => summary(keys, r)) };
  });
}

/** One lead with contact, interactions and consent history; null if absent or outside storeId. */
export async function getLead(tx: Tx, keys: Keys, id: string, storeId: string | null): Promise<LeadDetail | null> {
  const row = await tx.get<LeadRow>('SELECT * FROM leads WHERE id = ?', [id]);
  if (!row || (storeId !== null && row.store_id !== storeId)) return null;
  const interactions = await tx.all<{ id: string; kind: string; contact_enc: string | null; payload_json: string; created_at: number }>(
    "SELECT id, kind, contact_enc, payload_json, created_at FROM interactions WHERE lead_id = ? ORDER BY created_at, CASE kind WHEN 'first' THEN 0 ELSE 1 END, id",
    [id],
  );
  const consents = await tx.all<{ interaction_id: string; purpose: string; granted: number; text_version: string; given_at: string | null; recorded_at: number }>(
    'SELECT interaction_id, purpose, granted, text_version, given_at, recorded_at FROM consents WHERE lead_id = ? ORDER BY id',
    [id],
  );
  return {
    ...summary(keys, row),
    contact: JSON.parse(decrypt(keys, row.contact_enc)) as Contact,
    interactions: interactions.map((i) => ({
      id: i.id,
      kind: i.kind as 'first' | 'returning',
      at: new Date(Number(i.created_at)).toISOString(),
      contact: i.contact_enc ? (JSON.parse(decrypt(keys, i.contact_enc)) as Contact) : null,
      ...(JSON.parse(i.payload_json) as Omit<LeadDetail['interactions'][number], 'id' | 'kind' | 'at' | 'contact'>),
    })),
    consents: consents.map((c) => ({
      interactionId: c.interaction_id,
      purpose: c.purpose as ConsentRecord['purpose'],
      granted: Number(c.granted) === 1,
      textVersion: c.text_version,
      givenAt: c.given_at,
      recordedAt: new Date(Number(c.recorded_at)).toISOString(),
    })),
  };
}

/** Records a rep's first contact with the customer (for speed-to-lead); false if not visible. */
export async function markContacted(tx: Tx, id: string, storeId: string | null, nowMs: number): Promise<boolean> {
  const row = await tx.get<{ store_id: string }>('SELECT store_id FROM leads WHERE id = ?', [id]);
  if (!row || (storeId !== null && row.store_id !== storeId)) return false;
  await tx.run('UPDATE leads SET first_contact_at = COALESCE(first_contact_at, ?) WHERE id = ?', [nowMs, id]);
  return true;
}

const CSV_COLUMNS = ['id', 'store_id', 'created_at', 'name', 'phone', 'email', 'preferred_time', 'tags', 'interactions', 'first_contact_at'] as const;

/** An E.164 number (what the phone column holds): text a CRM import reads as a phone, not a formula to defuse. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * One CSV cell, quoted. A cell a spreadsheet would evaluate (starting with `= + - @`, tab or CR:
 * OWASP CSV injection) gets a leading `'`, except an E.164 phone number, which stays plain.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !E164.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** CSV export (RFC 4180, UTF-8 with BOM so Excel in zh-CN opens it correctly). */
export async function exportCsv(tx: Tx, keys: Keys, f: Omit<LeadFilter, 'limit' | 'offset'>): Promise<string> {
  const w = where(keys, { ...f, limit: 0, offset: 0 });
  const rows = await tx.all<LeadRow>(`SELECT * FROM leads ${w.sql} ORDER BY created_at, id`, w.params);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const c = JSON.parse(decrypt(keys, row.contact_enc)) as Contact;
    const tags = Object.values(JSON.parse(row.tags_json) as Record<string, string[]>).flat().join(' ');
    const first = row.first_contact_at === null ? '' : new Date(Number(row.first_contact_at)).toISOString();
    lines.push([row.id, row.store_id, new Date(Number(row.created_at)).toISOString(), c.name, c.phone, c.email, c.preferredTime, tags, row.interactions, first].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
