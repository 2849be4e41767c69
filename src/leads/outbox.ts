/**
 * The kiosk's lead outbox: a lead is written to IndexedDB (strict durability, encrypted with a
 * device-only key) before anything is sent, then synced to the server with exponential backoff and
 * jitter until the server confirms it. It survives reloads, crashes and days offline; the lead id
 * (client-generated) is the server's idempotency key, so a resend after a crash never duplicates.
 *
 * No entry waits forever: a pending or failed entry older than `maxAgeMs` (30 days) is removed and
 * counted; an entry whose share-link token the server refuses is closed at once and its personal
 * data deleted. Several tabs may share one outbox: every change is a read-check-write inside one
 * IndexedDB transaction (atomic across tabs), so a stale copy never overwrites a newer state, and
 * sync runs hold a Web Lock where the browser has one, so two tabs do not send the same entry.
 *
 * It lives in its own database (`showroom-lead-outbox`): the kiosk's idle reset must never touch it.
 * Clock, randomness, ids, transport and the IndexedDB/WebCrypto implementations are injected.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { backoffDelayMs } from './backoff.ts';
import { LeadSchema, issuePath, type Lead, type LeadInput } from './lead-schema.ts';
import { generateOutboxKey, seal, unseal, type OutboxKey, type Sealed } from './outbox-crypto.ts';
import { OUTBOX_MAX_AGE_MS } from './outbox-limits.ts';

/** The IndexedDB database of the outbox; the kiosk idle reset must never delete it. */
export const OUTBOX_DB_NAME = 'showroom-lead-outbox';
const DB_VERSION = 2;
const KEY_ID = 'lead-key';
const EXPIRED_COUNT = 'expired';
/** Sent and refused entries (no personal data left) stay this long for the status view. */
const CLOSED_KEPT_MS = 7 * 24 * 3600_000;
/** A lead not delivered within this time is removed: stale for a follow-up, and kept no longer than needed. */
export { OUTBOX_MAX_AGE_MS };
/** The Web Lock a sync run holds, so one tab at a time sends. */
const SYNC_LOCK = 'showroom-lead-outbox.sync';

/**
 * How an entry reaches the server: with this device's kiosk token, or with the store token of the
 * share link it was made under (a customer's phone), which it keeps even if the phone opens
 * another store's link later.
 */
export type SendVia = { kind: 'kiosk' } | { kind: 'link'; token: string; expiresAtMs: number };

/** What the transport reports for one send. */
export type SendResult =
  | { kind: 'stored'; status: number }
  /** Not stored yet: offline, 5xx, 401 (kiosk needs pairing), 409 (in flight), 429. */
  | { kind: 'retry'; status: number | null; reason: string }
  /** The server refused this lead as sent (400, 403, 413, 422): kept for a rep to read, resend or discard. */
  | { kind: 'rejected'; status: number; reason: string }
  /** It can never be delivered this way (the link's token expired or was refused): closed, personal data deleted. */
  | { kind: 'refused'; status: number | null; reason: string };

export type OutboxState = 'pending' | 'failed' | 'refused' | 'sent';

/** One entry as rep mode and the contact screen see it: no personal data. */
export type OutboxEntryStatus = {
  id: string;
  state: OutboxState;
  via: SendVia['kind'];
  createdAtMs: number;
  attempts: number;
  nextAttemptAtMs: number;
  lastError: string | null;
  sentAtMs: number | null;
  /** When it was refused or failed for good. */
  closedAtMs: number | null;
  /** The app version that last wrote the lead (made it, or resent it after an update). */
  appVersion: string | null;
};
export type OutboxStatus = {
  pending: number;
  failed: number;
  refused: number;
  sent: number;
  /** Entries removed undelivered after OUTBOX_MAX_AGE_MS, ever, on this device. */
  expired: number;
  persisted: boolean | null;
  entries: OutboxEntryStatus[];
};

/** Stored entry; `rev` grows with every write, so a change made meanwhile (another tab) is seen. */
type Entry = Omit<OutboxEntryStatus, 'via' | 'closedAtMs' | 'appVersion'> & {
  via?: SendVia['kind'];
  closedAtMs?: number | null;
  appVersion?: string | null;
  rev?: number;
  sealed: Sealed | null;
};
/** What is sealed: the lead and how to send it (older entries hold the lead alone). */
type SealedPayload = { v: 2; lead: Lead; via: SendVia };

