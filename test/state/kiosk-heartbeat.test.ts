// @vitest-environment happy-dom
/**
 * The kiosk's heartbeat with fake timers, a fake fetch and frames the test renders by hand: a
 * beat at start, every minute and when the network returns, none without a kiosk token, a failed
 * one dropped (not queued), none while the page renders no frames, and the last error scrubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeartbeatSchema, type Heartbeat } from '../../src/leads/heartbeat-schema.ts';
import { clearLastError } from '../../src/state/last-error.ts';
import { collectHeartbeat, heartbeatReceipt, startHeartbeat, type HeartbeatOptions } from '../../src/state/kiosk-heartbeat.ts';
import { useNavStore } from '../../src/state/nav-store.ts';
import { saveLinkToken } from '../../src/leads/link-token.ts';

const MINUTE = 60_000;
const TOKEN = 'stw_kiosk_test-token-0123456789abcdef';
const BEAT: Heartbeat = { version: 'dev', screen: 'home', outbox: { pending: 1, failed: 0 }, storage: null, serviceWorker: null, lastError: null };

type Sent = { url: string; init: RequestInit; body: Heartbeat };

function harness(options: Partial<HeartbeatOptions> & { answer?: () => Promise<Response> } = {}) {
  const sent: Sent[] = [];
  const frames: (() => void)[] = [];
  const target = new EventTarget();
  const answer = options.answer ?? (async () => new Response(JSON.stringify({ kioskId: 'a1b2c3d4e5f6', storeId: 'store-a' }), { status: 200 }));
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init!, body: JSON.parse(String(init!.body)) as Heartbeat });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  const stop = startHeartbeat({ fetch, token: async () => TOKEN, collect: async () => BEAT, requestFrame: (cb) => frames.push(cb), target, ...options });
  /** The page renders a frame (the beats waiting for one go out), and their requests settle. */
  const frame = async () => {
    for (const cb of frames.splice(0)) cb();
    await vi.advanceTimersByTimeAsync(0);
  };
  /** Time passes with the page rendering as usual. */
  const wait = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await frame();
  };
  return { sent, frames, target, stop, frame, wait };
}

let stops: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  clearLastError();
});
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
});
const start = (options: Parameters<typeof harness>[0] = {}) => {
  const h = harness(options);
  stops.push(h.stop);
  return h;
};

describe('the kiosk heartbeat', () => {
  it('beats once at start, then once a minute, with the kiosk token and no-store', async () => {
    const h = start();
    await h.frame();
    expect(h.sent).toHaveLength(1);
    const [first] = h.sent;
    expect(first!.url).toBe('/api/kiosks/heartbeat');
    expect(first!.init).toMatchObject({ method: 'POST', cache: 'no-store', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    expect(first!.body).toEqual(BEAT);
    await h.wait(MINUTE - 1);
    expect(h.sent).toHaveLength(1);
    await h.wait(1);
    expect(h.sent).toHaveLength(2);
    for (let minute = 0; minute < 3; minute++) await h.wait(MINUTE);
    expect(h.sent).toHaveLength(5);
    expect(heartbeatReceipt()).toEqual({ kioskId: 'a1b2c3d4e5f6', storeId: 'store-a' });
  });

  it('beats when the network comes back, without waiting for the minute', async () => {
    const h = start();
    await h.frame();
    await h.wait(20_000);
    h.target.dispatchEvent(new Event('online'));
    await h.frame();
    expect(h.sent).toHaveLength(2);
  });

  it('sends nothing where there is no kiosk token (a phone, an unpaired browser)', async () => {
    const h = start({ token: async () => null });
    await h.frame();
    await h.wait(5 * MINUTE);
    h.target.dispatchEvent(new Event('online'));
    await h.frame();
    expect(h.sent).toEqual([]);
  });

  it('drops a failed beat: no retry, no queue, the next one a minute later', async () => {
    let fail = true;
    const h = start({ answer: async () => (fail ? Promise.reject(new TypeError('Failed to fetch')) : new Response('{}', { status: 200 })) });
    await h.frame();
    await h.wait(MINUTE);
    expect(h.sent).toHaveLength(2);
    await h.wait(30_000);
    expect(h.sent).toHaveLength(2); // nothing resent in between
    fail = false;
    await h.wait(30_000);
    expect(h.sent).toHaveLength(3); // one beat, not the two that failed
    const refused = start({ answer: async () => new Response('{"error":"unavailable"}', { status: 503 }) });
    await refused.frame();
    await refused.wait(MINUTE);
    expect(refused.sent).toHaveLength(2);
  });

  it('asks for a new local token after a 401, and beats with whatever the source gives next', async () => {
    const refused = vi.fn(async () => undefined);
    const h = start({ refused, answer: async () => new Response('{"error":"unauthorized"}', { status: 401 }) });
    await h.frame();
    expect(refused).toHaveBeenCalledWith(TOKEN);
    await h.wait(MINUTE);
    expect(h.sent).toHaveLength(2);
  });

  it('does not beat while the page renders no frames (frozen, or hidden), and beats once when it does again', async () => {
    const h = start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE); // the timer fires; no frame comes
    h.target.dispatchEvent(new Event('online'));
    expect(h.sent).toEqual([]);
    expect(h.frames).toHaveLength(1); // one frame asked for, not one per minute
    await h.frame();
    expect(h.sent).toHaveLength(1);
  });

  it('does not pile beats up behind one the server has not answered', async () => {
    const h = start({ answer: () => new Promise<Response>(() => undefined) });
    await h.frame();
    await h.wait(MINUTE);
    h.target.dispatchEvent(new Event('online'));
    await h.frame();
    expect(h.sent).toHaveLength(1);
  });

  it('stops beating and listening when stopped', async () => {
    const h = start();
    await h.frame();
    h.stop();
    await h.wait(5 * MINUTE);
    h.target.dispatchEvent(new Event('online'));
    await h.frame();
    expect(h.sent).toHaveLength(1);
  });
});

describe('what a beat carries', () => {
  it('reports the version, screen and the last uncaught error or rejection, scrubbed of personal data', async () => {
    useNavStore.getState().go('contact');
    const h = start({ collect: collectHeartbeat });
    await h.frame();
    expect(h.sent[0]!.body).toEqual({ version: 'dev', screen: 'contact', outbox: null, storage: null, serviceWorker: null, lastError: null });

    vi.setSystemTime(Date.parse('2026-05-01T02:00:00Z'));
    const error = Object.assign(new Event('error'), {
      message: 'Uncaught Error: lead 王小明 13812345678 wang@example.cn',
      error: new Error('cannot send lead for 王小明, +86 138 1234 5678, wang@example.cn, token stw_kiosk_abcdefghijklmnopqrstuv at http://127.0.0.1:8080/#/plan?a=eyJkYWlseSI6NjB9&k=stw_share_x'),
    });
    h.target.dispatchEvent(error);
    await h.wait(MINUTE);
    const reported = h.sent[1]!.body.lastError!;
    expect(reported).toEqual({ kind: 'error', message: 'Error: cannot send lead for …, #, …@…, token stw_… at http://127.0.0.1:8080/', at: '2026-05-01T02:00:00.000Z' });
    for (const secret of ['王小明', '1381234', '5678', 'wang@', 'abcdefghij', 'eyJk', 'stw_share_x']) expect(reported.message).not.toContain(secret);
    expect(HeartbeatSchema.safeParse(h.sent[1]!.body).success).toBe(true);

    h.target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new TypeError(`x${'y'.repeat(500)}\nsecond line`) }));
    await h.wait(MINUTE);
    const long = h.sent[2]!.body.lastError!;
    expect(long.kind).toBe('rejection');
    expect(long.message).toHaveLength(200);
    expect(long.message.startsWith('TypeError: xyyy')).toBe(true);
    expect(HeartbeatSchema.safeParse(h.sent[2]!.body).success).toBe(true);
  });

  it('ignores a resource that failed to load and Chromium’s benign ResizeObserver notice', async () => {
    const h = start({ collect: collectHeartbeat });
    h.target.dispatchEvent(new Event('error'));
    h.target.dispatchEvent(Object.assign(new Event('error'), { message: 'ResizeObserver loop completed with undelivered notifications.', error: null }));
    await h.frame();
    expect(h.sent[0]!.body.lastError).toBeNull();
  });
});

