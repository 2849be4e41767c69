/**
 * CRM forwarding: drains the crm_outbox table to a webhook. Each delivery is a JSON POST signed with
 * HMAC-SHA256 (`x-showroom-signature: t=<unix s>,v1=<hex>` over `${t}.${body}`), carrying the outbox
 * id in `x-showroom-delivery` so the receiver can drop duplicates (delivery is at least once).
 * Failures retry with exponential backoff and jitter; after `maxAttempts` a row goes to `dead` and
 * waits for `npm run admin -- outbox replay`. Rows are claimed with a lease so several instances can
 * run workers on one database.
 */
import type { Db } from './db.ts';
import { backoffDelayMs } from '../leads/backoff.ts';
import { decrypt, webhookSignature, type Keys } from './crypto.ts';

export type CrmWorkerOptions = {
  db: Db;
  keys: Keys;
  url: string;
  secret: string;
  now?: () => number;
  /** Uniform [0, 1) source for jitter. */
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  /** Leads whose customer refused cross-border storage are not sent when the CRM is outside mainland China. */
  crmOutsideMainland?: boolean;
  fetch?: typeof fetch;
  /** Where failed deliveries and failed runs are reported (main.ts passes the app's pino logger). */
  logger?: CrmLogger;
};

/**
 * The part of a pino logger the worker uses. Lines carry ids, the event, the attempt and the
 * reason (`HTTP 503`, `timeout`, `network error`) or an error's name and code: never a payload, a
 * contact, the webhook URL (its query may hold a key) or an error message (it may quote either).
 */
export type CrmLogger = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const SILENT: CrmLogger = { warn: () => undefined, error: () => undefined };

export type RunResult = { sent: number; failed: number; dead: number; skipped: number };
type OutboxRow = { id: number; lead_id: string; interaction_id: string; event: string; attempts: number; payload_json: string | null };

/** A claimed row is leased this long; a delivery (10 s timeout) ends well within it. */
export const CLAIM_LEASE_MS = 60_000;

/**
 * What an outbox row of a `lead.erased` event stores (the lead row is gone by the time the worker
 * runs): ids, the store, when and why. No personal data.
 */
export type LeadErasedBody = { leadId: string; interactionIds: string[]; storeId: string; erasedAt: string; reason: 'request' | 'retention' };

/** Backoff for CRM deliveries (see backoffDelayMs). */
export const backoffMs = backoffDelayMs;

/** Builds the webhook payload of a lead.created or lead.merged row; null if the lead is gone (erased). */
export async function crmPayload(db: Db, keys: Keys, row: OutboxRow) {
  return db.transaction(async (tx) => {
    const lead = await tx.get<{ id: string; store_id: string; tags_json: string; created_at: number }>('SELECT id, store_id, tags_json, created_at FROM leads WHERE id = ?', [row.lead_id]);
    const interaction = await tx.get<{ contact_enc: string; payload_json: string; created_at: number }>('SELECT contact_enc, payload_json, created_at FROM interactions WHERE id = ?', [row.interaction_id]);
    if (!lead || !interaction) return null;
    const body = JSON.parse(interaction.payload_json) as { consent: Record<string, unknown>; answers?: unknown; plan?: unknown };
    return {
      event: row.event,
      deliveryId: row.id,
      leadId: lead.id,
      interactionId: row.interaction_id,
      storeId: lead.store_id,
      createdAt: new Date(Number(lead.created_at)).toISOString(),
      interactionAt: new Date(Number(interaction.created_at)).toISOString(),
      contact: JSON.parse(decrypt(keys, interaction.contact_enc)) as object,
      consent: body.consent,
      tags: body.consent.tagMarketing === true ? (JSON.parse(lead.tags_json) as object) : null,
      answers: body.answers ?? null,
      plan: body.plan ?? null,
    };
  });
}

