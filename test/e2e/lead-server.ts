/**
 * Browser-test fixture: the real lead server (`tsx src/server/main.ts`, as `npm run serve` starts
 * it) serving a snapshot of the built kiosk (dist/) on a free port, with SQLite in a fresh temporary
 * DATA_DIR and its key file in another temporary folder (LEAD_KEY_FILE: never the real home). The
 * first-start banner on stderr prints only the path of the manager token's file (never the token);
 * the fixture reads the token from that file, so tests can query and manage leads through the API
 * the way a manager would. Build first (`npx vite build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freePort, launchBrowser, ROOT, snapshotDist, type Browser } from './harness.ts';

export interface LeadServerOptions {
  /** Extra or overriding environment of the server (e.g. CRM_WEBHOOK_URL, RETENTION_DAYS). */
  env?: Record<string, string>;
  /** Serve this folder instead of a snapshot of dist/ (not removed on stop). */
  staticDir?: string;
  /** How long to wait for the startup banner (default 30 s). */
  startTimeoutMs?: number;
  /** Also serve HTTPS (on loopback, a free port: `httpsPort`) with this certificate and key. */
  tls?: { certFile: string; keyFile: string };
}

export interface LeadServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  /** The HTTPS port when `tls` was given (open `https://<the certificate's name>:<httpsPort>`). */
  httpsPort?: number;
  /** Bearer token of the manager created at first start (all stores). */
  managerToken: string;
  /** The server's DATA_DIR (SQLite database, keys, local-kiosk.json). */
  dataDir: string;
  /** The kiosk files the server serves. */
  staticDir: string;
  /** fetch(`${url}${path}`) with `Authorization: Bearer <managerToken>` unless init sets one. */
  api: (path: string, init?: RequestInit) => Promise<Response>;
  /** Everything the server wrote to stdout and stderr so far (its current run). */
  output: () => string;
  /** Stops the server (SIGTERM) and starts it again on the same port, data and files. */
  restart: () => Promise<void>;
  /** Stops the server (SIGTERM) and leaves it stopped: the kiosk's server is gone. */
  halt: () => Promise<void>;
  /** Starts a halted server again on the same port, data and files. */
  resume: () => Promise<void>;
  /** SIGTERM, waits for the exit (SIGKILL after 10 s), removes the temporary folders. Idempotent. */
  stop: () => Promise<void>;
}

/** Variables of src/server/config.ts a developer's shell must not leak into a test server. */
const SERVER_VARS = [
  'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_SCHEMA', 'LEAD_ENCRYPTION_KEY', 'LEAD_KEY_FILE', 'ALLOW_KEY_IN_DATA_DIR', 'RATE_LIMIT_PER_MINUTE', 'RETENTION_DAYS',
  'CONSENT_PROOF_DAYS', 'CRM_WEBHOOK_URL', 'CRM_WEBHOOK_SECRET', 'CRM_OUTSIDE_MAINLAND', 'CRM_MAX_ATTEMPTS', 'LOCAL_STORE_ID',
  'STATIC_DIR', 'TRUST_PROXY', 'LOG_LEVEL', 'TLS_CERT_FILE', 'TLS_KEY_FILE', 'HTTPS_PORT', 'HTTPS_HOST', 'PUBLIC_ORIGIN',
  'STORE_CONFIG_FILE',
];

const BANNER_RE = /lead server on (http:\/\/\S+) \(.*\)\n {2}kiosk: [^\n]*\n/;
/** The first start's line with the token file's path, alone and indented (it may hold spaces). */
const TOKEN_FILE_RE = /FIRST START: a manager token was written[^\n]*\n\s*\n {4}([^\n]+)\n/;

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Spawns the server and resolves once its banner (and, at first start, the token file's path) is out; reads the token from that file. */
async function spawnServer(env: NodeJS.ProcessEnv, firstStart: boolean, timeoutMs: number): Promise<Running & { token: string | null }> {
  // `node tsx-cli`, not a shell: the pid we signal is tsx, which relays SIGTERM to the server.
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/.bin/tsx'), 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a stuck server can be killed with its tsx wrapper
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const banner = BANNER_RE.exec(out);
    const tokenFile = TOKEN_FILE_RE.exec(out)?.[1];
    if (banner && (!firstStart || tokenFile)) return { child, output: () => out, exited, token: tokenFile ? readFileSync(tokenFile, 'utf8').trim() : null };
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`lead server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      await exited;
      throw new Error(`lead server printed no ${firstStart ? 'manager token file' : 'banner'} within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal); // the group of the process we spawned (detached)
  } catch {
    // already gone
  }
}

