import type { Locale } from './messages.ts';

// Intl formatters are costly to build and these run on every slider step: cache them.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A plain number with a fixed number of fraction digits, grouped for the locale. */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return formatter(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Whole kilometres with the locale's unit ("412公里", "412 km"). */
export function formatKm(locale: Locale, km: number): string {
  return formatter(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(km);
}

/** Degrees Celsius, whole degrees ("-20°C"). */
export function formatCelsius(locale: Locale, celsius: number): string {
  return formatter(locale, { style: 'unit', unit: 'celsius', maximumFractionDigits: 0 }).format(
    celsius,
  );
}

/** A ratio (0.62) as a whole percentage for the locale ("62%"). */
export function formatPercent(locale: Locale, ratio: number): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * Kilometres split into the number and the locale's unit, for a large number with a small unit
 * beside it ("412" + "公里", "412" + "km").
 */
export function kmParts(locale: Locale, km: number): { value: string; unit: string } {
  const parts = formatter(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).formatToParts(km);
  const value = parts.filter((p) => p.type !== 'unit' && p.type !== 'literal').map((p) => p.value).join('');
  const unit = parts.filter((p) => p.type === 'unit').map((p) => p.value).join('');
  return { value, unit };
}