/** Creates a worker; call start() in the server, runOnce() in tests and scripts. */
export function createCrmWorker(o: CrmWorkerOptions) {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const maxAttempts = o.maxAttempts ?? 8;
  const doFetch = o.fetch ?? fetch;
  const log = o.logger ?? SILENT;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunResult> | undefined;
  let again = false;

  async function claim(): Promise<OutboxRow[]> {
    const t = now();
    const lock = o.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    return o.db.transaction((tx) =>
      tx.all<OutboxRow>(
        `UPDATE crm_outbox SET locked_until = ? WHERE id IN (SELECT id FROM crm_outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?) ORDER BY id LIMIT ?${lock}) RETURNING id, lead_id, interaction_id, event, attempts, payload_json`,
        [t + CLAIM_LEASE_MS, t, t, o.batchSize ?? 20],
      ),
    );
  }

  async function deliver(row: OutboxRow): Promise<'sent' | 'failed' | 'dead' | 'skipped'> {
    // A lead.erased row carries its own body; it is sent wherever the lead's data may have gone.
    const payload = row.payload_json !== null ? { event: row.event, deliveryId: row.id, ...(JSON.parse(row.payload_json) as LeadErasedBody) } : await crmPayload(o.db, o.keys, row);
    const skip = !payload || ('consent' in payload && o.crmOutsideMainland === true && payload.consent.crossBorderCrm !== true);
    let error: string | null = null;
    if (!skip) {
      const body = JSON.stringify(payload);
      const t = Math.floor(now() / 1000);
      try {
        const res = await doFetch(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-showroom-delivery': String(row.id), 'x-showroom-signature': `t=${t},v1=${webhookSignature(o.secret, t, body)}` },
          body,
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network error';
      }
    }
    const t = now();
    const attempts = row.attempts + 1;
    const outcome = skip ? 'skipped' : error === null ? 'sent' : attempts >= maxAttempts ? 'dead' : 'failed';
    if (outcome === 'failed' || outcome === 'dead') {
      const line = { deliveryId: row.id, event: row.event, attempt: attempts, error };
      if (outcome === 'failed') log.warn(line, 'CRM delivery failed; will retry');
      else log.error(line, 'CRM delivery dead after the last attempt');
    }
    const state = outcome === 'failed' ? 'pending' : outcome;
    const next = outcome === 'failed' ? t + backoffMs(attempts, o.baseDelayMs ?? 5_000, o.maxDelayMs ?? 3_600_000, random()) : t;
    await o.db.transaction((tx) =>
      tx.run('UPDATE crm_outbox SET state = ?, attempts = ?, next_attempt_at = ?, locked_until = NULL, last_error = ?, sent_at = ? WHERE id = ?', [
        state, attempts, next, error, outcome === 'sent' ? t : null, row.id,
      ]),
    );
    return outcome;
  }

  /** Delivers every due row once; returns what happened. */
  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, dead: 0, skipped: 0 };
    for (let rows = await claim(); rows.length > 0; rows = await claim()) {
      const outcomes = await Promise.all(rows.map(deliver));
      for (const k of outcomes) result[k]++;
      if (outcomes.every((k) => k === 'failed')) break;
    }
    return result;
  }

  function tick(): void {
    if (running) {
      again = true;
      return;
    }
    running = runOnce().catch((e: { name?: string; code?: string }) => {
      log.error({ name: e?.name, code: e?.code }, 'CRM worker run failed');
      return { sent: 0, failed: 0, dead: 0, skipped: 0 };
    });
    void running.finally(() => {
      running = undefined;
      if (again) {
        again = false;
        tick();
      }
    });
  }

  return {
    runOnce,
    /** Polls every intervalMs (and whenever notify() is called). */
    start(intervalMs = 2_000) {
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    notify: tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** Moves dead (or, with ids, the given) rows back to pending for another round of attempts. */
export async function replayOutbox(db: Db, nowMs: number, ids?: number[]): Promise<number> {
  return db.transaction(async (tx) => {
    if (!ids || ids.length === 0) return tx.run("UPDATE crm_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, locked_until = NULL WHERE state = 'dead'", [nowMs]);
    let n = 0;
    for (const id of ids) n += await tx.run("UPDATE crm_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND state IN ('dead', 'skipped')", [nowMs, id]);
    return n;
  });
}