export type OutboxDeps = {
  send: (lead: Lead, via: SendVia) => Promise<SendResult>;
  now: () => number;
  /** Uniform in [0, 1), for jitter. */
  random: () => number;
  /** A new UUID (crypto.randomUUID in the browser). */
  newId: () => string;
  indexedDB?: IDBFactory;
  /** WebCrypto; null for none (as on plain HTTP from another address), which uses the JS cipher. */
  subtle?: SubtleCrypto | null;
  /** 12 random bytes for an AES-GCM nonce. */
  randomIv?: () => Uint8Array;
  /** navigator.storage, to ask for persistent storage. */
  storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> };
  /** navigator.locks (secure contexts only): one tab syncs at a time. Without it the transactions still keep every state right. */
  locks?: Pick<LockManager, 'request'> | null;
  /** Tells the other tabs that the outbox changed (a BroadcastChannel), and hears them. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'removeEventListener'> | null;
  /** This build's version, recorded on each entry. */
  appVersion?: string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAgeMs?: number;
  dbName?: string;
};

/** Thrown by enqueue when the draft is not a valid lead; `field` names the first bad one. */
export class LeadDraftError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function openDb(factory: IDBFactory, name: string): Promise<IDBPDatabase> {
  const request = factory.open(name, DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = request.result;
    if (event.oldVersion < 1) {
      db.createObjectStore('entries', { keyPath: 'id' });
      db.createObjectStore('keys');
    }
    if (event.oldVersion < 2) db.createObjectStore('meta');
  });
  return wrap(request) as Promise<IDBPDatabase>;
}

const publicView = (e: Entry): OutboxEntryStatus => ({
  id: e.id,
  state: e.state,
  via: e.via ?? 'kiosk',
  createdAtMs: e.createdAtMs,
  attempts: e.attempts,
  nextAttemptAtMs: e.nextAttemptAtMs,
  lastError: e.lastError,
  sentAtMs: e.sentAtMs,
  closedAtMs: e.closedAtMs ?? null,
  appVersion: e.appVersion ?? null,
});

/** An entry's sealed content, from this version or an older one (the lead alone, sent as a kiosk). */
function payloadOf(value: unknown): SealedPayload {
  const v = value as Partial<SealedPayload>;
  return v && v.v === 2 && v.lead ? (v as SealedPayload) : { v: 2, lead: value as Lead, via: { kind: 'kiosk' } };
}

