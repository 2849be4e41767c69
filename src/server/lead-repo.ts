/**
 * Writing leads: idempotent create, merge of a returning customer, consent records and the CRM
 * outbox row, all in one transaction so a lead is never stored without its consent or its outbox
 * entry (transactional outbox).
 */
import type { LeadReceipt } from '../leads/api-schema.ts';
import type { Lead } from '../leads/lead-schema.ts';
import type { Tx } from './db.ts';
import { encrypt, IDEMPOTENCY_HASH_PREFIX, idempotencyHash, legacyIdempotencyHash, phoneHash, safeEqual, type Keys } from './crypto.ts';
import { HttpError } from './errors.ts';

/** A second lead with the same phone in the same store within this window merges into the first. */
export const MERGE_WINDOW_MS = 30 * 24 * 3600_000;

/** The receipt (ids only, no personal data) is stored for replays. */
export type CreateOutcome = { status: 200 | 201; body: LeadReceipt; replayed: boolean };

const CONSENT_PURPOSES = [
  ['contact', 'contact'],
  ['marketing', 'marketing'],
  ['tag_marketing', 'tagMarketing'],
  ['share_with_maker', 'shareWithMaker'],
  ['cross_border_crm', 'crossBorderCrm'],
] as const;

/** `|a|b|` so a tag filter is a LIKE on a delimited list. */
export function tagList(tags: Lead['tags']): string {
  const all = [...(tags?.needs ?? []), ...(tags?.behaviour ?? []), ...(tags?.value ?? [])];
  return `|${[...new Set(all)].join('|')}|`;
}

function mergeTags(a: Lead['tags'], b: Lead['tags']): NonNullable<Lead['tags']> {
  const union = (x?: string[], y?: string[]) => [...new Set([...(x ?? []), ...(y ?? [])])];
  return { needs: union(a?.needs, b?.needs), behaviour: union(a?.behaviour, b?.behaviour), value: union(a?.value, b?.value) };
}

type IdempotencyRow = { request_hash: string; status: number; response_json: string };

/** Whether a stored idempotency row was written by this store with this body. */
async function isSameRequest(tx: Tx, keys: Keys, storeId: string, lead: Lead, row: IdempotencyRow): Promise<boolean> {
  if (row.request_hash.startsWith(IDEMPOTENCY_HASH_PREFIX)) return safeEqual(row.request_hash, idempotencyHash(keys, storeId, lead));
  // Written before the hash covered the store: the legacy hash, and the lead it names (if it still exists) is this store's.
  if (!safeEqual(row.request_hash, legacyIdempotencyHash(keys, lead))) return false;
  const owner = await tx.get<{ store_id: string }>('SELECT store_id FROM leads WHERE id = ?', [(JSON.parse(row.response_json) as LeadReceipt).id]);
  return owner === undefined || owner.store_id === storeId;
}

/**
 * Stores a validated lead for `storeId`. The lead id is the idempotency key: the same id with the
 * same body from the same store replays the first answer; another body or another store is a 422.
 * `crm` says whether an outbox row is written for the CRM worker.
 */
