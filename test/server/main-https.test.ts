/**
 * The real server (src/server/main.ts as a child process) with TLS_CERT_FILE and TLS_KEY_FILE:
 * the kiosk's plain HTTP on loopback and HTTPS for phones, both in the banner, a renewed
 * certificate served after SIGHUP, both listeners closed on SIGTERM, and a bad certificate file a
 * clear start-up error before anything is written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, makeCertificate, type TestCertificate } from './tls-fixture.ts';

const NAME = 'showroom.test';
const children: ChildProcess[] = [];
const dirs: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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

type Server = { child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null>; dataDir: string };

/** Starts the server with `env` and a fresh DATA_DIR; resolves once the banner is out. */
async function start(env: Record<string, string>): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leads-https-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HTTPS_HOST: '127.0.0.1', LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', () => {
      const m = /lead server on (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve(m[1]!); // the banner is written in one piece
    });
    void exited.then((code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err, exited, dataDir };
}

/** Waits until the server's stderr matches `re` (after `from` characters). */
async function waitForStderr(server: Server, re: RegExp, from: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const m = re.exec(server.stderr().slice(from));
    if (m) return m[0];
    if (Date.now() > deadline) throw new Error(`no ${re} on stderr; it says:\n${server.stderr().slice(from)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let cert: TestCertificate;
beforeAll(async () => {
  cert = await makeCertificate(NAME);
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the lead server with TLS', () => {
  it('serves the kiosk over loopback HTTP and phones over HTTPS, prints both, and closes both on SIGTERM', async () => {
    const httpsPort = await freePort();
    const server = await start({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, HTTPS_PORT: String(httpsPort), PUBLIC_ORIGIN: 'https://showroom.example.cn' });
    const banner = server.stderr();
    expect(banner).toContain(`  phones and headsets: https://${NAME}:${httpsPort}/ (HTTPS on 127.0.0.1:${httpsPort}; certificate for ${NAME}, valid until `);
    expect(banner).toContain('  share links: https://showroom.example.cn (PUBLIC_ORIGIN)\n');
    // The kiosk on this machine: plain HTTP, its token and the public origin from /api/kiosk-config.
    const config = (await (await fetch(`${server.url}/api/kiosk-config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ storeId: 'local', publicOrigin: 'https://showroom.example.cn' });
    expect(config.token).toMatch(/^stw_kiosk_/);
    // A phone: HTTPS on the showroom name, the same app.
    const health = await httpsRequest(httpsPort, NAME, cert.cert, '/api/health');
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', storage: 'sqlite', version: expect.stringMatching(/^0\.1\.0/) });
    expect(health.headers['cross-origin-opener-policy']).toBe('same-origin');

    const httpPort = Number(new URL(server.url).port);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await accepts(httpPort)).toBe(false);
    expect(await accepts(httpsPort)).toBe(false);
  }, 60_000);

  it('serves a renewed certificate after SIGHUP, and keeps the current one when the renewal is wrong', async () => {
    const own = await makeCertificate(NAME);
    const httpsPort = await freePort();
    const server = await start({ TLS_CERT_FILE: own.certFile, TLS_KEY_FILE: own.keyFile, HTTPS_PORT: String(httpsPort) });
    // Without PUBLIC_ORIGIN, the banner says what the kiosk should use: the HTTPS address.
    expect(server.stderr()).toContain(`  share links: PUBLIC_ORIGIN is unset; start the kiosk with ?share=https://${NAME}:${httpsPort} (or set PUBLIC_ORIGIN)\n`);
    expect((await httpsRequest(httpsPort, NAME, own.cert, '/api/health')).peerFingerprint).toBe(own.fingerprint);

    const renewed = await makeCertificate(NAME, 90);
    writeFileSync(own.certFile, renewed.cert);
    writeFileSync(own.keyFile, renewed.key);
    let from = server.stderr().length;
    server.child.kill('SIGHUP');
    expect(await waitForStderr(server, /TLS certificate reloaded[^\n]*\n/, from)).toContain(`certificate for ${NAME}, valid until `);
    expect((await httpsRequest(httpsPort, NAME, renewed.cert, '/api/health')).peerFingerprint).toBe(renewed.fingerprint);

    writeFileSync(own.keyFile, own.key); // the old key with the new certificate
    from = server.stderr().length;
    server.child.kill('SIGHUP');
    expect(await waitForStderr(server, /TLS certificate not reloaded[^\n]*\n/, from)).toContain(`TLS_KEY_FILE ${own.keyFile} is not the key of the certificate in TLS_CERT_FILE ${own.certFile}`);
    expect((await httpsRequest(httpsPort, NAME, renewed.cert, '/api/health')).peerFingerprint).toBe(renewed.fingerprint);
    expect(server.child.exitCode).toBeNull();

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('refuses to start with a missing, wrong or mismatched file, naming it, before it writes anything', async () => {
    const other = await makeCertificate('other.test');
    const missing = join(tmpdir(), 'showroom-no-such-cert.pem');
    const cases: [Record<string, string>, string][] = [
      [{ TLS_CERT_FILE: missing, TLS_KEY_FILE: cert.keyFile }, `lead server failed to start: TLS_CERT_FILE ${missing}: cannot read it (ENOENT)`],
      [{ TLS_CERT_FILE: cert.keyFile, TLS_KEY_FILE: cert.keyFile }, `lead server failed to start: TLS_CERT_FILE ${cert.keyFile}: no PEM certificate`],
      [{ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: other.keyFile }, `lead server failed to start: TLS_KEY_FILE ${other.keyFile} is not the key of the certificate in TLS_CERT_FILE ${cert.certFile}`],
      [{ TLS_CERT_FILE: cert.certFile }, 'lead server failed to start: TLS_CERT_FILE is set but TLS_KEY_FILE is not'],
    ];
    for (const [env, message] of cases) {
      const failed = start(env);
      await expect(failed).rejects.toThrow(/server exited 1/);
      const error = String(await failed.catch((e: Error) => e.message));
      expect(error).toContain(message);
      // No database, key or first-start manager token was made (and lost).
      expect(readdirSync(dirs.at(-1)!)).toEqual([]);
    }
  }, 60_000);
});
