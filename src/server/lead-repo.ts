/**
 * Writing leads: idempotent create, merge of a returning customer, consent records and the CRM
 * outbox row, all in one transaction so a lead is never stored without its consent or its outbox
 * entry (transactional outbox).
 */
import { randomUUID } from 'node:crypto';
import type { LeadReceipt } from '../leads/api-schema.ts';
import type { Lead } from '../leads/lead-schema.ts';
import { OUTBOX_MAX_AGE_MS } from '../leads/outbox-limits.ts';
import type { Tx } from './db.ts';
import { encrypt, IDEMPOTENCY_HASH_PREFIX, idempotencyHash, legacyIdempotencyHash, phoneHash, safeEqual, type Keys } from './crypto.ts';
import { CLAIM_LEASE_MS, type LeadErasedBody } from './crm-worker.ts';
import { HttpError } from './errors.ts';

/** A second lead with the same phone in the same store within this window merges into the first. */
export const MERGE_WINDOW_MS = 30 * 24 * 3600_000;

/**
 * The lock a returning customer's merge holds while it adds to a lead, and an erasure of that
 * lead takes too, so neither sees the other half done (PostgreSQL advisory lock; SQLite serialises).
 */
export function phoneLockKey(storeId: string, phoneHash: string): string {
  return `phone:${storeId}:${phoneHash}`;
}

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

/** An outbox's longest wait, and a day for a kiosk whose clock runs behind. */
export const IDEMPOTENCY_KEPT_MIN_MS = OUTBOX_MAX_AGE_MS + 24 * 3600_000;

/** What an erased lead's idempotency rows hold instead of the body hash: only the store. */
const erasedMarker = (storeId: string) => `erased:${storeId}`;