export async function createLead(tx: Tx, keys: Keys, storeId: string, lead: Lead, nowMs: number, crm: boolean): Promise<CreateOutcome> {
  if (!(await tx.tryLockKey(`lead:${lead.id}`))) throw new HttpError(409, 'in_flight', 'a request with this lead id is still being processed; retry later');
  const previous = await tx.get<IdempotencyRow>('SELECT request_hash, status, response_json FROM idempotency WHERE key = ?', [lead.id]);
  if (previous) {
    if (!(await isSameRequest(tx, keys, storeId, lead, previous))) throw new HttpError(422, 'idempotency_mismatch', 'this lead id was already used with a different body or by another store');
    return { status: previous.status as 200 | 201, body: JSON.parse(previous.response_json) as LeadReceipt, replayed: true };
  }
  const hash = phoneHash(keys, lead.contact.phone);
  await tx.lockKey(`phone:${storeId}:${hash}`);
  const existing = await tx.get<{ id: string; tags_json: string }>(
    'SELECT id, tags_json FROM leads WHERE phone_hash = ? AND store_id = ? AND created_at >= ? ORDER BY created_at DESC LIMIT 1',
    [hash, storeId, nowMs - MERGE_WINDOW_MS],
  );
  const contactEnc = encrypt(keys, JSON.stringify(lead.contact));
  const payload = JSON.stringify({ answers: lead.answers, plan: lead.plan, tags: lead.tags, events: lead.events, capturedAt: lead.capturedAt, consent: lead.consent });
  const receipt: LeadReceipt = existing ? { id: existing.id, interactionId: lead.id, merged: true } : { id: lead.id, interactionId: lead.id, merged: false };
  const status = existing ? 200 : 201;
  const tags = mergeTags(existing ? (JSON.parse(existing.tags_json) as Lead['tags']) : undefined, lead.tags);
  const consentRows = CONSENT_PURPOSES.map(([purpose, field]) => [
    receipt.id, lead.id, storeId, hash, purpose, lead.consent[field] === true ? 1 : 0, lead.consent.textVersion, lead.consent.givenAt ?? null, nowMs,
  ]);
  const writes: [string, unknown[]][] = [
    existing
      ? ['UPDATE leads SET tags_json = ?, tag_list = ?, last_interaction_at = ?, interactions = interactions + 1, contact_enc = ? WHERE id = ?', [JSON.stringify(tags), tagList(tags), nowMs, contactEnc, existing.id]]
      : [
          'INSERT INTO leads (id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)',
          [lead.id, storeId, hash, contactEnc, JSON.stringify(tags), tagList(tags), nowMs, nowMs],
        ],
    ['INSERT INTO interactions (id, lead_id, kind, contact_enc, payload_json, created_at) VALUES (?, ?, ?, ?, ?, ?)', [lead.id, receipt.id, existing ? 'returning' : 'first', contactEnc, payload, nowMs]],
    [
      `INSERT INTO consents (lead_id, interaction_id, store_id, phone_hash, purpose, granted, text_version, given_at, recorded_at) VALUES ${consentRows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      consentRows.flat(),
    ],
    ['INSERT INTO idempotency (key, request_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, ?)', [lead.id, idempotencyHash(keys, storeId, lead), status, JSON.stringify(receipt), nowMs]],
  ];
  if (crm) {
    writes.push([
      "INSERT INTO crm_outbox (lead_id, interaction_id, event, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)",
      [receipt.id, lead.id, existing ? 'lead.merged' : 'lead.created', nowMs, nowMs],
    ]);
  }
  await tx.batch(writes);
  return { status, body: receipt, replayed: false };
}

/**
 * Erases a lead: its contact details, interactions and pending CRM deliveries go; the consent
 * records stay, marked with the erasure time and reason, as proof (PIPL art. 47, GDPR art. 17(3)(e)).
 */
export async function eraseLead(tx: Tx, leadId: string, reason: 'request' | 'retention', nowMs: number): Promise<boolean> {
  await tx.run('DELETE FROM interactions WHERE lead_id = ?', [leadId]);
  await tx.run('DELETE FROM crm_outbox WHERE lead_id = ?', [leadId]);
  await tx.run('UPDATE consents SET lead_erased_at = ?, erasure_reason = ? WHERE lead_id = ? AND lead_erased_at IS NULL', [nowMs, reason, leadId]);
  return (await tx.run('DELETE FROM leads WHERE id = ?', [leadId])) > 0;
}

/** Erases every lead with this phone number (in one store, or all when storeId is null). */
export async function eraseByPhone(tx: Tx, keys: Keys, e164: string, storeId: string | null, nowMs: number): Promise<number> {
  const hash = phoneHash(keys, e164);
  const rows = storeId
    ? await tx.all<{ id: string }>('SELECT id FROM leads WHERE phone_hash = ? AND store_id = ?', [hash, storeId])
    : await tx.all<{ id: string }>('SELECT id FROM leads WHERE phone_hash = ?', [hash]);
  for (const row of rows) await eraseLead(tx, row.id, 'request', nowMs);
  return rows.length;
}

/**
 * Purges leads whose last interaction is older than `retentionMs`; returns how many. Consent records
 * of erased leads are kept `consentProofMs` after the erasure (default 3 years, a limitation period),
 * then deleted too.
 */
export async function purgeExpired(tx: Tx, retentionMs: number, nowMs: number, consentProofMs = 3 * 365 * 24 * 3600_000): Promise<number> {
  const cutoff = nowMs - retentionMs;
  await tx.run('DELETE FROM consents WHERE lead_erased_at IS NOT NULL AND lead_erased_at < ?', [nowMs - consentProofMs]);
  const rows = await tx.all<{ id: string }>('SELECT id FROM leads WHERE last_interaction_at < ?', [cutoff]);
  for (const row of rows) await eraseLead(tx, row.id, 'retention', nowMs);
  await tx.run('DELETE FROM idempotency WHERE created_at < ?', [cutoff]);
  await tx.run("DELETE FROM crm_outbox WHERE state = 'sent' AND sent_at < ?", [cutoff]);
  return rows.length;
}