/** SIGTERM to tsx (graceful: the server closes its database) and wait; SIGKILL the group after 10 s. */
async function stopServer(running: Running): Promise<void> {
  const { child, exited } = running;
  if (child.exitCode === null && child.signalCode === null) {
    process.kill(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await exited; // tsx exits once the server it relayed the signal to has exited
    clearTimeout(timer);
  }
}

/** Starts the real lead server on a free port with a fresh DATA_DIR; see the file comment. */
export async function startLeadServer(options: LeadServerOptions = {}): Promise<LeadServer> {
  const staticDir = options.staticDir ?? (await snapshotDist());
  const dataDir = mkdtempSync(join(tmpdir(), 'showroom-leads-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'showroom-leads-key-'));
  const cleanup = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
    if (!options.staticDir) rmSync(staticDir, { recursive: true, force: true });
  };
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARS) delete baseEnv[name];
  const envFor = (port: number, httpsPort: number | undefined): NodeJS.ProcessEnv => ({
    ...baseEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(options.tls && httpsPort !== undefined
      ? { TLS_CERT_FILE: options.tls.certFile, TLS_KEY_FILE: options.tls.keyFile, HTTPS_PORT: String(httpsPort), HTTPS_HOST: '127.0.0.1' }
      : {}),
    DATA_DIR: dataDir,
    LEAD_KEY_FILE: join(keyDir, 'lead.key'),
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'silent',
    // Tests poll the API; the kiosk and the test share 127.0.0.1.
    RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  const timeoutMs = options.startTimeoutMs ?? 30_000;

  let port = 0;
  let httpsPort: number | undefined;
  let running: (Running & { token: string | null }) | undefined;
  try {
    // A free port can be taken between the probe and the server's listen: try another one.
    for (let attempt = 0; !running; attempt++) {
      port = await freePort();
      httpsPort = options.tls ? await freePort() : undefined;
      try {
        running = await spawnServer(envFor(port, httpsPort), true, timeoutMs);
      } catch (error) {
        if (attempt >= 2 || !/EADDRINUSE/.test(String(error))) throw error;
      }
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  const managerToken = running.token!;
  let current: Running = running;
  const killOnExit = () => killGroup(current.child, 'SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;

  return {
    url,
    port,
    httpsPort,
    managerToken,
    dataDir,
    staticDir,
    api: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${managerToken}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    output: () => current.output(),
    restart: async () => {
      if (stopped) throw new Error('lead server already stopped');
      await stopServer(current);
      current = await spawnServer(envFor(port, httpsPort), false, timeoutMs);
    },
    halt: async () => {
      if (stopped) throw new Error('lead server already stopped');
      await stopServer(current);
    },
    resume: async () => {
      if (stopped) throw new Error('lead server already stopped');
      current = await spawnServer(envFor(port, httpsPort), false, timeoutMs);
    },
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        await stopServer(current);
        cleanup();
      })()),
  };
}

/** What a browser test file works with: the lead server serving the kiosk, and Chromium. */
export interface KioskAndBrowser {
  readonly server: LeadServer;
  readonly browser: Browser;
}

/**
 * For a test file: starts the lead server (serving the built kiosk, as showrooms run it) and
 * Chromium before the file's tests and stops both after them. Call at the top of the file.
 */
export function useKioskAndBrowser(options: LeadServerOptions = {}): KioskAndBrowser {
  let server: LeadServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startLeadServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use it inside a test or hook)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the lead server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}
