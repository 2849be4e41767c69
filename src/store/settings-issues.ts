/**
 * A store file's problems as the lead server reports them (GET /api/store-settings `problem`, the
 * log) and as rep mode shows them: the file, and each bad field by its dotted zod path.
 */
import { z } from 'zod';
import { StoreSettingsSchema } from './store-settings.ts';

export const SettingsIssueSchema = z.object({
  /** Dotted field path (`idle.stillThereS`, `cars.2`); '' for the file as a whole (malformed JSON). */
  path: z.string(),
  message: z.string(),
});
export type SettingsIssue = z.infer<typeof SettingsIssueSchema>;

export const SettingsProblemSchema = z.object({
  /** The file as STORE_CONFIG_FILE names it. */
  file: z.string(),
  /** One line naming the file and the first bad field. */
  message: z.string(),
  issues: z.array(SettingsIssueSchema),
});
export type SettingsProblem = z.infer<typeof SettingsProblemSchema>;

/** GET and PUT /api/store-settings. */
export const StoreSettingsResponseSchema = z.object({
  /** What the store's kiosks run on: the file's, the last good copy of it, or the defaults. */
  settings: StoreSettingsSchema,
  source: z.enum(['file', 'last-good', 'defaults']),
  /** Why the file is not what runs; null when it is (or there is no file). */
  problem: SettingsProblemSchema.nullable(),
  /** Whether this server keeps a file for the store, so a manager's PUT can be saved. */
  editable: z.boolean(),
});
export type StoreSettingsResponse = z.infer<typeof StoreSettingsResponseSchema>;

/** At most this many issues are reported (a file of garbage would otherwise list hundreds). */
const MAX_ISSUES = 20;

/**
 * Zod's issues with dotted paths; an unknown key is named as a field of its own (`prices.petrol`
 * rather than `prices`), since a misspelt key is the usual cause.
 */
export function settingsIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.slice(0, MAX_ISSUES).flatMap((i) => {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...base, k].join('.'), message: 'unknown field' }));
    return [{ path: base.join('.'), message: i.message }];
  });
}

/** `store.json: idle.stillThereS: at least 20 s (WCAG 2.2.1)`: the file and its first bad field. */
export function problemMessage(file: string, issues: readonly SettingsIssue[]): string {
  const first = issues[0];
  if (!first) return `${file}: invalid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${file}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`;
}
