/** Seconds without a touch before the kiosk returns to its home screen. */
export const DEFAULT_IDLE_TIMEOUT_S = 120;
/** Shortest accepted timeout: below this a customer reading a result would be thrown out. */
export const MIN_IDLE_TIMEOUT_S = 5;

export interface KioskConfig {
  /** Idle timeout in milliseconds; 0 turns the idle reset off (rep demo). */
  idleTimeoutMs: number;
}

/**
 * Reads the kiosk configuration from the page URL's query string, so a store can set it in the
 * kiosk's start URL without a rebuild: `?idle=90` (seconds), `?idle=0` (off). Anything malformed
 * falls back to the default instead of disabling the reset.
 */
export function parseKioskConfig(search: string): KioskConfig {
  const raw = new URLSearchParams(search).get('idle');
  if (raw === null || raw.trim() === '') return { idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_S * 1000 };
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    return { idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_S * 1000 };
  }
  if (seconds === 0) return { idleTimeoutMs: 0 };
  return { idleTimeoutMs: Math.max(MIN_IDLE_TIMEOUT_S, seconds) * 1000 };
}

/**
 * The origin phones reach the kiosk's app at, for share links and QR codes. A kiosk browsing
 * `http://127.0.0.1:8080` would hand phones a link to themselves, so the store sets the address
 * the showroom Wi-Fi sees in the start URL: `?share=http://192.168.1.20:8080`. Anything but an
 * http(s) origin falls back to the page's own origin. (Without `?share=`, the QR card takes the
 * server's PUBLIC_ORIGIN from /api/kiosk-config when it has one.)
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
