/**
 * The kiosk's anonymous funnel events (POST /api/events): a visit starts a session, then the
 * questionnaire completed, a plan viewed, a lead submitted, each counted once per session. No
 * personal data: a random session id, the step and its time. Best effort but not careless: events
 * wait in localStorage until the lead server takes them (a lost network or a reload loses none),
 * capped so a kiosk that is never paired cannot fill its storage.
 *
 * A customer's phone that opened a share link is not a kiosk session: it records nothing.
 */
import type { FunnelEvent, FunnelStep } from '../leads/event-schema.ts';
import { readLinkToken } from '../leads/link-token.ts';
import type { FunnelSendResult } from '../leads/sync-client.ts';
import { randomUuid } from '../leads/outbox-crypto.ts';
import { usePlanStore } from './plan-store.ts';
import { useSessionEvents } from './session-events.ts';
import { onSessionReset } from './session-reset.ts';

export const FUNNEL_QUEUE_KEY = 'showroom-twin.funnel-queue';
const MAX_QUEUED = 500;
const BATCH = 100;
const FLUSH_DELAY_MS = 2_000;
const RETRY_MS = 60_000;

type Queued = Omit<FunnelEvent, 'id' | 'sessionId'> & { id: string; sessionId: string };
export type FunnelSend = (events: Queued[]) => Promise<FunnelSendResult>;

let sessionId: string | null = null;
let stepsThisSession = new Set<FunnelStep>();
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | null = null;
let send: FunnelSend | null = null;

function queue(): Queued[] {
  try {
    const q = JSON.parse(localStorage.getItem(FUNNEL_QUEUE_KEY) ?? '[]') as unknown;
    return Array.isArray(q) ? (q as Queued[]) : [];
  } catch {
    return [];
  }
}

function saveQueue(q: Queued[]): void {
  try {
    localStorage.setItem(FUNNEL_QUEUE_KEY, JSON.stringify(q.slice(-MAX_QUEUED)));
  } catch {
    // storage full or disabled: the funnel loses these, a lead never depends on them
  }
}

/** The sender (the kiosk token is loaded with the outbox chunk, on first use). */
async function defaultSend(events: Queued[]): Promise<FunnelSendResult> {
  const [{ createFunnelEventSender }, { kioskTokens }] = await Promise.all([import('../leads/sync-client.ts'), import('./lead-outbox.ts')]);
  send ??= createFunnelEventSender({ getToken: () => kioskTokens().get() });
  return send(events);
}

let sender: FunnelSend = defaultSend;

/** Tests swap the transport. */
export function setFunnelSender(s: FunnelSend): void {
  sender = s;
}

function schedule(ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flushFunnel(), ms);
}

/**
 * Sends what is queued, a batch at a time; keeps what the server did not take. An event the server
 * refuses (its time is outside what the server accepts: a kiosk clock far off, or an event older
 * than the retention period) is dropped and the rest sent again, so one bad event cannot hold up
 * the queue; a batch refused as a whole (sent by an older version) is dropped the same way.
 */
export function flushFunnel(): Promise<void> {
  flushing ??= (async () => {
    try {
      for (;;) {
        const q = queue();
        if (q.length === 0) return;
        const batch = q.slice(0, BATCH);
        const result = await sender(batch);
        if (result.kind === 'retry') return schedule(RETRY_MS);
        const gone = result.kind === 'taken' || result.index === null ? batch : [batch[result.index]].filter((e) => e !== undefined);
        if (result.kind === 'refused') console.warn(`funnel: the lead server refused ${result.index === null ? `a batch of ${batch.length} events` : `an event (${gone[0]?.type} at ${gone[0]?.at})`}; dropped`);
        if (gone.length === 0) return schedule(RETRY_MS); // an index outside the batch: try later rather than loop
        const ids = new Set(gone.map((e) => e.id));
        saveQueue(queue().filter((e) => !ids.has(e.id)));
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Records a funnel step of this kiosk session (once per session; the session starts first). */
export function funnelStep(step: FunnelStep, now: Date = new Date()): boolean {
  if (readLinkToken() !== null) return false; // a customer's phone, not a kiosk
  if (stepsThisSession.has(step)) return false;
  const q = queue();
  if (sessionId === null) {
    sessionId = randomUuid();
    if (step !== 'session_started') {
      stepsThisSession.add('session_started');
      q.push({ id: randomUuid(), sessionId, type: 'session_started', at: now.toISOString() });
    }
  }
  stepsThisSession.add(step);
  q.push({ id: randomUuid(), sessionId, type: step, at: now.toISOString() });
  saveQueue(q);
  schedule(FLUSH_DELAY_MS);
  return true;
}

/** Starts listening: a touch starts a session; the questionnaire and plan steps follow the stores. */
export function startFunnel(target: Pick<Window, 'addEventListener'> = window): void {
  const visit = () => void funnelStep('session_started');
  for (const type of ['pointerdown', 'keydown']) target.addEventListener(type, visit, { capture: true, passive: true });
  target.addEventListener('online', () => void flushFunnel());
  usePlanStore.subscribe((s, prev) => {
    if (s.phase === 'plan' && prev.phase === 'questions') funnelStep('questionnaire_completed');
  });
  useSessionEvents.subscribe((s, prev) => {
    if (s.events.length > prev.events.length && s.events.at(-1)?.type === 'plan-viewed') funnelStep('plan_viewed');
  });
  if (queue().length > 0) schedule(FLUSH_DELAY_MS); // left by an earlier page
}

// The customer walked away: the next touch is a new session.
onSessionReset(() => {
  sessionId = null;
  stepsThisSession = new Set();
});
