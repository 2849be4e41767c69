/**
 * A kiosk's heartbeat (POST /api/kiosks/heartbeat) and the kiosk list a store's watchdog and rep
 * mode read (GET /api/kiosks). No personal data: the kiosk is known by its token, the error is a
 * scrubbed message. Every field is bounded so a hostile body is refused whole. Pure and shared
 * with the kiosk.
 */
import { z } from 'zod';
import { InstantSchema } from './event-schema.ts';

/** A kiosk sends one a minute; the server calls it quiet after KIOSK_QUIET_AFTER_S without one. */
export const HEARTBEAT_INTERVAL_MS = 60_000;
/** Default of KIOSK_QUIET_AFTER_S: three beats missed. */
export const DEFAULT_QUIET_AFTER_S = 180;
/** The longest error message kept (the kiosk cuts it there, the server refuses longer). */
export const ERROR_MESSAGE_MAX = 200;

/** The build's version as src/server/app-version.ts writes it (`0.1.0+8188c7a`, `dev` in tests). */
export const AppVersionSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/, 'an app version such as 0.1.0+8188c7a');
/** A screen id of src/ui/screens.tsx (also the URL hash). */
export const ScreenIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a screen id');
const Count = z.int().min(0).max(1_000_000);
const Bytes = z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
/** One line of printable text: no control characters (a log or a terminal would obey them). */
const Line = (max: number) => z.string().min(1).max(max).regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'one line, no control characters');

export const OutboxCountsSchema = z.strictObject({ pending: Count, failed: Count });
/** navigator.storage: persisted() and estimate(). */
export const StorageStateSchema = z.strictObject({ persisted: z.boolean(), usageBytes: Bytes, quotaBytes: Bytes });
/** src/state/app-update.ts's appUpdateState(). */
export const ServiceWorkerStateSchema = z.strictObject({ registered: z.boolean(), offlineReady: z.boolean(), waiting: z.boolean() });
/** The page's last uncaught error or unhandled rejection since it loaded, scrubbed of personal data. */
export const LastErrorSchema = z.strictObject({ kind: z.enum(['error', 'rejection']), message: Line(ERROR_MESSAGE_MAX), at: InstantSchema });

/**
 * Body of POST /api/kiosks/heartbeat. Null where the browser cannot tell (no IndexedDB, no
 * StorageManager, no service workers outside a secure context). The kiosk's id is its token's.
 */
export const HeartbeatSchema = z.strictObject({
  version: AppVersionSchema,
  screen: ScreenIdSchema,
  outbox: OutboxCountsSchema.nullable(),
  storage: StorageStateSchema.nullable(),
  serviceWorker: ServiceWorkerStateSchema.nullable(),
  lastError: LastErrorSchema.nullable(),
});
export type Heartbeat = z.output<typeof HeartbeatSchema>;

/** Answer to a heartbeat: which kiosk the server took it for (its token's id) and its store. */
export const HeartbeatReceiptSchema = z.object({ kioskId: z.string(), storeId: z.string() });

/** One kiosk in GET /api/kiosks: its last heartbeat and whether it has gone quiet. */
export const KioskStatusSchema = z.object({
  /** The kiosk's token id (as GET /api/tokens lists it). */
  id: z.string(),
  storeId: z.string(),
  /** The token's label (`local kiosk`, the label given at pairing). */
  label: z.string().nullable(),
  lastSeenAt: z.string(),
  secondsSince: z.int(),
  /** Not seen for more than `quietAfterS`. */
  quiet: z.boolean(),
  ...HeartbeatSchema.shape,
});
export type KioskStatus = z.output<typeof KioskStatusSchema>;

/** GET /api/kiosks. */
export const KioskListSchema = z.object({
  /** The server's clock when it answered. */
  now: z.string(),
  quietAfterS: z.int(),
  /** The server's version: a kiosk reporting another has not updated (or is newer). */
  serverVersion: z.string(),
  kiosks: z.array(KioskStatusSchema),
});
export type KioskList = z.output<typeof KioskListSchema>;
