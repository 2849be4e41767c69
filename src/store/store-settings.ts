/**
 * The store file (STORE_CONFIG_FILE): one store's names, the cars its kiosks show, its energy
 * prices, idle timings, languages and share-link origin. One zod schema for the file, the lead
 * server's GET and PUT /api/store-settings and rep mode's form, so all three say the same thing
 * about a bad field. Every field but `storeId` has a default equal to what the kiosk did before
 * the file existed (except the "still there?" countdown: WCAG 2.2.1 wants at least 20 s, the old
 * constant was 10 s). Pure: no React, no DOM, no node:*.
 */
import { z } from 'zod';
import { LOCALES } from '../i18n/messages.ts';
import { StoreIdSchema } from '../leads/lead-schema.ts';
import { isLoopbackHost } from '../leads/loopback.ts';
import { DEFAULT_PRICES, PricesSchema, type Prices } from '../plan/prices.ts';

/** The store as customers know it; the consent notice names it as the handler of their data. */
export const DEFAULT_STORE_NAME = { 'zh-CN': '维拉汽车授权体验中心', en: 'Vela authorised experience centre' } as const;

/** Idle timings the kiosk had as constants (src/state/kiosk-config.ts, src/ui/shell/IdleReset.tsx), in seconds. */
export const DEFAULT_IDLE = { attractAfterS: 60, resetAfterS: 120, stillThereS: 20 } as const;
/** WCAG 2.2.1 (Timing Adjustable): a time-out warning gives at least 20 s to ask for more time. */
export const MIN_STILL_THERE_S = 20;
/** Seconds a customer has, at the shortest, before the "still there?" countdown starts. */
export const MIN_BEFORE_COUNTDOWN_S = 10;

/**
 * Custom issues carry `params.key` so rep mode can say them in the customer's language; the
 * message is the English the log and the API give.
 */
export type SettingsIssueKey = 'unique' | 'defaultNotOffered' | 'resetTooSoon' | 'attractTooLate' | 'notInLineup' | 'httpsOrigin';

const issue = (ctx: z.RefinementCtx, key: SettingsIssueKey, path: PropertyKey[], message: string, values: Record<string, string | number> = {}) =>
  ctx.addIssue({ code: 'custom', path, message, params: { key, ...values } });

const NameText = z.string().trim().min(1).max(120);
export const StoreNameSchema = z.strictObject({ 'zh-CN': NameText, en: NameText });

/** A bundle directory under public/models/ (as models/index.json lists them). */
export const VehicleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a vehicle id: lower-case letters, digits and dashes');

const price = (key: keyof Prices) => (PricesSchema.shape[key] as z.ZodNumber).default(DEFAULT_PRICES[key]);
/** CNY/L and CNY/kWh, with PricesSchema's bounds; the customer can still change them on the plan. */
export const StorePricesSchema = z.strictObject({
  petrolCnyPerL: price('petrolCnyPerL'),
  homePeakCnyPerKwh: price('homePeakCnyPerKwh'),
  homeOffPeakCnyPerKwh: price('homeOffPeakCnyPerKwh'),
  publicDcCnyPerKwh: price('publicDcCnyPerKwh'),
  offPeakShare: price('offPeakShare'),
});

const IdleFields = z.strictObject({
  /** Seconds without a touch before attract mode (the session is kept; a touch resumes it). */
  attractAfterS: z.int().min(10).max(3600).default(DEFAULT_IDLE.attractAfterS),
  /** Seconds without a touch before the session is reset; the countdown is its last `stillThereS`. */
  resetAfterS: z.int().min(MIN_STILL_THERE_S + MIN_BEFORE_COUNTDOWN_S).max(7200).default(DEFAULT_IDLE.resetAfterS),
  /** Length of the "still there?" countdown before the reset. */
  stillThereS: z.int().min(MIN_STILL_THERE_S, `at least ${MIN_STILL_THERE_S} s (WCAG 2.2.1)`).max(300).default(DEFAULT_IDLE.stillThereS),
});

/** The timings checked together only when each is fine on its own, so one mistake gives one message. */
export const IdleSchema = IdleFields.superRefine((v, ctx) => {
  if (!IdleFields.safeParse(v).success) return;
  const countdownAtS = v.resetAfterS - v.stillThereS;
  if (countdownAtS < MIN_BEFORE_COUNTDOWN_S) {
    const min = v.stillThereS + MIN_BEFORE_COUNTDOWN_S;
    issue(ctx, 'resetTooSoon', ['resetAfterS'], `at least stillThereS + ${MIN_BEFORE_COUNTDOWN_S} (${min} s)`, { min });
  } else if (v.attractAfterS > countdownAtS) {
    issue(ctx, 'attractTooLate', ['attractAfterS'], `at most resetAfterS − stillThereS (${countdownAtS} s): attract mode comes before the countdown`, { max: countdownAtS });
  }
});