/** Whether a stored idempotency row was written by this store with this body (an erased one: by this store). */
async function isSameRequest(tx: Tx, keys: Keys, storeId: string, lead: Lead, row: IdempotencyRow): Promise<boolean> {
  if (row.request_hash.startsWith(erasedMarker(''))) return row.request_hash === erasedMarker(storeId);
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
  await tx.lockKey(phoneLockKey(storeId, hash));
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

export type ErasureReason = LeadErasedBody['reason'];

/**
 * A lead.erased delivery is due this long after the erasure: after the lease of any delivery of the
 * lead that another instance claimed just before (plus 5 s for clocks), so the CRM gets that one first.
 */
export const ERASED_DELIVERY_DELAY_MS = CLAIM_LEASE_MS + 5_000;

/** Whether a delivery of the lead may have reached the CRM: sent, in flight (claimed) or attempted; not skipped. */
const REACHED_CRM = "SELECT 1 AS x FROM crm_outbox WHERE lead_id = ? AND event <> 'lead.erased' AND (state = 'sent' OR (state <> 'skipped' AND (attempts > 0 OR locked_until IS NOT NULL)))";

/**
 * Erases a lead: its contact details, interactions and CRM deliveries go; the consent records stay,
 * marked with the erasure time and reason, as proof (PIPL art. 47, GDPR art. 17(3)(e)). With `crm`
 * (forwarding enabled), a lead whose data may have reached the CRM gets a lead.erased delivery
 * (ids only) so the CRM deletes its copy.
 * Takes the lead's merge lock first (see phoneLockKey) when a merge could still reach it; a lead
 * created more than MERGE_WINDOW_MS (plus a day for clocks) ago is no merge target, so a purge of
 * many old leads does not fill PostgreSQL's lock table.
 */
export async function eraseLead(tx: Tx, leadId: string, reason: ErasureReason, nowMs: number, crm: boolean): Promise<boolean> {
  const lead = await tx.get<{ store_id: string; phone_hash: string; created_at: number }>('SELECT store_id, phone_hash, created_at FROM leads WHERE id = ?', [leadId]);
  if (!lead) return false;
  if (Number(lead.created_at) >= nowMs - MERGE_WINDOW_MS - 24 * 3600_000) {
    await tx.lockKey(phoneLockKey(lead.store_id, lead.phone_hash));
    // A merge that held the lock has committed by now: the statements below see its interaction.
    if (!(await tx.get('SELECT 1 AS x FROM leads WHERE id = ?', [leadId]))) return false;
  }
  const interactionIds = (await tx.all<{ id: string }>('SELECT id FROM interactions WHERE lead_id = ? ORDER BY created_at, id', [leadId])).map((r) => r.id);
  const reached = crm && (await tx.get(REACHED_CRM, [leadId])) !== undefined;
  // The idempotency rows keep the receipt (ids only) so a kiosk's resend is replayed, not stored again,
  // but their keyed hash of the body (a function of the contact) becomes a tombstone naming the store.
  await tx.run('UPDATE idempotency SET request_hash = ? WHERE key IN (SELECT id FROM interactions WHERE lead_id = ?)', [erasedMarker(lead.store_id), leadId]);
  await tx.run('DELETE FROM interactions WHERE lead_id = ?', [leadId]);
  await tx.run('DELETE FROM crm_outbox WHERE lead_id = ?', [leadId]);
  // The lead id stood in for a session in its test-drive events: one random id instead keeps each day's count.
  await tx.run("UPDATE funnel_events SET session_id = ? WHERE type = 'test_drive_booked' AND session_id = ?", [randomUUID(), leadId]);
  await tx.run('UPDATE consents SET lead_erased_at = ?, erasure_reason = ? WHERE lead_id = ? AND lead_erased_at IS NULL', [nowMs, reason, leadId]);
  tx.checkpointAfterCommit();
  if (reached) {
    const body: LeadErasedBody = { leadId, interactionIds, storeId: lead.store_id, erasedAt: new Date(nowMs).toISOString(), reason };
    await tx.run("INSERT INTO crm_outbox (lead_id, interaction_id, event, state, attempts, next_attempt_at, created_at, payload_json) VALUES (?, ?, 'lead.erased', 'pending', 0, ?, ?, ?)", [
      leadId, leadId, nowMs + ERASED_DELIVERY_DELAY_MS, nowMs, JSON.stringify(body),
    ]);
  }
  return (await tx.run('DELETE FROM leads WHERE id = ?', [leadId])) > 0;
}

/**
 * Erases every lead with this phone number (in one store, or all when storeId is null). The merge
 * lock of each store is taken (in order, so two erasures cannot deadlock) before the leads are
 * looked up again, so a lead a merge or a new lead committed meanwhile is erased too.
 */
export async function eraseByPhone(tx: Tx, keys: Keys, e164: string, storeId: string | null, nowMs: number, crm: boolean): Promise<number> {
  const hash = phoneHash(keys, e164);
  const find = () =>
    storeId
      ? tx.all<{ id: string; store_id: string }>('SELECT id, store_id FROM leads WHERE phone_hash = ? AND store_id = ?', [hash, storeId])
      : tx.all<{ id: string; store_id: string }>('SELECT id, store_id FROM leads WHERE phone_hash = ?', [hash]);
  const stores = [...new Set((await find()).map((r) => r.store_id))].sort();
  for (const store of stores) await tx.lockKey(phoneLockKey(store, hash));
  let erased = 0;
  for (const row of await find()) if (await eraseLead(tx, row.id, 'request', nowMs, crm)) erased++;
  return erased;
}

/**
 * Purges leads whose last interaction is older than `retentionMs`; returns how many. Consent records
 * of erased leads are kept `consentProofMs` after the erasure (default 3 years, a limitation period),
 * then deleted too. `crm`: as for eraseLead. A sent delivery's row is kept while its lead exists
 * (it is how an erasure knows the CRM has a copy), and deleted with the others after that.
 */
export async function purgeExpired(tx: Tx, retentionMs: number, nowMs: number, consentProofMs = 3 * 365 * 24 * 3600_000, crm = false): Promise<number> {
  const cutoff = nowMs - retentionMs;
  await tx.run('DELETE FROM consents WHERE lead_erased_at IS NOT NULL AND lead_erased_at < ?', [nowMs - consentProofMs]);
  const rows = await tx.all<{ id: string }>('SELECT id FROM leads WHERE last_interaction_at < ?', [cutoff]);
  for (const row of rows) await eraseLead(tx, row.id, 'retention', nowMs, crm);
  // A kiosk may resend a lead until its outbox gives it up: its id (a tombstone, once erased) is
  // remembered at least that long, whatever the retention, so a resend is never stored again.
  await tx.run('DELETE FROM idempotency WHERE created_at < ?', [Math.min(cutoff, nowMs - IDEMPOTENCY_KEPT_MIN_MS)]);
  await tx.run("DELETE FROM crm_outbox WHERE state = 'sent' AND sent_at < ? AND NOT EXISTS (SELECT 1 FROM leads WHERE leads.id = crm_outbox.lead_id)", [cutoff]);
  return rows.length;
}
