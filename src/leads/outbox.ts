/**
 * The kiosk's lead outbox: a lead is written to IndexedDB (strict durability, encrypted with a
 * device-only key) before anything is sent, then synced to the server with exponential backoff and
 * jitter until the server confirms it. It survives reloads, crashes and days offline; the lead id
 * (client-generated) is the server's idempotency key, so a resend after a crash never duplicates.
 *
 * It lives in its own database (`showroom-lead-outbox`): the kiosk's idle reset must never touch it.
 * Clock, randomness, ids, transport and the IndexedDB/WebCrypto implementations are injected.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { backoffDelayMs } from './backoff.ts';
import { LeadSchema, issuePath, type Lead, type LeadInput } from './lead-schema.ts';
import { generateOutboxKey, seal, unseal, type OutboxKey, type Sealed } from './outbox-crypto.ts';

/** The IndexedDB database of the outbox; the kiosk idle reset must never delete it. */
export const OUTBOX_DB_NAME = 'showroom-lead-outbox';
const KEY_ID = 'lead-key';
const SENT_KEPT_MS = 7 * 24 * 3600_000;

/** What the transport reports for one send. */
export type SendResult =
  | { kind: 'stored'; status: number }
  /** Not stored yet: offline, 5xx, 401/403 (kiosk needs pairing), 409 (in flight), 429. */
  | { kind: 'retry'; status: number | null; reason: string }
  /** The server refused this lead for good (400, 413, 422): resending cannot help. */
  | { kind: 'rejected'; status: number; reason: string };

export type OutboxState = 'pending' | 'failed' | 'sent';

/** One entry as rep mode sees it: no personal data. */
export type OutboxEntryStatus = { id: string; state: OutboxState; createdAtMs: number; attempts: number; nextAttemptAtMs: number; lastError: string | null; sentAtMs: number | null };
export type OutboxStatus = { pending: number; failed: number; sent: number; persisted: boolean | null; entries: OutboxEntryStatus[] };

type Entry = OutboxEntryStatus & { sealed: Sealed | null };

export type OutboxDeps = {
  send: (lead: Lead) => Promise<SendResult>;
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
  baseDelayMs?: number;
  maxDelayMs?: number;
  dbName?: string;
};

/** Thrown by enqueue when the draft is not a valid lead; `field` names the first bad one. */
export class LeadDraftError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function openDb(factory: IDBFactory, name: string): Promise<IDBPDatabase> {
  const request = factory.open(name, 1);
  request.addEventListener('upgradeneeded', () => {
    const db = request.result;
    db.createObjectStore('entries', { keyPath: 'id' });
    db.createObjectStore('keys');
  });
  return wrap(request) as Promise<IDBPDatabase>;
}

const publicView = ({ sealed: _sealed, ...status }: Entry): OutboxEntryStatus => status;

