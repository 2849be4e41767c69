/**
 * Behaviour events: those attached to a lead, and anonymous funnel events the kiosk posts without
 * any personal data. Pure and shared with the kiosk.
 */
import { z } from 'zod';

/** Lower-case slug used for tags and event types. */
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/, 'slug');
/** Instant with an explicit offset, e.g. `2026-05-01T10:00:00+08:00`. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** An event inside a lead: what the customer looked at, e.g. `plan.viewed`. */
export const LeadEventSchema = z.strictObject({
  type: SlugSchema,
  at: InstantSchema,
  data: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.union([z.string().max(200), z.number().finite(), z.boolean()])).optional(),
});

/** Funnel steps counted per day and store. */
export const FUNNEL_STEPS = ['session_started', 'questionnaire_completed', 'plan_viewed', 'lead_submitted', 'test_drive_booked'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** One anonymous funnel event; `id` makes retries idempotent, `sessionId` is a random per-visit id. */
export const FunnelEventSchema = z.strictObject({
  id: z.uuid().transform((s) => s.toLowerCase()),
  sessionId: z.uuid().transform((s) => s.toLowerCase()),
  type: z.enum(FUNNEL_STEPS),
  at: InstantSchema,
});

/** Body of POST /api/events: 1 to 100 events. */
export const FunnelEventBatchSchema = z.strictObject({
  events: z.array(FunnelEventSchema).min(1).max(100),
});

export type LeadEvent = z.output<typeof LeadEventSchema>;
export type FunnelEvent = z.output<typeof FunnelEventSchema>;
export type FunnelEventBatch = z.input<typeof FunnelEventBatchSchema>;
