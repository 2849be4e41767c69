/**
 * The HTTPS listener beside the plain-HTTP one: one app, one set of routes and limits for both,
 * its certificate checked at start and re-read on reload, both closed with the app.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHttpsListener, httpsBannerLines, readTlsCredentials, type HttpsListener, type TlsCredentials } from '../../src/server/https-listener.ts';
import { BACKENDS, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';
import { httpsRequest, makeCertificate, type TestCertificate } from './tls-fixture.ts';

const NAME = 'showroom.test';

/** Plain HTTP to 127.0.0.1:`port` with a chosen Host, as a phone on the LAN would send it. */
function httpGet(port: number, host: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let cert: TestCertificate;
let other: TestCertificate;
beforeAll(async () => {
  [cert, other] = await Promise.all([makeCertificate(NAME), makeCertificate('other.test')]);
});

describe('readTlsCredentials', () => {
  it('reads a certificate and its key, with the names and expiry of the certificate', () => {
    const tls = readTlsCredentials({ certFile: cert.certFile, keyFile: cert.keyFile });
    expect(tls.names).toEqual([NAME]);
    expect(tls.validTo.getTime()).toBeGreaterThan(Date.now() + 28 * 24 * 3600_000);
    expect(tls.cert.toString()).toBe(cert.cert);
  });

  it('refuses a missing, unreadable or wrong file with the variable and the file in the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'showroom-badtls-'));
    const missing = join(dir, 'missing.pem');
    const folder = join(dir, 'folder.pem');
    mkdirSync(folder);
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate\n');
    const fail = (certFile: string, keyFile: string) => {
      try {
        readTlsCredentials({ certFile, keyFile });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(fail(missing, cert.keyFile)).toMatch(new RegExp(`^TLS_CERT_FILE ${missing}: cannot read it \\(ENOENT\\)`));
    expect(fail(folder, cert.keyFile)).toMatch(new RegExp(`^TLS_CERT_FILE ${folder}: cannot read it \\(EISDIR\\)`));
    expect(fail(cert.certFile, missing)).toMatch(new RegExp(`^TLS_KEY_FILE ${missing}: cannot read it \\(ENOENT\\)`));
    expect(fail(garbage, cert.keyFile)).toMatch(new RegExp(`^TLS_CERT_FILE ${garbage}: no PEM certificate`));
    // The two files swapped: the key is not a certificate.
    expect(fail(cert.keyFile, cert.certFile)).toMatch(new RegExp(`^TLS_CERT_FILE ${cert.keyFile}: no PEM certificate`));
    expect(fail(cert.certFile, garbage)).toMatch(new RegExp(`^TLS_KEY_FILE ${garbage}: no PEM private key`));
    expect(fail(cert.certFile, other.keyFile)).toBe(`TLS_KEY_FILE ${other.keyFile} is not the key of the certificate in TLS_CERT_FILE ${cert.certFile}`);
  });
});

describe('httpsBannerLines', () => {
  const now = Date.parse('2026-05-01T00:00:00Z');
  const tls = (names: string[], validTo = '2026-08-01T00:00:00Z'): TlsCredentials => ({ cert: Buffer.alloc(0), key: Buffer.alloc(0), names, validFrom: new Date('2026-04-01T00:00:00Z'), validTo: new Date(validTo) });
  const listening = { host: '0.0.0.0', port: 8443 };

  it('prints nothing without TLS or PUBLIC_ORIGIN, and only the share origin with PUBLIC_ORIGIN alone (a proxy in front)', () => {
    expect(httpsBannerLines({ nowMs: now })).toBe('');
    expect(httpsBannerLines({ publicOrigin: 'https://showroom.example.cn', nowMs: now })).toBe('  share links: https://showroom.example.cn (PUBLIC_ORIGIN)\n');
  });

  it("gives phones the certificate's first exact name on the HTTPS port, and the kiosk that address when PUBLIC_ORIGIN is unset", () => {
    expect(httpsBannerLines({ listening, credentials: tls(['*.example.cn', 'showroom.example.cn']), nowMs: now })).toBe(
      '  phones and headsets: https://showroom.example.cn:8443/ (HTTPS on 0.0.0.0:8443; certificate for *.example.cn, showroom.example.cn, valid until 2026-08-01)\n' +
        '  share links: PUBLIC_ORIGIN is unset; start the kiosk with ?share=https://showroom.example.cn:8443 (or set PUBLIC_ORIGIN)\n',
    );
    // Port 443 is left out of the address, an IPv6 name is bracketed.
    expect(httpsBannerLines({ listening: { host: '::', port: 443 }, credentials: tls(['fd00::20']), publicOrigin: 'https://showroom.example.cn', nowMs: now })).toMatch(/^ {2}phones and headsets: https:\/\/\[fd00::20\]\/ \(HTTPS on :::443;/);
  });

  it('says when no exact name is in the certificate, and when it is out of date', () => {
    expect(httpsBannerLines({ listening, credentials: tls(['*.example.cn']), nowMs: now })).toContain('?share=https://<a name in the certificate>:8443 ');
    expect(httpsBannerLines({ listening, credentials: tls(['showroom.test'], '2026-04-30T00:00:00Z'), nowMs: now })).toContain('certificate for showroom.test, EXPIRED on 2026-04-30: phones will refuse it');
    expect(httpsBannerLines({ listening, credentials: tls([]), nowMs: now })).toContain('certificate for no subjectAltName: browsers will refuse it');
  });
});

describe.each(BACKENDS)('HTTPS listener (%s)', (backend) => {
  let f: Fixture;
  let https: HttpsListener;
  let httpPort: number;
  let httpsPort: number;
  let cert: TestCertificate; // its own files: the reload test rewrites them
  beforeAll(async () => {
    cert = await makeCertificate(NAME);
    // A low limit, to see that both listeners count against the same one.
    f = await makeFixture(backend, { rateLimitPerMinute: 40 });
    f.app.get('/test/protocol', async (req) => ({ protocol: req.protocol, hostname: req.hostname }));
    https = addHttpsListener(f.app, { certFile: cert.certFile, keyFile: cert.keyFile });
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    httpPort = (f.app.server.address() as { port: number }).port;
    httpsPort = (await https.listen(0, '127.0.0.1')).port;
  });
  afterAll(() => f.close());

  it('answers over HTTPS with the certificate a phone checks against its name', async () => {
    const res = await httpsRequest(httpsPort, NAME, cert.cert, '/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', storage: backend });
    expect(res.peerFingerprint).toBe(cert.fingerprint);
    // A client that does not trust the certificate gets no answer.
    await expect(httpsRequest(httpsPort, NAME, other.cert, '/api/health')).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('sees the request as https there and http on the plain listener', async () => {
    expect(JSON.parse((await httpsRequest(httpsPort, NAME, cert.cert, '/test/protocol')).body)).toEqual({ protocol: 'https', hostname: NAME });
    expect(JSON.parse((await httpGet(httpPort, `${NAME}:${httpPort}`, '/test/protocol')).body)).toEqual({ protocol: 'http', hostname: NAME });
  });

  it('sends COOP over HTTPS from a LAN name, and not over plain HTTP from one', async () => {
    const secure = await httpsRequest(httpsPort, NAME, cert.cert, '/api/health');
    expect(secure.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=/);
    const plain = await httpGet(httpPort, `${NAME}:${httpPort}`, '/api/health');
    expect(plain.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(plain.headers['content-security-policy']).toBe(secure.headers['content-security-policy']);
  });

  it('takes a lead from a phone over HTTPS into the same store as the kiosk over HTTP', async () => {
    const phone = nextPhone();
    const body = JSON.stringify(lead({}, phone));
    const res = await httpsRequest(httpsPort, NAME, cert.cert, '/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${f.tokens.kiosk}` },
      body,
    });
    expect(res.status).toBe(201);
    const listed = await f.app.inject({ url: `/api/leads?phone=${phone}`, headers: { authorization: `Bearer ${f.tokens.manager}` } });
    expect(listed.json()).toMatchObject({ total: 1, leads: [{ storeId: 'store-a' }] });
  });

  it('counts requests on both listeners against one rate limit per address', async () => {
    f.clock.ms += 60_000; // a fresh window
    const remaining = async (secure: boolean) => {
      const res = secure ? await httpsRequest(httpsPort, NAME, cert.cert, '/api/health') : await httpGet(httpPort, `127.0.0.1:${httpPort}`, '/api/health');
      return Number(res.headers['x-ratelimit-remaining']);
    };
    const first = await remaining(false);
    expect(await remaining(true)).toBe(first - 1);
    expect(await remaining(false)).toBe(first - 2);
  });

  it('serves a renewed certificate after reload, and keeps the current one when the new files are wrong', async () => {
    const renewed = await makeCertificate(NAME);
    // Renewal written in place, as an ACME client does; until the reload the old one is served.
    writeFileSync(https.files.certFile, renewed.cert);
    writeFileSync(https.files.keyFile, renewed.key);
    expect((await httpsRequest(httpsPort, NAME, cert.cert, '/api/health')).peerFingerprint).toBe(cert.fingerprint);
    expect(https.reload().names).toEqual([NAME]);
    const after = await httpsRequest(httpsPort, NAME, renewed.cert, '/api/health');
    expect(after.status).toBe(200);
    expect(after.peerFingerprint).toBe(renewed.fingerprint);
    // Half-written renewal: the key of another certificate. Refused, and nothing changes.
    writeFileSync(https.files.keyFile, other.key);
    expect(() => https.reload()).toThrow(/TLS_KEY_FILE .* is not the key of the certificate in TLS_CERT_FILE/);
    expect((await httpsRequest(httpsPort, NAME, renewed.cert, '/api/health')).peerFingerprint).toBe(renewed.fingerprint);
    writeFileSync(https.files.certFile, cert.cert);
    writeFileSync(https.files.keyFile, cert.key);
    https.reload();
  });

  it('closes both listeners with the app, an open keep-alive connection included', async () => {
    const { Agent } = await import('node:https');
    const agent = new Agent({ keepAlive: true });
    const kept = await httpsRequest(httpsPort, NAME, cert.cert, '/api/health', { agent });
    expect(kept.status).toBe(200);
    expect(await accepts(httpPort)).toBe(true);
    expect(await accepts(httpsPort)).toBe(true);
    const closing = f.app.close();
    await expect(Promise.race([closing.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open after 5 s'), 5000))])).resolves.toBe('closed');
    expect(await accepts(httpPort)).toBe(false);
    expect(await accepts(httpsPort)).toBe(false);
    agent.destroy();
  });
});
