/**
 * Encryption of personal data in the kiosk outbox: AES-GCM 256 with a key generated on the device as
 * non-extractable and kept in IndexedDB (structured clone keeps a CryptoKey opaque), so the key never
 * leaves the device and cannot be read out by script. The entry id is bound as additional data.
 */
export type Sealed = { iv: Uint8Array; data: ArrayBuffer };

/** Generates the device key (AES-GCM 256, non-extractable). */
export function generateOutboxKey(subtle: SubtleCrypto): Promise<CryptoKey> {
  return subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
}

/** Encrypts a JSON-able value for entry `id`; `iv` must be 12 fresh random bytes. */
export async function seal(subtle: SubtleCrypto, key: CryptoKey, id: string, value: unknown, iv: Uint8Array): Promise<Sealed> {
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await subtle.encrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: new TextEncoder().encode(id) }, key, plain);
  return { iv, data };
}

/** Decrypts what seal produced for the same id. */
export async function unseal<T>(subtle: SubtleCrypto, key: CryptoKey, id: string, sealed: Sealed): Promise<T> {
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: new TextEncoder().encode(id) }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
