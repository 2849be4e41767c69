/**
 * Personal-data crypto: AES-256-GCM for contact details at rest, HMAC-SHA256 (separate derived key)
 * for the phone hash used to find duplicates and erase by number, SHA-256 for bearer tokens (they
 * are 256-bit random, so a fast hash is enough). Where the master key comes from: key-file.ts.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type Keys = {
  /** 32-byte AES key for contact details. */
  encKey: Buffer;
  /** 32-byte HMAC key for phone hashes. */
  hashKey: Buffer;
  /** 32-byte HMAC key for idempotency hashes (the store and body of a POST /api/leads). */
  idempotencyKey: Buffer;
  /** Non-secret fingerprint, stored in the database to catch instances started with another key. */
  fingerprint: string;
};

/** Derives the working keys from a 32-byte master key. */
export function deriveKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('lead encryption key must be 32 bytes (base64 in LEAD_ENCRYPTION_KEY)');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return {
    encKey: derive('showroom-twin/contact-aes-gcm'),
    hashKey: derive('showroom-twin/phone-hmac'),
    idempotencyKey: derive('showroom-twin/idempotency-hmac'),
    fingerprint: createHash('sha256').update(derive('showroom-twin/fingerprint')).digest('hex').slice(0, 16),
  };
}

/** Encrypts a UTF-8 string: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encrypt(keys: Keys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encKey, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts what encrypt produced; throws if the data or key is wrong. */
export function decrypt(keys: Keys, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encKey, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash of an E.164 phone number. */
export function phoneHash(keys: Keys, e164: string): string {
  return createHmac('sha256', keys.hashKey).update(e164).digest('base64url');
}

/** Marks an idempotency hash keyed by store (`v2.<base64url>`); rows without it hold a legacy hash. */
export const IDEMPOTENCY_HASH_PREFIX = 'v2.';

/**
 * Keyed hash of a lead request for the idempotency cache: the store and the canonical body, under
 * its own HKDF-derived key. The same lead id posted by another store's kiosk hashes differently.
 */
export function idempotencyHash(keys: Keys, storeId: string, lead: unknown): string {
  return IDEMPOTENCY_HASH_PREFIX + createHmac('sha256', keys.idempotencyKey).update(canonicalJson([storeId, lead])).digest('base64url');
}

/** The hash stored before idempotencyHash (body only, under the phone key): to recognise old rows. */
export function legacyIdempotencyHash(keys: Keys, lead: unknown): string {
  return phoneHash(keys, canonicalJson(lead));
}

/** SHA-256 of a bearer token or pairing code, hex. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** HMAC-SHA256 of a webhook body: hex of HMAC(secret, `${timestampS}.${body}`). */
export function webhookSignature(secret: string, timestampS: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
}

/** Canonical JSON (sorted keys) so the same lead always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    return `{${entries.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