const LocaleSchema = z.enum(LOCALES);
const OfferedSchema = z.array(LocaleSchema).min(1).max(LOCALES.length);
export const LanguagesSchema = z
  .strictObject({
    /** The languages the kiosk's switch offers, in its order. */
    offered: OfferedSchema.default([...LOCALES]),
    /** The language every customer starts in (and the kiosk returns to at a reset). */
    default: LocaleSchema.default('zh-CN'),
  })
  .superRefine((v, ctx) => {
    if (!OfferedSchema.safeParse(v.offered).success || !LocaleSchema.safeParse(v.default).success) return;
    v.offered.forEach((l, i) => v.offered.indexOf(l) !== i && issue(ctx, 'unique', ['offered', i], `${l} is listed twice`));
    if (!v.offered.includes(v.default)) issue(ctx, 'defaultNotOffered', ['default'], `${v.default} is not in languages.offered`);
  });

/** An https origin phones can reach (`https://showroom.example.cn/` -> `https://showroom.example.cn`). */
export const ShareOriginSchema = z
  .string()
  .max(200)
  .transform((raw, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(raw.trim());
    } catch {
      url = null;
    }
    const plain = url && url.protocol === 'https:' && url.hostname !== '' && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !/[?#]/.test(raw);
    if (!url || !plain || isLoopbackHost(url.host)) {
      issue(ctx, 'httpsOrigin', [], 'an https origin that phones reach, such as https://showroom.example.cn (no path; not this machine)');
      return z.NEVER;
    }
    return url.origin;
  });

/** The cars shown: ids listed once each, and (when the line-up is known) each one in it. */
function carsSchema(lineupIds: readonly string[] | undefined) {
  return z
    .array(VehicleIdSchema)
    .min(1)
    .max(64)
    .superRefine((ids, ctx) => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) issue(ctx, 'unique', [i], `${id} is listed twice`);
        else if (lineupIds && !lineupIds.includes(id)) issue(ctx, 'notInLineup', [i], `no vehicle ${id} in the line-up (models/index.json: ${lineupIds.join(', ') || 'empty'})`, { id });
      });
    });
}

export type StoreSettingsSchemaOptions = {
  /** The line-up's vehicle ids (models/index.json); without it, `cars` is checked for form only. */
  lineupIds?: readonly string[];
  /** The name a file without `name` gets (the server's DEALER_NAME, DEALER_NAME_EN). */
  defaultName?: { 'zh-CN': string; en: string };
};

/** The schema of a store file (and of the PUT body), checking cars against `lineupIds` when given. */
export function storeSettingsSchema(options: StoreSettingsSchemaOptions = {}) {
  return z.strictObject({
    storeId: StoreIdSchema,
    name: StoreNameSchema.default({ ...(options.defaultName ?? DEFAULT_STORE_NAME) }),
    /** Vehicle ids in the order the kiosk shows them; absent: every car of the line-up, in its order. */
    cars: carsSchema(options.lineupIds).optional(),
    prices: StorePricesSchema.prefault({}),
    idle: IdleSchema.prefault({}),
    languages: LanguagesSchema.prefault({}),
    /** Where phones open share links and QR codes (before PUBLIC_ORIGIN; a kiosk's ?share= wins). */
    shareOrigin: ShareOriginSchema.optional(),
  });
}

/** The format check alone (no line-up): what the kiosk parses a served or cached copy with. */
export const StoreSettingsSchema = storeSettingsSchema();
export type StoreSettings = z.output<typeof StoreSettingsSchema>;
export type StoreSettingsInput = z.input<typeof StoreSettingsSchema>;

/** What a store without a file runs on. */
export function defaultStoreSettings(storeId: string, defaultName?: StoreSettingsSchemaOptions['defaultName']): StoreSettings {
  return storeSettingsSchema({ defaultName }).parse({ storeId });
}

/**
 * The cars to show, in order: the settings' ids that the line-up has (a bundle removed since the
 * file was written is skipped), or the whole line-up when the settings name none of them.
 */
export function orderCars(lineupIds: readonly string[], cars: readonly string[] | undefined): string[] {
  const shown = (cars ?? []).filter((id) => lineupIds.includes(id));
  return shown.length > 0 ? shown : [...lineupIds];
}
