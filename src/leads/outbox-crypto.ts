/**
 * Encryption of personal data in the kiosk outbox: AES-GCM 256 with a key generated on the device,
 * kept in IndexedDB and never sent anywhere. The entry id is bound as additional data.
 *
 * Where WebCrypto exists (a secure context: the kiosk served from localhost, or HTTPS) the key is a
 * non-extractable CryptoKey, opaque even to script. A page on plain HTTP from another address (a
 * customer's phone or a paired kiosk on the showroom network) has no `crypto.subtle`: there the same
 * AES-GCM runs in audited JavaScript (@noble/ciphers) with a 32-byte key that stays in IndexedDB.
 */
import { gcm } from '@noble/ciphers/aes.js';

export type Sealed = { iv: Uint8Array; data: ArrayBuffer };
/** A WebCrypto key, or the raw key bytes where WebCrypto is unavailable. */
export type OutboxKey = CryptoKey | Uint8Array;

const aad = (id: string) => new TextEncoder().encode(id);

/** Generates the device key: non-extractable with WebCrypto, else 32 random bytes. */
export async function generateOutboxKey(subtle: SubtleCrypto | undefined, random: (n: number) => Uint8Array = randomBytes): Promise<OutboxKey> {
  if (subtle) return subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
  return random(32);
}

/** Encrypts a JSON-able value for entry `id`; `iv` must be 12 fresh random bytes. */
export async function seal(subtle: SubtleCrypto | undefined, key: OutboxKey, id: string, value: unknown, iv: Uint8Array): Promise<Sealed> {
  const plain = new TextEncoder().encode(JSON.stringify(value));
  if (key instanceof Uint8Array) {
    const out = gcm(key, iv, aad(id)).encrypt(plain);
    return { iv, data: out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer };
  }
  if (!subtle) throw new Error('this device key needs WebCrypto');
  const data = await subtle.encrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad(id) }, key, plain);
  return { iv, data };
}

/** Decrypts what seal produced for the same id (throws when the data or id do not match). */
export async function unseal<T>(subtle: SubtleCrypto | undefined, key: OutboxKey, id: string, sealed: Sealed): Promise<T> {
  let plain: Uint8Array | ArrayBuffer;
  if (key instanceof Uint8Array) plain = gcm(key, sealed.iv, aad(id)).decrypt(new Uint8Array(sealed.data));
  else if (subtle) plain = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: aad(id) }, key, sealed.data);
  else throw new Error('this device key needs WebCrypto');
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** A version 4 UUID from getRandomValues (crypto.randomUUID exists only in secure contexts). */
export function randomUuid(random: (n: number) => Uint8Array = randomBytes): string {
  const b = random(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
