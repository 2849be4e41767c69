/**
 * What the lead server answers, as zod schemas: the server's code is typed by them and the rep and
 * manager views parse with them (api-client.ts), so the two cannot drift apart unnoticed.
 * Pure and shared: no Node or DOM imports.
 */
import { z } from 'zod';
import { FUNNEL_STEPS } from './event-schema.ts';

const Iso = z.string();
const TagsOut = z.object({ needs: z.array(z.string()).optional(), behaviour: z.array(z.string()).optional(), value: z.array(z.string()).optional() });

/** Every 4xx/5xx body. */
export const ErrorBodySchema = z.object({ error: z.string(), message: z.string(), field: z.string().optional() });
/** Answer to POST /api/leads (201 new, 200 merged or replayed). */
export const LeadReceiptSchema = z.object({ id: z.string(), interactionId: z.string(), merged: z.boolean() });
/** A text the kiosk shows in either of its languages. */
export const LocalizedTextSchema = z.object({ 'zh-CN': z.string().min(1).max(120), en: z.string().min(1).max(120) });
/**
 * GET /api/consent-notice: what the consent notice must say for the calling kiosk's store (PIPL
 * arts. 17, 39): who handles the data, who it may be shared with, how long it is kept (the
 * server's RETENTION_DAYS) and, when the CRM is outside mainland China, where it goes.
 */
export const ConsentNoticeParamsSchema = z.object({
  storeId: z.string(),
  dealerName: LocalizedTextSchema,
  makerName: LocalizedTextSchema,
  retentionDays: z.number().int().min(1),
  /** null: the CRM is in mainland China, no cross-border consent is asked. */
  crmLocation: LocalizedTextSchema.nullable(),
});

/** GET /api/health. */
export const HealthSchema = z.object({ status: z.string(), storage: z.string(), version: z.string().optional() });

/** GET /api/me. */
export const MeSchema = z.object({ role: z.enum(['kiosk', 'rep', 'manager']), storeId: z.string().nullable() });

/** Contact as stored (phone in E.164). */
export const ContactOutSchema = z.object({ name: z.string(), phone: z.string(), email: z.string().optional(), preferredTime: z.string().optional() });

/** One row of the lead list. */
export const LeadSummarySchema = z.object({
  id: z.string(),
  storeId: z.string(),
  createdAt: Iso,
  lastInteractionAt: Iso,
  interactions: z.number().int(),
  /** When a rep first contacted the customer (speed-to-lead), or null. */
  firstContactAt: Iso.nullable(),
  name: z.string(),
  /** `+86138****5678`: full numbers only in the detail view. */
  phoneMasked: z.string(),
  tags: TagsOut,
});
/** GET /api/leads: `total` matches the filters; `leads` is one page. */
export const LeadListSchema = z.object({ total: z.number().int(), leads: z.array(LeadSummarySchema) });

/** Consent purposes recorded per interaction (snake_case as stored). */
export const CONSENT_PURPOSES = ['contact', 'marketing', 'tag_marketing', 'share_with_maker', 'cross_border_crm'] as const;
/** One consent decision, kept as proof even after the lead is erased. */
export const ConsentRecordSchema = z.object({
  interactionId: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  textVersion: z.string(),
  givenAt: Iso.nullable(),
  recordedAt: Iso,
});

/** One visit: the first lead or a returning customer's later one (merged within 30 days). */
export const InteractionSchema = z.object({
  id: z.string(),
  kind: z.enum(['first', 'returning']),
  at: Iso,
  contact: ContactOutSchema.nullable(),
  answers: z.record(z.string(), z.unknown()).optional(),
  plan: z.record(z.string(), z.unknown()).optional(),
  tags: TagsOut.optional(),
  events: z.array(z.object({ type: z.string(), at: z.string(), data: z.record(z.string(), z.unknown()).optional() })).optional(),
  capturedAt: Iso.optional(),
  consent: z.record(z.string(), z.unknown()),
});

/** GET /api/leads/:id. */
export const LeadDetailSchema = LeadSummarySchema.extend({
  contact: ContactOutSchema,
  interactions: z.array(InteractionSchema),
  consents: z.array(ConsentRecordSchema),
});

const Ratio = z.number().nullable();
/** Step counts, step-to-step and overall conversion, and speed-to-lead of one group of days. */
const FunnelFiguresSchema = z.object({
  ...(Object.fromEntries(FUNNEL_STEPS.map((s) => [s, z.number().int()])) as Record<(typeof FUNNEL_STEPS)[number], z.ZodNumber>),
  conversion: z.object({ questionnaire: Ratio, plan: Ratio, lead: Ratio, testDrive: Ratio, overall: Ratio }),
  /** Median minutes from a lead to a rep's first contact, over the group's contacted leads. */
  speedToLeadMinutesMedian: z.number().nullable(),
  /** How many of the group's leads a rep has contacted (the median's sample). */
  contactedLeads: z.number().int(),
});
/** One day (UTC+8) and store of the funnel. */
export const FunnelRowSchema = FunnelFiguresSchema.extend({ day: z.string(), storeId: z.string() });
/** A store's figures over the whole range, or (storeId null) every visible store's. */
export const FunnelTotalsSchema = FunnelFiguresSchema.extend({ storeId: z.string().nullable() });
/** GET /api/funnel. */
export const FunnelSchema = z.object({ from: z.string(), to: z.string(), days: z.array(FunnelRowSchema), stores: z.array(FunnelTotalsSchema), total: FunnelTotalsSchema });

export type LeadReceipt = z.infer<typeof LeadReceiptSchema>;
export type ConsentNoticeParams = z.infer<typeof ConsentNoticeParamsSchema>;
export type LeadSummary = z.infer<typeof LeadSummarySchema>;
export type LeadList = z.infer<typeof LeadListSchema>;
export type LeadDetail = z.infer<typeof LeadDetailSchema>;
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;
export type FunnelRow = z.infer<typeof FunnelRowSchema>;
export type FunnelTotals = z.infer<typeof FunnelTotalsSchema>;
export type Funnel = z.infer<typeof FunnelSchema>;
