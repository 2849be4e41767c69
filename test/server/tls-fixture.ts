/**
 * Test certificates and HTTPS requests: a self-signed certificate for a showroom name (not
 * loopback, as a phone on the LAN would use), and requests that trust exactly that certificate
 * while connecting to 127.0.0.1.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export type TestCertificate = {
  /** PEM certificate and private key. */
  cert: string;
  key: string;
  /** Files holding them (in a fresh temporary folder). */
  certFile: string;
  keyFile: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, as Chromium's --ignore-certificate-errors-spki-list wants it. */
  spki: string;
  /** SHA-256 fingerprint of the certificate (X509Certificate.fingerprint256). */
  fingerprint: string;
};

/** A self-signed P-256 certificate for `name` (subjectAltName DNS), valid from yesterday for `days`. */
export async function makeCertificate(name: string, days = 30): Promise<TestCertificate> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + days * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: name }] },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'showroom-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  writeFileSync(certFile, pems.cert);
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  const spki = createHash('sha256').update(createPublicKey(pems.cert).export({ type: 'spki', format: 'der' })).digest('base64');
  return { cert: pems.cert, key: pems.private, certFile, keyFile, spki, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

export type HttpsAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string; peerFingerprint: string };

/**
 * GET (or another method) over HTTPS to 127.0.0.1:`port` as a browser that asked for `name`
 * would: SNI, certificate check and Host all use `name`, and only `ca` is trusted. A fresh
 * connection each time (no agent), so a reloaded certificate shows.
 */
export function httpsRequest(port: number, name: string, ca: string, path: string, options: RequestOptions & { body?: string } = {}): Promise<HttpsAnswer> {
  const { body, headers, ...rest } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, servername: name, ca, agent: false, ...rest, headers: { host: `${name}:${port}`, ...headers } },
      (res) => {
        const peerFingerprint = (res.socket as import('node:tls').TLSSocket).getPeerX509Certificate?.()?.fingerprint256 ?? '';
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, peerFingerprint }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
