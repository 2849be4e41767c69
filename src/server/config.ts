/** Server configuration from the environment, parsed once at the edge. */
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_QUIET_AFTER_S } from '../leads/heartbeat-schema.ts';
import { checkStoreFilePattern } from './store-settings-service.ts';
import { parseTrustProxy } from './trust-proxy.ts';
import { DEFAULT_NOTICE, type NoticeSettings } from './routes-notice.ts';

const NoticeText = z.string().trim().min(1).max(120);

/** An optional variable; set but empty (`TLS_CERT_FILE=` in a unit or compose file) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ORIGIN_EXAMPLE = 'an origin such as https://showroom.example.cn (scheme, host, optional port; no path)';

/** An http(s) origin, normalised (`https://Showroom.Example.CN:443/` -> `https://showroom.example.cn`). */
const Origin = z.string().transform((raw, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const plain = url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !plain || /[?#]/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: `expected ${ORIGIN_EXAMPLE}` });
    return z.NEVER;
  }
  return url.origin;
});

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  /** Optional PostgreSQL schema (created if missing); lets tests and tenants share a database. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  LEAD_ENCRYPTION_KEY: z.string().optional(),
  /** Path of the key file (default: the OS config location, key-file.ts); never inside DATA_DIR. */
  LEAD_KEY_FILE: z.string().optional(),
  /** `1` accepts a key inside DATA_DIR (a copy of the data folder then decrypts it). */
  ALLOW_KEY_IN_DATA_DIR: z.enum(['0', '1']).default('0'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** How long consent records outlive an erased lead, as proof. */
  CONSENT_PROOF_DAYS: z.coerce.number().int().min(1).default(1095),
  CRM_WEBHOOK_URL: z.url().optional(),
  CRM_WEBHOOK_SECRET: z.string().min(16).optional(),
  CRM_OUTSIDE_MAINLAND: z.enum(['0', '1']).default('0'),
  CRM_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  /** Where the CRM outside mainland China is (and whose it is), as the cross-border consent names it. */
  CRM_LOCATION: NoticeText.optional(),
  CRM_LOCATION_EN: NoticeText.optional(),
  /** The dealer (handler of the data) and the maker, as the consent notice names them. */
  DEALER_NAME: NoticeText.default(DEFAULT_NOTICE.dealerName['zh-CN']),
  DEALER_NAME_EN: NoticeText.default(DEFAULT_NOTICE.dealerName.en),
  MAKER_NAME: NoticeText.default(DEFAULT_NOTICE.makerName['zh-CN']),
  MAKER_NAME_EN: NoticeText.default(DEFAULT_NOTICE.makerName.en),
  /** Store of the kiosk on this machine, created at first start. */
  LOCAL_STORE_ID: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).default('local'),
  STATIC_DIR: z.string().default('dist'),
  /** Share-link tokens (a plan's QR link) one kiosk may mint per hour. */
  SHARE_TOKENS_PER_HOUR: z.coerce.number().int().min(1).default(6),
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; `0`/unset: none. */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** HTTPS for phones and headsets (docs/deploy.md): PEM certificate (with its chain) and key, both or neither. */
  TLS_CERT_FILE: optional(z.string()),
  TLS_KEY_FILE: optional(z.string()),
  HTTPS_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  /** Every IPv4 address: the HTTPS listener exists for devices on the showroom network, not this machine. */
  HTTPS_HOST: z.string().min(1).default('0.0.0.0'),
  /** Seconds without a kiosk's heartbeat (one a minute) before GET /api/kiosks calls it quiet; at least 90, so one lost beat is not an alarm. */
  KIOSK_QUIET_AFTER_S: z.coerce.number().int().min(90).max(86_400).default(DEFAULT_QUIET_AFTER_S),
  /** Where phones should open share links (the kiosk puts it in its QR codes), from /api/kiosk-config. */
  PUBLIC_ORIGIN: optional(Origin),
  /**
   * The store file (docs/deploy.md, "Store settings"): names, cars, prices, idle timings, languages,
   * share origin; `{store}` in the file name gives each store its own. Default DATA_DIR/store-settings.json.
   */
  STORE_CONFIG_FILE: optional(
    z.string().superRefine((file, ctx) => {
      const problem = checkStoreFilePattern(file);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
});

export type ServerConfig = z.output<typeof EnvSchema>;

/** Parses the environment; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  if (result.data.CRM_WEBHOOK_URL && !result.data.CRM_WEBHOOK_SECRET) throw new Error('CRM_WEBHOOK_URL needs CRM_WEBHOOK_SECRET (16+ characters)');
  if (result.data.CRM_OUTSIDE_MAINLAND === '1' && !result.data.CRM_LOCATION) {
    // Without it the kiosk cannot ask the separate cross-border consent, and no lead could be forwarded.
    throw new Error('CRM_OUTSIDE_MAINLAND=1 needs CRM_LOCATION: where the CRM is and whose it is, as customers are told (e.g. "新加坡（HubSpot, Inc.）")');
  }
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } = result.data;
  if ((cert === undefined) !== (key === undefined)) {
    const [set, unset] = cert === undefined ? ['TLS_KEY_FILE', 'TLS_CERT_FILE'] : ['TLS_CERT_FILE', 'TLS_KEY_FILE'];
    throw new Error(`${set} is set but ${unset} is not: HTTPS needs both (or neither)`);
  }
  return result.data;
}

/** STORE_CONFIG_FILE, or store-settings.json in DATA_DIR (absent there: every store runs on the defaults). */
export function storeConfigFile(config: Pick<ServerConfig, 'STORE_CONFIG_FILE' | 'DATA_DIR'>): string {
  return config.STORE_CONFIG_FILE ?? join(config.DATA_DIR, 'store-settings.json');
}

/** The consent notice's names from the configuration. */
export function noticeSettings(config: ServerConfig): NoticeSettings {
  const crm = config.CRM_OUTSIDE_MAINLAND === '1' && config.CRM_LOCATION ? { 'zh-CN': config.CRM_LOCATION, en: config.CRM_LOCATION_EN ?? config.CRM_LOCATION } : null;
  return {
    dealerName: { 'zh-CN': config.DEALER_NAME, en: config.DEALER_NAME_EN },
    makerName: { 'zh-CN': config.MAKER_NAME, en: config.MAKER_NAME_EN },
    crmLocation: crm,
  };
}