/** Opens (creating if needed) the outbox and its device key, and asks for persistent storage. */
export async function openLeadOutbox(deps: OutboxDeps) {
  // Absent outside a secure context (plain HTTP from another address): outbox-crypto falls back.
  const subtle = deps.subtle === null ? undefined : (deps.subtle ?? globalThis.crypto?.subtle);
  const randomIv = deps.randomIv ?? (() => globalThis.crypto.getRandomValues(new Uint8Array(12)));
  const db = await openDb(deps.indexedDB ?? globalThis.indexedDB, deps.dbName ?? OUTBOX_DB_NAME);
  const storage = deps.storage;
  const persisted = storage?.persist ? ((await storage.persisted?.().catch(() => false)) || (await storage.persist().catch(() => false))) : null;
  const strict = { durability: 'strict' as const };

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

  async function put(entry: Entry): Promise<void> {
    const tx = db.transaction('entries', 'readwrite', strict);
    await tx.store.put(entry);
    await tx.done;
  }

  async function status(): Promise<OutboxStatus> {
    const entries = ((await db.getAll('entries')) as Entry[]).sort((a, b) => b.createdAtMs - a.createdAtMs);
    const count = (s: OutboxState) => entries.filter((e) => e.state === s).length;
    return { pending: count('pending'), failed: count('failed'), sent: count('sent'), persisted, entries: entries.map(publicView) };
  }

  async function notify(): Promise<void> {
    if (listeners.size === 0) return;
    const s = await status();
    for (const l of listeners) l(s);
  }

  type SyncSummary = { sent: number; retrying: number; rejected: number };

  async function syncDue(): Promise<SyncSummary> {
    const summary: SyncSummary = { sent: 0, retrying: 0, rejected: 0 };
    const due = ((await db.getAll('entries')) as Entry[]).filter((e) => e.state === 'pending' && e.nextAttemptAtMs <= deps.now()).sort((a, b) => a.createdAtMs - b.createdAtMs);
    for (const entry of due) {
      let lead: Lead;
      try {
        lead = await unseal<Lead>(subtle, deviceKey, entry.id, entry.sealed!);
      } catch {
        await put({ ...entry, state: 'failed', lastError: 'cannot decrypt (device key changed?)' });
        summary.rejected++;
        continue;
      }
      let result: SendResult;
      try {
        result = await deps.send(lead);
      } catch {
        result = { kind: 'retry', status: null, reason: 'network error' };
      }
      const attempts = entry.attempts + 1;
      const nowMs = deps.now();
      if (result.kind === 'stored') {
        await put({ ...entry, state: 'sent', attempts, sentAtMs: nowMs, lastError: null, sealed: null }); // personal data leaves the device for good
        summary.sent++;
      } else if (result.kind === 'rejected') {
        await put({ ...entry, state: 'failed', attempts, lastError: `${result.status} ${result.reason}` });
        summary.rejected++;
      } else {
        const delay = backoffDelayMs(attempts, deps.baseDelayMs ?? 2_000, deps.maxDelayMs ?? 10 * 60_000, deps.random());
        await put({ ...entry, attempts, nextAttemptAtMs: nowMs + delay, lastError: `${result.status ?? 'offline'} ${result.reason}` });
        summary.retrying++;
        if (result.status === null) break; // offline: the rest would fail the same way
      }
    }
    const old = ((await db.getAll('entries')) as Entry[]).filter((e) => e.state === 'sent' && (e.sentAtMs ?? 0) < deps.now() - SENT_KEPT_MS);
    for (const e of old) await db.delete('entries', e.id);
    return summary;
  }

  async function schedule(): Promise<void> {
    if (!started) return;
    clearTimeout(timer);
    const pending = ((await db.getAll('entries')) as Entry[]).filter((e) => e.state === 'pending');
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((e) => e.nextAttemptAtMs));
    timer = setTimeout(() => void outbox.syncNow(), Math.max(0, next - deps.now()));
  }

  const onOnline = () => void outbox.retryAll();

  const outbox = {
    /**
     * Validates a draft, encrypts it and stores it durably; resolves with the lead id once it is on
     * disk. Throws LeadDraftError (with the field) if the draft is not a valid lead.
     */
    async enqueue(draft: Omit<LeadInput, 'id'> & { id?: string }): Promise<string> {
      const parsed = LeadSchema.safeParse({ ...draft, id: draft.id ?? deps.newId() });
      if (!parsed.success) throw new LeadDraftError(issuePath(parsed.error), parsed.error.issues[0]?.message ?? 'invalid');
      const lead = parsed.data;
      const nowMs = deps.now();
      const entry: Entry = { id: lead.id, state: 'pending', createdAtMs: nowMs, attempts: 0, nextAttemptAtMs: nowMs, lastError: null, sentAtMs: null, sealed: await seal(subtle, deviceKey, lead.id, lead, randomIv()) };
      const tx = db.transaction('entries', 'readwrite', strict);
      if (!(await tx.store.get(lead.id))) await tx.store.put(entry);
      await tx.done;
      await notify();
      if (started) void outbox.syncNow();
      return lead.id;
    },
    /** Sends every due entry once (concurrent calls share one run). */
    syncNow(): Promise<SyncSummary> {
      syncing ??= syncDue().finally(() => {
        syncing = null;
        void notify();
        void schedule();
      });
      return syncing;
    },
    /** Makes every pending entry due now and syncs (network came back, or a rep pressed retry). */
    async retryAll(): Promise<SyncSummary> {
      // A run still in flight would save its stale copy of an entry (with a new backoff) over the
      // "due now" set here, and the lead would wait out that backoff: let it finish first.
      while (syncing) await syncing.catch(() => undefined);
      for (const e of (await db.getAll('entries')) as Entry[]) if (e.state === 'pending') await put({ ...e, nextAttemptAtMs: deps.now() });
      return outbox.syncNow();
    },
    /** Removes a failed entry (rep decision after reading its error). */
    async discard(id: string): Promise<boolean> {
      const e = (await db.get('entries', id)) as Entry | undefined;
      if (!e || e.state !== 'failed') return false;
      await db.delete('entries', id);
      await notify();
      return true;
    },
    status,
    /** Calls listener with the status after every change; returns an unsubscribe function. */
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
      db.close();
    },
  };
  return outbox;
}

export type LeadOutbox = Awaited<ReturnType<typeof openLeadOutbox>>;
