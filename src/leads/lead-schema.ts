/**
 * The lead as the kiosk sends it and the server validates it: one zod schema, types inferred.
 * Pure and shared with the kiosk: no Node, DOM, clock or randomness here.
 *
 * Smallest valid lead:
 * `{ "id": UUID, "contact": { "name", "phone" }, "consent": { "contact": true, "textVersion" } }`.
 */
import { z } from 'zod';
import { parsePhone, PHONE_REJECTION_MESSAGES } from './phone.ts';
import { InstantSchema, LeadEventSchema, SlugSchema } from './event-schema.ts';

/** Input phone (as typed), output E.164. */
export const PhoneSchema = z.string().max(32).transform((raw, ctx) => {
  const parsed = parsePhone(raw);
  if (parsed.ok) return parsed.e164;
  ctx.addIssue({ code: 'custom', message: PHONE_REJECTION_MESSAGES[parsed.reason], params: { reason: parsed.reason } });
  return z.NEVER;
});


/** Store ids are short slugs chosen by the dealer (`sh-pudong-01`). */
export const StoreIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, _ and -');

/**
 * A tag is a slug, never free text: the family tag says `family` or `family.kids`, never a child's
 * name or age (PIPL: no details of minors).
 */
export const TagSchema = SlugSchema;

/** Tags from the plan: needs, behaviour on the kiosk, value segment. */
export const LeadTagsSchema = z.strictObject({
  needs: z.array(TagSchema).max(32).optional(),
  behaviour: z.array(TagSchema).max(32).optional(),
  value: z.array(TagSchema).max(32).optional(),
});

/** Contact details: personal data, encrypted at rest on the kiosk and the server. */
export const ContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  phone: PhoneSchema,
  email: z.email().max(254).optional(),
  /** Preferred test-drive time, local with offset. */
  preferredTime: InstantSchema.optional(),
});

/**
 * Consents as PIPL asks: contact is required; marketing, tag-based marketing, dealer-to-maker sharing
 * and cross-border CRM storage are separate and optional (absent means refused).
 */
export const ConsentSchema = z.strictObject({
  contact: z.literal(true),
  /** Version of the notice text the customer saw, e.g. `zh-CN-2026-05`. */
  textVersion: z.string().trim().min(1).max(64),
  /** When the customer ticked the box (kiosk clock). */
  givenAt: InstantSchema.optional(),
  marketing: z.boolean().optional(),
  /** Marketing chosen from needs/behaviour tags; refusing it keeps tags out of campaigns. */
  tagMarketing: z.boolean().optional(),
  shareWithMaker: z.boolean().optional(),
  crossBorderCrm: z.boolean().optional(),
});

const ScalarSchema = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);
const AnswerValueSchema = z.union([ScalarSchema, z.array(ScalarSchema).max(32)]);
const KeySchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'key: letters, digits, _ . -');

/** Questionnaire answers keyed by question id. */
export const AnswersSchema = z.record(KeySchema, AnswerValueSchema).refine((o) => Object.keys(o).length <= 64, 'at most 64 answers');

/** The tailored plan as shown to the customer (produced by src/plan; kept opaque but bounded). */
export const PlanSchema = z
  .record(KeySchema, z.union([AnswerValueSchema, z.record(KeySchema, AnswerValueSchema)]))
  .refine((o) => Object.keys(o).length <= 64, 'at most 64 plan fields');

/** The lead the kiosk posts; `id` (client-generated UUID) is the idempotency key. */
export const LeadSchema = z.strictObject({
  id: z.uuid().transform((s) => s.toLowerCase()),
  storeId: StoreIdSchema.optional(),
  capturedAt: InstantSchema.optional(),
  contact: ContactSchema,
  consent: ConsentSchema,
  answers: AnswersSchema.optional(),
  plan: PlanSchema.optional(),
  tags: LeadTagsSchema.optional(),
  events: z.array(LeadEventSchema).max(200).optional(),
});

/** What the kiosk builds and sends. */
export type LeadInput = z.input<typeof LeadSchema>;
/** What the server stores after validation (phone in E.164, id lower-case). */
export type Lead = z.output<typeof LeadSchema>;
export type LeadTags = z.output<typeof LeadTagsSchema>;
export type Consent = z.output<typeof ConsentSchema>;

/** Dotted path of the first failing field, e.g. `contact.phone`. */
export function issuePath(error: z.ZodError): string {
  const first = error.issues[0];
  return first && first.path.length > 0 ? first.path.map(String).join('.') : '(body)';
}
