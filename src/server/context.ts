/** What every route module needs, built once by buildApp. */
import type { TokenAuth } from './auth.ts';
import type { Keys } from './crypto.ts';
import type { Db } from './db.ts';

export type AppContext = {
  db: Db;
  keys: Keys;
  auth: TokenAuth;
  now: () => number;
  /** Whether a CRM webhook is configured (leads then get an outbox row). */
  crmEnabled: boolean;
  /** Called after a new lead commits, e.g. to wake the CRM worker. */
  onLeadStored: () => void;
  /** Days leads (and funnel events) are kept (RETENTION_DAYS). */
  retentionDays: number;
  /** Share-link tokens a kiosk may mint per hour (SHARE_TOKENS_PER_HOUR). */
  shareTokensPerHour: number;
};
