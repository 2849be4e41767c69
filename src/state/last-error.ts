/**
 * The page's last uncaught error or unhandled rejection, for the kiosk's heartbeat: one line,
 * scrubbed of what could be a customer's (numbers, e-mail addresses, tokens, URL queries and
 * hash routes, and any non-ASCII text: the names and addresses customers type are Chinese, the
 * browser's and the app's own messages are English), at most ERROR_MESSAGE_MAX characters. The
 * name and message only, never the stack.
 */
import { ERROR_MESSAGE_MAX, type Heartbeat } from '../leads/heartbeat-schema.ts';

export type LastError = NonNullable<Heartbeat['lastError']>;

/** Longer input is cut before the patterns run, so a huge message costs no time. */
const INPUT_MAX = 2000;

/** `text` as the heartbeat may carry it: first line, scrubbed, cut to ERROR_MESSAGE_MAX. */
export function scrubErrorText(text: string): string {
  const line = text.slice(0, INPUT_MAX).split(/\r\n|[\n\r\u2028\u2029]/)[0] ?? '';
  const scrubbed = line
    .replace(/stw_[A-Za-z0-9_\-.~+/=]+/g, 'stw_…')
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s?#]*)[?#]\S*/gi, '$1')
    .replace(/#\/\S*/g, '#/…')
    .replace(/[^\s@,;:()<>"'`]+@[^\s@,;:()<>"'`]+/g, '…@…')
    .replace(/\+?\d[\d\s-]{3,}\d/g, (m) => (m.replace(/\D/g, '').length >= 5 ? '#' : m))
    .replace(/[^\x20-\x7e]+/g, '…')
    .trim();
  const out = scrubbed === '' ? 'Error' : scrubbed;
  return out.length > ERROR_MESSAGE_MAX ? `${out.slice(0, ERROR_MESSAGE_MAX - 1)}…` : out;
}

/** `Name: message` of anything thrown or rejected with. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  if (typeof thrown === 'string') return thrown;
  return `non-error value (${thrown === null ? 'null' : typeof thrown})`;
}

/**
 * A benign notice Chromium reports as an error event when layout and a ResizeObserver chase each
 * other for a frame (the canvas resizing does it); nothing is wrong, and it would hide real errors.
 */
const BENIGN = /^ResizeObserver loop (?:completed with undelivered notifications|limit exceeded)/;

let last: LastError | null = null;

/** The last error since the page loaded (or since capture began), null if none. */
export function lastError(): LastError | null {
  return last;
}

/** Records an error by hand (a test, or a module that catches one the boundary should report). */
export function noteError(kind: LastError['kind'], thrown: unknown, now: Date = new Date()): void {
  last = { kind, message: scrubErrorText(describeThrown(thrown)), at: now.toISOString() };
}

/** Listens for uncaught errors and unhandled rejections on `target`; returns a stop function. */
export function captureErrors(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onError = (event: Event) => {
    const e = event as ErrorEvent;
    // A resource that failed to load (img, script) fires a plain Event, not an ErrorEvent.
    if (typeof e.message !== 'string' && e.error === undefined) return;
    const text = e.error !== undefined && e.error !== null ? describeThrown(e.error) : e.message;
    if (BENIGN.test(text)) return;
    noteError('error', e.error ?? text);
  };
  const onRejection = (event: Event) => noteError('rejection', (event as PromiseRejectionEvent).reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

/** Forgets the last error (tests). */
export function clearLastError(): void {
  last = null;
}