/** Opens (creating if needed) the outbox and its device key, and asks for persistent storage. */
export async function openLeadOutbox(deps: OutboxDeps) {
  // Absent outside a secure context (plain HTTP from another address): outbox-crypto falls back.
  const subtle = deps.subtle === null ? undefined : (deps.subtle ?? globalThis.crypto?.subtle);
  const randomIv = deps.randomIv ?? (() => globalThis.crypto.getRandomValues(new Uint8Array(12)));
  const db = await openDb(deps.indexedDB ?? globalThis.indexedDB, deps.dbName ?? OUTBOX_DB_NAME);
  const storage = deps.storage;
  const persisted = storage?.persist ? ((await storage.persisted?.().catch(() => false)) || (await storage.persist().catch(() => false))) : null;
  const strict = { durability: 'strict' as const };
  const maxAgeMs = deps.maxAgeMs ?? OUTBOX_MAX_AGE_MS;
  const appVersion = deps.appVersion ?? null;

  let key = (await db.get('keys', KEY_ID)) as OutboxKey | undefined;
  if (!key) {
    const fresh = await generateOutboxKey(subtle);
    const tx = db.transaction('keys', 'readwrite', strict);
    key = ((await tx.store.get(KEY_ID)) as OutboxKey | undefined) ?? (await tx.store.put(fresh, KEY_ID), fresh);
    await tx.done;
  }
  const deviceKey = key;

  const listeners = new Set<(s: OutboxStatus) => void>();
  let syncing: Promise<SyncSummary> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;

  const allEntries = async () => (await db.getAll('entries')) as Entry[];

  /**
   * Changes one entry in a single read-write transaction: `change` sees the entry as stored now
   * (another tab may have moved it on since it was read) and returns the new entry, or null to
   * leave it. Returns whether it wrote.
   */
  async function update(id: string, change: (current: Entry) => Entry | null): Promise<boolean> {
    const tx = db.transaction('entries', 'readwrite', strict);
    const current = (await tx.store.get(id)) as Entry | undefined;
    const next = current ? change(current) : null;
    if (next) await tx.store.put({ ...next, rev: (current!.rev ?? 0) + 1 });
    await tx.done;
    return next !== null;
  }

  async function status(): Promise<OutboxStatus> {
    const entries = (await allEntries()).sort((a, b) => b.createdAtMs - a.createdAtMs);
    const count = (s: OutboxState) => entries.filter((e) => e.state === s).length;
    const expired = Number((await db.get('meta', EXPIRED_COUNT)) ?? 0);
    return { pending: count('pending'), failed: count('failed'), refused: count('refused'), sent: count('sent'), expired, persisted, entries: entries.map(publicView) };
  }

  async function notifyHere(): Promise<void> {
    if (listeners.size === 0) return;
    const s = await status();
    for (const l of listeners) l(s);
  }

  /** After a change: this tab's listeners, and the other tabs. */
  async function changed(): Promise<void> {
    deps.channel?.postMessage('changed');
    await notifyHere();
  }

  /**
   * Removes what must not stay: pending or failed entries past the maximum age (counted), and
   * sent or refused ones (no personal data left) after a week.
   */
  async function prune(): Promise<number> {
    const nowMs = deps.now();
    const tx = db.transaction(['entries', 'meta'], 'readwrite', strict);
    const entries = tx.objectStore('entries');
    let expired = 0;
    let removed = 0;
    for (const e of (await entries.getAll()) as Entry[]) {
      const open = e.state === 'pending' || e.state === 'failed';
      const tooOld = open ? e.createdAtMs < nowMs - maxAgeMs : (e.sentAtMs ?? e.closedAtMs ?? e.createdAtMs) < nowMs - CLOSED_KEPT_MS;
      if (!tooOld) continue;
      await entries.delete(e.id);
      removed++;
      if (open) expired++;
    }
    if (expired > 0) {
      const meta = tx.objectStore('meta');
      await meta.put(Number((await meta.get(EXPIRED_COUNT)) ?? 0) + expired, EXPIRED_COUNT);
    }
    await tx.done;
    return removed;
  }

  type SyncSummary = { sent: number; retrying: number; rejected: number; refused: number };

  /** The entry after one send, or null if it changed meanwhile in a way this result must not undo. */
  function afterSend(sent: Entry, result: SendResult, nowMs: number): (current: Entry) => Entry | null {
    const attempts = sent.attempts + 1;
    return (current) => {
      if (current.state !== 'pending') return null; // sent or closed by another tab: nothing to add
      switch (result.kind) {
        case 'stored': // personal data leaves the device for good
          return { ...current, state: 'sent', attempts, sentAtMs: nowMs, lastError: null, sealed: null };
        case 'refused':
          return { ...current, state: 'refused', attempts, closedAtMs: nowMs, lastError: `${result.status ?? 'local'} ${result.reason}`, sealed: null };
        case 'rejected':
          return { ...current, state: 'failed', attempts, closedAtMs: nowMs, lastError: `${result.status} ${result.reason}` };
        case 'retry': {
          // A retry asked for meanwhile (rev moved on) is newer than this backoff: keep it.
          if ((current.rev ?? 0) !== (sent.rev ?? 0)) return null;
          const delay = backoffDelayMs(attempts, deps.baseDelayMs ?? 2_000, deps.maxDelayMs ?? 10 * 60_000, deps.random());
          return { ...current, attempts, nextAttemptAtMs: nowMs + delay, lastError: `${result.status ?? 'offline'} ${result.reason}` };
        }
      }
    };
  }

  async function syncDue(): Promise<SyncSummary> {
    const summary: SyncSummary = { sent: 0, retrying: 0, rejected: 0, refused: 0 };
    await prune();
    const due = (await allEntries()).filter((e) => e.state === 'pending' && e.nextAttemptAtMs <= deps.now()).sort((a, b) => a.createdAtMs - b.createdAtMs);
    for (const entry of due) {
      let payload: SealedPayload;
      try {
        payload = payloadOf(await unseal<unknown>(subtle, deviceKey, entry.id, entry.sealed!));
      } catch {
        await update(entry.id, (c) => (c.state === 'pending' ? { ...c, state: 'failed', closedAtMs: deps.now(), lastError: 'cannot decrypt (device key changed?)' } : null));
        summary.rejected++;
        continue;
      }
      let result: SendResult;
      try {
        result = await deps.send(payload.lead, payload.via);
      } catch {
        result = { kind: 'retry', status: null, reason: 'network error' };
      }
      await update(entry.id, afterSend(entry, result, deps.now()));
      if (result.kind === 'stored') summary.sent++;
      else if (result.kind === 'rejected') summary.rejected++;
      else if (result.kind === 'refused') summary.refused++;
      else {
        summary.retrying++;
        if (result.status === null) break; // offline: the rest would fail the same way
      }
    }
    return summary;
  }

  /** Runs `fn` holding the outbox's Web Lock where there is one (another tab's run finishes first). */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return deps.locks ? (deps.locks.request(SYNC_LOCK, fn) as Promise<T>) : fn();
  }

  async function schedule(): Promise<void> {
    if (!started) return;
    clearTimeout(timer);
    const pending = (await allEntries()).filter((e) => e.state === 'pending');
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((e) => e.nextAttemptAtMs));
    timer = setTimeout(() => void outbox.syncNow(), Math.max(0, next - deps.now()));
  }

  const onOnline = () => void outbox.retryAll();
  const onOtherTab = () => {
    void notifyHere();
    void schedule();
  };
  deps.channel?.addEventListener('message', onOtherTab);
  await prune();

  const outbox = {
    /**
     * Validates a draft, encrypts it with how it is to be sent and stores it durably; resolves
     * with the lead id once it is on disk. Throws LeadDraftError (with the field) if the draft is
     * not a valid lead.
     */
    async enqueue(draft: Omit<LeadInput, 'id'> & { id?: string }, via: SendVia = { kind: 'kiosk' }): Promise<string> {
      const parsed = LeadSchema.safeParse({ ...draft, id: draft.id ?? deps.newId() });
      if (!parsed.success) throw new LeadDraftError(issuePath(parsed.error), parsed.error.issues[0]?.message ?? 'invalid');
      const lead = parsed.data;
      const nowMs = deps.now();
      const sealed = await seal(subtle, deviceKey, lead.id, { v: 2, lead, via } satisfies SealedPayload, randomIv());
      const entry: Entry = { id: lead.id, state: 'pending', via: via.kind, createdAtMs: nowMs, attempts: 0, nextAttemptAtMs: nowMs, lastError: null, sentAtMs: null, closedAtMs: null, appVersion, rev: 0, sealed };
      const tx = db.transaction('entries', 'readwrite', strict);
      if (!(await tx.store.get(lead.id))) await tx.store.put(entry);
      await tx.done;
      await changed();
      if (started) void outbox.syncNow();
      return lead.id;
    },
    /** Sends every due entry once (concurrent calls share one run; other tabs' runs go first). */
    syncNow(): Promise<SyncSummary> {
      syncing ??= exclusive(syncDue).finally(() => {
        syncing = null;
        void changed();
        void schedule();
      });
      return syncing;
    },
    /** Makes every pending entry due now and syncs (network came back, or a rep pressed retry). */
    async retryAll(): Promise<SyncSummary> {
      // Let a run in flight finish first, so this tab's own send results land before "due now".
      while (syncing) await syncing.catch(() => undefined);
      const nowMs = deps.now();
      for (const e of await allEntries()) if (e.state === 'pending') await update(e.id, (c) => (c.state === 'pending' ? { ...c, nextAttemptAtMs: nowMs } : null));
      return outbox.syncNow();
    },
    /**
     * Sends a failed entry again (a rep, after the kiosk updated past a version the server
     * refused): the lead is read back through this version's schema, so a draft an older version
     * made is brought up to date, and queued. Returns the field this version objects to instead.
     */
    async resend(id: string): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
      const e = (await db.get('entries', id)) as Entry | undefined;
      if (!e || e.state !== 'failed' || !e.sealed) return { ok: false, field: 'id', message: 'not a failed entry with its lead' };
      let payload: SealedPayload;
      try {
        payload = payloadOf(await unseal<unknown>(subtle, deviceKey, e.id, e.sealed));
      } catch {
        return { ok: false, field: 'id', message: 'cannot decrypt (device key changed?)' };
      }
      const parsed = LeadSchema.safeParse(payload.lead);
      if (!parsed.success) return { ok: false, field: issuePath(parsed.error), message: parsed.error.issues[0]?.message ?? 'invalid' };
      const sealed = await seal(subtle, deviceKey, id, { v: 2, lead: parsed.data, via: payload.via } satisfies SealedPayload, randomIv());
      const nowMs = deps.now();
      const queued = await update(id, (c) => (c.state === 'failed' ? { ...c, state: 'pending', sealed, nextAttemptAtMs: nowMs, lastError: null, closedAtMs: null, appVersion } : null));
      await changed();
      if (queued) void outbox.syncNow();
      return queued ? { ok: true } : { ok: false, field: 'id', message: 'changed meanwhile' };
    },
    /** Removes a failed entry (rep decision after reading its error). */
    async discard(id: string): Promise<boolean> {
      const tx = db.transaction('entries', 'readwrite', strict);
      const e = (await tx.store.get(id)) as Entry | undefined;
      const ok = e?.state === 'failed';
      if (ok) await tx.store.delete(id);
      await tx.done;
      if (ok) await changed();
      return ok;
    },
    status,
    /** Calls listener with the status after every change, here or in another tab; returns an unsubscribe function. */
    subscribe(listener: (s: OutboxStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Background sync: on a timer at the next due time and when the browser comes back online. */
    start(): void {
      started = true;
      globalThis.addEventListener?.('online', onOnline);
      void outbox.syncNow();
    },
    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      await syncing;
    },
    close(): void {
      deps.channel?.removeEventListener('message', onOtherTab);
      db.close();
    },
  };
  return outbox;
}

export type LeadOutbox = Awaited<ReturnType<typeof openLeadOutbox>>;
