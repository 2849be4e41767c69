import { DEFAULT_IDLE, type StoreSettings } from '../store/store-settings.ts';

/** Seconds without a touch before the kiosk returns to its home screen (the store settings' default). */
export const DEFAULT_IDLE_TIMEOUT_S = DEFAULT_IDLE.resetAfterS;
/** Shortest accepted `?idle=`: below this a customer reading a result would be thrown out. */
export const MIN_IDLE_TIMEOUT_S = 5;

export interface KioskConfig {
  /** Idle timeout in milliseconds; 0 turns the idle reset off (rep demo). */
  idleTimeoutMs: number;
  /** How long the "still there?" card shows before the reset, within the timeout. */
  warningMs: number;
  /** Idle milliseconds before attract mode (0: none), at most the countdown's start. */
  attractMs: number;
}

/**
 * The idle timings: the store settings' (attract mode after `idle.attractAfterS`, the reset after
 * `idle.resetAfterS`, its last `idle.stillThereS` seconds a countdown), unless the kiosk's start URL says `?idle=90` (seconds) or `?idle=0` (off)
 * for this one kiosk (a demo, a test). A `?idle=` too short for the store's countdown gets half of
 * it as the countdown. Anything malformed falls back to the store's timings instead of disabling
 * the reset.
 */
export function parseKioskConfig(search: string, idle: Pick<StoreSettings['idle'], 'resetAfterS' | 'stillThereS' | 'attractAfterS'> = DEFAULT_IDLE): KioskConfig {
  const store = { idleTimeoutMs: idle.resetAfterS * 1000, warningMs: idle.stillThereS * 1000, attractMs: idle.attractAfterS * 1000 };
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null || raw.trim() === '') return store;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) return store;
  if (seconds === 0) return { idleTimeoutMs: 0, warningMs: 0, attractMs: 0 };
  const idleTimeoutMs = Math.max(MIN_IDLE_TIMEOUT_S, seconds) * 1000;
  const warningMs = Math.min(store.warningMs, idleTimeoutMs / 2);
  // Attract mode keeps its place before the countdown.
  return { idleTimeoutMs, warningMs, attractMs: Math.min(store.attractMs, idleTimeoutMs - warningMs) };
}

/**
 * The origin phones reach the kiosk's app at, for share links and QR codes. A kiosk browsing
 * `http://127.0.0.1:8080` would hand phones a link to themselves, so the store sets the address
 * the showroom Wi-Fi sees in the start URL: `?share=http://192.168.1.20:8080`. Anything but an
 * http(s) origin falls back to the page's own origin. (Without `?share=`, the QR card takes the
 * store settings' `shareOrigin`, else the server's PUBLIC_ORIGIN from /api/kiosk-config.)
 */
export function shareOrigin(search: string, pageOrigin: string): string {
  const raw = new URLSearchParams(search).get('share');
  if (!raw) return pageOrigin;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : pageOrigin;
  } catch {
    return pageOrigin;
  }
}
