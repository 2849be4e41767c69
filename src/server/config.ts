/** Server configuration from the environment, parsed once at the edge. */
import { z } from 'zod';

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
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** How long consent records outlive an erased lead, as proof. */
  CONSENT_PROOF_DAYS: z.coerce.number().int().min(1).default(1095),
  CRM_WEBHOOK_URL: z.url().optional(),
  CRM_WEBHOOK_SECRET: z.string().min(16).optional(),
  CRM_OUTSIDE_MAINLAND: z.enum(['0', '1']).default('0'),
  CRM_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  /** Store of the kiosk on this machine, created at first start. */
  LOCAL_STORE_ID: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).default('local'),
  STATIC_DIR: z.string().default('dist'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** HTTPS for phones and headsets (docs/deploy.md): PEM certificate (with its chain) and key, both or neither. */
  TLS_CERT_FILE: optional(z.string()),
  TLS_KEY_FILE: optional(z.string()),
  HTTPS_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  /** Every IPv4 address: the HTTPS listener exists for devices on the showroom network, not this machine. */
  HTTPS_HOST: z.string().min(1).default('0.0.0.0'),
  /** Where phones should open share links (the kiosk puts it in its QR codes), from /api/kiosk-config. */
  PUBLIC_ORIGIN: optional(Origin),
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
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } = result.data;
  if ((cert === undefined) !== (key === undefined)) {
    const [set, unset] = cert === undefined ? ['TLS_KEY_FILE', 'TLS_CERT_FILE'] : ['TLS_CERT_FILE', 'TLS_KEY_FILE'];
    throw new Error(`${set} is set but ${unset} is not: HTTPS needs both (or neither)`);
  }
  return result.data;
}
