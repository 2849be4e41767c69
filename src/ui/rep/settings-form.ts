/**
 * The store settings form's model: what a manager types (numbers as text, so a half-typed value is
 * not lost), the body it becomes, the shared schema's verdict on it per field, and each problem in
 * the manager's language. Pure, for the card and its tests.
 */
import type { z } from 'zod';
import type { Locale } from '../../i18n/messages.ts';
import { storeSettingsSchema, type StoreSettings } from '../../store/store-settings.ts';
import { settingsText } from './settings-text.ts';

export const PRICE_KEYS = ['petrolCnyPerL', 'homePeakCnyPerKwh', 'homeOffPeakCnyPerKwh', 'publicDcCnyPerKwh', 'offPeakShare'] as const;
export const IDLE_KEYS = ['attractAfterS', 'resetAfterS', 'stillThereS'] as const;

export type SettingsDraft = {
  storeId: string;
  name: StoreSettings['name'];
  /** Vehicle ids shown, in order; null: untouched, every car of the line-up in its order. */
  cars: string[] | null;
  prices: Record<(typeof PRICE_KEYS)[number], string>;
  idle: Record<(typeof IDLE_KEYS)[number], string>;
  languages: StoreSettings['languages'];
  shareOrigin: string;
};

const text = (n: number) => String(n);

export function draftOf(s: StoreSettings): SettingsDraft {
  return {
    storeId: s.storeId,
    name: { ...s.name },
    cars: s.cars ? [...s.cars] : null,
    prices: Object.fromEntries(PRICE_KEYS.map((k) => [k, text(s.prices[k])])) as SettingsDraft['prices'],
    idle: Object.fromEntries(IDLE_KEYS.map((k) => [k, text(s.idle[k])])) as SettingsDraft['idle'],
    languages: { offered: [...s.languages.offered], default: s.languages.default },
    shareOrigin: s.shareOrigin ?? '',
  };
}

/** A typed number, or null when empty (the schema then says "required" rather than a default being saved unseen). */
function numberOf(raw: string): number | null {
  const t = raw.trim().replace(',', '.');
  return t === '' ? null : Number(t);
}

/** The PUT body a draft stands for. */
export function bodyOf(d: SettingsDraft): unknown {
  return {
    storeId: d.storeId,
    name: d.name,
    ...(d.cars ? { cars: d.cars } : {}),
    prices: Object.fromEntries(PRICE_KEYS.map((k) => [k, numberOf(d.prices[k])])),
    idle: Object.fromEntries(IDLE_KEYS.map((k) => [k, numberOf(d.idle[k])])),
    languages: d.languages,
    ...(d.shareOrigin.trim() ? { shareOrigin: d.shareOrigin.trim() } : {}),
  };
}

export type DraftCheck = { ok: true; settings: StoreSettings } | { ok: false; errors: Map<string, z.core.$ZodIssue> };

/** The schema's verdict, with the first problem of each field by dotted path (`idle.stillThereS`). */
export function checkDraft(d: SettingsDraft, lineupIds?: readonly string[]): DraftCheck {
  const result = storeSettingsSchema(lineupIds ? { lineupIds } : {}).safeParse(bodyOf(d));
  if (result.success) return { ok: true, settings: result.data };
  const errors = new Map<string, z.core.$ZodIssue>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, issue);
  }
  return { ok: false, errors };
}

/** A field's problem in the manager's language (the schema's English when there is no better). */
export function issueText(locale: Locale, path: string, issue: z.core.$ZodIssue): string {
  const t = (key: Parameters<typeof settingsText>[1], params?: Record<string, string | number>) => settingsText(locale, key, params);
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      switch (params.key) {
        case 'unique': return t('error.unique');
        case 'defaultNotOffered': return t('error.defaultNotOffered');
        case 'resetTooSoon': return t('error.resetTooSoon', params);
        case 'attractTooLate': return t('error.attractTooLate', params);
        case 'notInLineup': return t('error.notInLineup', params);
        case 'httpsOrigin': return t('error.httpsOrigin');
        default: return issue.message;
      }
    }
    case 'too_small':
      if (issue.origin === 'array') return t(path.startsWith('languages') ? 'error.languages.min' : 'error.cars.min');
      if (issue.origin === 'string') return t('error.required');
      return t('error.min', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? t('error.length', { max: Number(issue.maximum) }) : t('error.max', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return t('error.integer');
      // The form sends a number, NaN (not a number) or null (empty).
      if (issue.expected === 'number') return (issue as { received?: string }).received === 'NaN' ? t('error.number') : t('error.required');
      return issue.message;
    case 'unrecognized_keys':
      return t('error.unknown');
    default:
      return issue.message;
  }
}