describe('which devices beat', () => {
  const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  /** The page's requests, answered as the lead server on the kiosk's machine would. */
  function server() {
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      requests.push(`${init?.method ?? 'GET'} ${url}${auth ? ` ${auth}` : ''}`);
      if (url === '/api/kiosk-config') return new Response(JSON.stringify({ token: TOKEN, storeId: 'local' }), { status: 200 });
      return new Response(JSON.stringify({ kioskId: 'a1b2c3d4e5f6', storeId: 'local' }), { status: 200 });
    });
    return requests;
  }
  /** The heartbeat module as a freshly loaded page has it (the kiosk token source is made once per page). */
  async function startPage() {
    vi.resetModules();
    const m = await import('../../src/state/kiosk-heartbeat.ts');
    stops.push(m.startHeartbeat({ requestFrame: (cb) => cb(), collect: async () => BEAT, target: new EventTarget() }));
    await vi.advanceTimersByTimeAsync(0);
  }
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('the kiosk on the lead server’s machine beats with the token /api/kiosk-config gave it', async () => {
    setUrl('http://127.0.0.1:8080/#/home');
    const requests = server();
    await startPage();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(requests).toEqual(['GET /api/kiosk-config', `POST /api/kiosks/heartbeat Bearer ${TOKEN}`, `POST /api/kiosks/heartbeat Bearer ${TOKEN}`]);
  });

  it('a paired kiosk on the showroom network beats with its paired token', async () => {
    setUrl('http://192.168.1.20:8080/#/home');
    localStorage.setItem('showroom-twin.kiosk-token', 'stw_kiosk_paired-0123456789abcdefghij');
    const requests = server();
    await startPage();
    expect(requests).toEqual(['POST /api/kiosks/heartbeat Bearer stw_kiosk_paired-0123456789abcdefghij']);
  });

  it('a customer’s phone with a share link’s token never beats, nor asks for a kiosk token', async () => {
    setUrl('http://192.168.1.20:8080/#/plan');
    saveLinkToken({ token: `stw_share_${'x'.repeat(30)}`, expiresAtMs: Date.now() + 24 * 3600_000 });
    const requests = server();
    await startPage();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(requests).toEqual([]);
  });

  it('an unpaired browser on the showroom network does not beat', async () => {
    setUrl('http://192.168.1.20:8080/#/home');
    const requests = server();
    await startPage();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(requests).toEqual([]);
  });
});
