/** Times and dates in rep mode: always China Standard Time, as the server's funnel days are. */
import { cstDay } from '../../leads/cst-day.ts';
import type { Locale } from '../../i18n/messages.ts';

const TIME_ZONE = 'Asia/Shanghai';
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `11/27 14:05` style: month, day, hour and minute. */
export function formatTime(locale: Locale, at: number | string): string {
  let f = timeFormats.get(locale);
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })));
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? f.format(ms) : String(at);
}

/** The CST day `days` before the day of `ms` (0: that day). */
export function cstDayBefore(ms: number, days: number): string {
  return cstDay(ms - days * 24 * 3600_000);
}

/** A field value as a rep reads it: lists joined, booleans as yes/no, objects as JSON text. */
export function fieldValue(value: unknown, words: { yes: string; no: string; sep: string }): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length ? value.map((v) => fieldValue(v, words)).join(words.sep) : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A stored E.164 number as a rep dials it: `+86 139 0000 1010`; other countries stay as stored. */
export function formatPhone(e164: string): string {
  const cn = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(e164);
  return cn ? `+86 ${cn[1]} ${cn[2]} ${cn[3]}` : e164;
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** `42秒钟前`, `5 minutes ago`: how long ago, in the locale's words, from whole seconds. */
export function formatAgo(locale: Locale, seconds: number): string {
  let f = relativeFormats.get(locale);
  // Numbers always (`1 天前`, not `昨天`, which would name a calendar day the count does not know).
  if (!f) relativeFormats.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })));
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return f.format(-s, 'second');
  if (s < 3600) return f.format(-Math.floor(s / 60), 'minute');
  if (s < 86_400) return f.format(-Math.floor(s / 3600), 'hour');
  return f.format(-Math.floor(s / 86_400), 'day');
}

/** `5分钟`, `1 hour`, `2 days`: a length of time in whole minutes, hours or days (at least a minute). */
export function formatDuration(locale: Locale, seconds: number): string {
  const s = Math.max(60, Math.floor(seconds));
  const [n, unit] = s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 86_400 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86_400), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

/** Storage sizes as a rep reads them: `21 MB`, `60.0 GB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
