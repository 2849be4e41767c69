/**
 * How long a lead may wait on a device before the outbox gives it up (src/leads/outbox.ts). Shared
 * with the server, which must remember a lead id at least this long (its idempotency key) so that a
 * kiosk resending an erased or old lead is answered with the first answer, never stored again.
 */
export const OUTBOX_MAX_AGE_MS = 30 * 24 * 3600_000;
