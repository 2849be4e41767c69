/**
 * Display formatting for the plan: one rounding rule for every range (whole km, `displayKm`), yuan
 * through Intl's CNY currency, reason codes to sentences. Pure functions of (locale, value), so the
 * browser test can compute what the screen must show.
 */
import { formatCelsius, formatKm, formatNumber, translate, type Locale } from '../../i18n/index.ts';
import type { Reason } from '../../plan/index.ts';
import { needsText, type NeedsMessageKey } from './messages.ts';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** The plan's ranges are shown in whole kilometres, everywhere. */
export function displayKm(km: number): number {
  return Math.round(km);
}

export function formatRangeKm(locale: Locale, km: number): string {
  return formatKm(locale, displayKm(km));
}

/** Yuan for the locale ("¥5,400", "CN¥5,400"); whole yuan unless `fractionDigits` is given. */
export function formatCny(locale: Locale, cny: number, fractionDigits = 0): string {
  return nf(locale, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(cny);
}

/** A car price or budget, short ("¥25万", "CN¥250K"). */
export function formatCnyCompact(locale: Locale, cny: number): string {
  return nf(locale, { style: 'currency', currency: 'CNY', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(cny);
}

export function formatSpeed(locale: Locale, kmh: number): string {
  return nf(locale, { style: 'unit', unit: 'kilometer-per-hour', maximumFractionDigits: 0 }).format(kmh);
}

/** A charging session: minutes under an hour, else hours and minutes rounded to 5 min. */
export function formatDuration(locale: Locale, minutes: number): string {
  const unit = (u: 'hour' | 'minute', v: number) => nf(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(v);
  if (minutes < 60) return unit('minute', Math.max(1, Math.round(minutes)));
  const rounded = Math.round(minutes / 5) * 5;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m === 0 ? unit('hour', h) : `${unit('hour', h)} ${unit('minute', m)}`;
}

export function formatKw(locale: Locale, kw: number): string {
  return needsText(locale, 'unit.kw', { value: formatNumber(locale, kw, Number.isInteger(kw) ? 0 : 1) });
}

export function formatLPer100km(locale: Locale, litres: number): string {
  return needsText(locale, 'unit.lPer100km', { value: formatNumber(locale, litres, 1) });
}

/** One reason value, formatted by the unit its name carries (`rangeKm`, `priceCny`, `winterC`...). */
export function formatReasonValue(locale: Locale, name: string, value: number): string {
  if (name.endsWith('Km')) return formatRangeKm(locale, value);
  if (name.endsWith('Cny')) return formatCnyCompact(locale, value);
  if (name === 'kwhPer100km') return translate(locale, 'unit.kwhPer100km', { value: formatNumber(locale, value, 1) });
  if (name === 'kw') return formatKw(locale, value);
  if (name.endsWith('C')) return formatCelsius(locale, value);
  return formatNumber(locale, value);
}

/** A reason code and its numbers as a sentence in the locale. */
export function reasonText(locale: Locale, reason: Reason): string {
  const params = Object.fromEntries(Object.entries(reason.values ?? {}).map(([k, v]) => [k, formatReasonValue(locale, k, v)]));
  return needsText(locale, `reason.${reason.code}` as NeedsMessageKey, params);
}

/** How often the commute needs a charge, from the plan's days between charges. */
export function daysText(locale: Locale, days: number): string {
  if (!Number.isFinite(days)) return needsText(locale, 'plan.days.never');
  if (days <= 0) return needsText(locale, 'plan.days.moreThanDaily');
  if (days === 1) return needsText(locale, 'plan.days.daily');
  return needsText(locale, 'plan.days', { days: formatNumber(locale, days) });
}
