/**
 * The kiosk's heartbeat: once a minute, at start and when the network returns, it tells the lead
 * server (POST /api/kiosks/heartbeat, with its kiosk token) its version, screen, outbox counts,
 * storage, service worker and last error, so rep mode and a store's watchdog see a kiosk that
 * went quiet. A beat that fails is dropped, never queued: the next one comes a minute later.
 *
 * A beat is sent from an animation frame that the main thread's minute timer asks for, never from
 * a worker: a page whose main thread is stuck, or that renders no frames (hidden, or its
 * compositor hung), stops beating, which is what a watchdog needs to see. A hidden page beats
 * again as soon as it is shown. Phones (a share link's token) and browsers without a kiosk token
 * do not beat.
 */
import { APP_VERSION } from '../app-version.ts';
import { HEARTBEAT_INTERVAL_MS, HeartbeatReceiptSchema, ScreenIdSchema, type Heartbeat } from '../leads/heartbeat-schema.ts';
import { appUpdateState, storageReport } from './app-update.ts';
import { captureErrors, lastError } from './last-error.ts';
import { kioskTokens, leadChannel, leadOutbox } from './lead-outbox.ts';
import { useNavStore } from './nav-store.ts';

/** A beat the server has not answered in this long is given up (the next comes anyway). */
const BEAT_TIMEOUT_MS = 10_000;

export type HeartbeatOptions = {
  fetch?: typeof fetch;
  /** This kiosk's token; null when this is not a kiosk (no beat). */
  token?: () => Promise<string | null>;
  /** The server answered 401 to `token` (default: a local kiosk's token is asked for again; a paired one is left to the outbox, which unpairs and says so). */
  refused?: (token: string) => Promise<void>;
  collect?: () => Promise<Heartbeat>;
  /** requestAnimationFrame: the beat waits for the page to render a frame. */
  requestFrame?: (callback: () => void) => void;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  intervalMs?: number;
  baseUrl?: string;
};

/** The kiosk id and store the server took the last beat for (rep mode marks this kiosk); null before one. */
let receipt: { kioskId: string; storeId: string } | null = null;
export const heartbeatReceipt = () => receipt;

/** The kiosk's token, or null on a phone with a share link (or one whose link expired) and an unpaired browser. */
async function kioskToken(): Promise<string | null> {
  if (leadChannel(Date.now(), false).kind !== 'kiosk') return null;
  return kioskTokens().get();
}

/** The server on this machine has a new local kiosk token (a fresh DATA_DIR): ask for it again. */
async function localTokenRefused(token: string): Promise<void> {
  const choice = await kioskTokens().choose();
  if (choice?.source === 'local' && choice.token === token) await kioskTokens().revoked(choice);
}

async function outboxCounts(): Promise<Heartbeat['outbox']> {
  if (typeof indexedDB === 'undefined') return null;
  const s = await (await leadOutbox()).status();
  return { pending: s.pending, failed: s.failed };
}

const bytes = (n: number | null) => (n === null || !Number.isFinite(n) ? null : Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.round(n))));

/** What this kiosk reports now; a part the browser cannot tell (or that fails) is null. */
export async function collectHeartbeat(): Promise<Heartbeat> {
  const [outbox, storage] = await Promise.all([outboxCounts().catch(() => null), storageReport(undefined, { ask: false }).catch(() => null)]);
  const screenId = useNavStore.getState().screenId;
  const sw = typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? appUpdateState() : null;
  return {
    version: APP_VERSION,
    screen: ScreenIdSchema.safeParse(screenId).success ? screenId : 'unknown',
    outbox,
    storage: storage && { persisted: storage.persisted, usageBytes: bytes(storage.usageBytes), quotaBytes: bytes(storage.quotaBytes) },
    serviceWorker: sw && { registered: sw.registered, offlineReady: sw.offlineReady, waiting: sw.waiting },
    lastError: lastError(),
  };
}

/** Starts beating (and capturing the page's errors); returns a stop function. */
export function startHeartbeat(options: HeartbeatOptions = {}): () => void {
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);
  const token = options.token ?? kioskToken;
  const refused = options.refused ?? localTokenRefused;
  const collect = options.collect ?? collectHeartbeat;
  const requestFrame = options.requestFrame ?? ((callback: () => void) => void requestAnimationFrame(() => callback()));
  const target = options.target ?? window;
  let framePending = false;
  let sending = false;
  let stopped = false;

  async function send(): Promise<void> {
    if (sending || stopped) return; // the one before is still out: this one is dropped
    sending = true;
    try {
      const bearer = await token().catch(() => null);
      if (!bearer) return;
      const res = await doFetch(`${options.baseUrl ?? ''}/api/kiosks/heartbeat`, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify(await collect()),
        signal: AbortSignal.timeout(BEAT_TIMEOUT_MS),
      });
      if (res.status === 401) await refused(bearer);
      const answer = res.ok ? HeartbeatReceiptSchema.safeParse(await res.json().catch(() => null)) : null;
      if (answer?.success) receipt = answer.data;
    } catch {
      // offline, or the server is down: dropped, the next beat comes in a minute
    } finally {
      sending = false;
    }
  }

  const beat = () => {
    if (framePending || stopped) return;
    framePending = true;
    requestFrame(() => {
      framePending = false;
      void send();
    });
  };

  const stopCapture = captureErrors(target);
  const timer = setInterval(beat, options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  target.addEventListener('online', beat);
  beat();
  return () => {
    stopped = true;
    clearInterval(timer);
    target.removeEventListener('online', beat);
    stopCapture();
  };
}
