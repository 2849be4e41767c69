/**
 * Durability: the real server as a child process, a burst of concurrent leads, SIGKILL in the
 * middle, restart; every lead that got a 2xx is there and client retries create no duplicates.
 * Then the same with two instances sharing one PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKENDS, PG_URL } from './helpers.ts';

/** `managerToken`: read from the file whose path the first start prints (null on later starts). */
type Instance = { child: ChildProcess; url: string; managerToken: string | null; managerTokenFile: string | null; kioskToken: string; stderr: string };
const children: ChildProcess[] = [];
/** Holds every test's key files and config folders: no server here touches the real home directory. */
const keyRoot = mkdtempSync(join(tmpdir(), 'leads-keys-'));
const keyFile = (name: string) => join(keyRoot, name, 'lead.key');

/** Starts the server; `env` must give DATA_DIR and a LEAD_KEY_FILE (or XDG_CONFIG_HOME) in a temp dir. */
async function startServer(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', STATIC_DIR: '/nonexistent',
      LEAD_ENCRYPTION_KEY: '', LEAD_KEY_FILE: '', ALLOW_KEY_IN_DATA_DIR: '0', XDG_CONFIG_HOME: join(keyRoot, 'xdg-unused'), ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /lead server on (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve(m[1]!); // the banner is written in one piece
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  const managerTokenFile = /FIRST START: a manager token was written[^\n]*\n\s*\n {4}([^\n]+)\n/.exec(err)?.[1] ?? null;
  const managerToken = managerTokenFile ? readFileSync(managerTokenFile, 'utf8').trim() : null;
  const kioskToken = ((await (await fetch(`${url}/api/kiosk-config`)).json()) as { token: string }).token;
  return { child, url, managerToken, managerTokenFile, kioskToken, stderr: err };
}

function kill(i: Instance): Promise<void> {
  return new Promise((r) => {
    i.child.once('exit', () => r());
    i.child.kill('SIGKILL');
  });
}

type Lead = { id: string; contact: { name: string; phone: string }; consent: { contact: true; textVersion: string } };
const makeLeads = (n: number, prefix: number): Lead[] =>
  Array.from({ length: n }, (_, i) => ({ id: randomUUID(), contact: { name: `客户${i}`, phone: `13${prefix}${String(i).padStart(8, '0')}` }, consent: { contact: true, textVersion: 'v1' } }));

async function postLead(i: Instance, lead: Lead): Promise<number> {
  try {
    const res = await fetch(`${i.url}/api/leads`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${i.kioskToken}` }, body: JSON.stringify(lead) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // connection refused or reset: outcome unknown, the client will retry
  }
}

/** Sends leads with `clients` concurrent workers; calls onAck after each 2xx. */
async function burst(pick: (n: number) => Instance, leads: Lead[], clients: number, onAck: (count: number) => void): Promise<Set<string>> {
  const acked = new Set<string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < leads.length) {
        const n = next++;
        const status = await postLead(pick(n), leads[n]!);
        if (status >= 200 && status < 300) {
          acked.add(leads[n]!.id);
          onAck(acked.size);
        }
      }
    }),
  );
  return acked;
}

/** Retries every lead until each gets a 2xx (as the kiosk outbox would). */
async function retryAll(pick: (n: number) => Instance, leads: Lead[]): Promise<void> {
  await Promise.all(
    leads.map(async (lead, n) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const status = await postLead(pick(n + attempt), lead);
        if (status === 200 || status === 201) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`lead ${lead.id} never stored`);
    }),
  );
}

async function total(i: Instance): Promise<number> {
  const res = await fetch(`${i.url}/api/leads?limit=1`, { headers: { authorization: `Bearer ${i.managerToken}` } });
  return ((await res.json()) as { total: number }).total;
}

async function present(i: Instance, ids: Iterable<string>): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    const res = await fetch(`${i.url}/api/leads/${id}`, { headers: { authorization: `Bearer ${i.managerToken}` } });
    await res.arrayBuffer();
    if (res.status !== 200) missing.push(id);
  }
  return missing;
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(keyRoot, { recursive: true, force: true });
});

describe('durability of the real server', () => {
  it('SQLite: every 2xx lead survives SIGKILL mid-burst; retries create no duplicates', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leads-crash-'));
    try {
      const env = { DATA_DIR: dataDir, LEAD_KEY_FILE: keyFile('sqlite-burst') };
      let server = await startServer(env);
      const manager = server.managerToken;
      expect(manager).toMatch(/^stw_manager_/);
      // Only the file's path is printed, never the token; the file is the owner's alone.
      expect(server.managerTokenFile).toBe(join(dataDir, 'first-start-manager-token.txt'));
      expect(server.stderr).not.toContain(manager);
      expect(server.stderr).not.toMatch(/stw_/);
      expect(server.stderr).toMatch(/keep it in a password manager.*delete the file/s);
      expect(statSync(server.managerTokenFile!).mode & 0o777).toBe(0o600);
      const leads = makeLeads(400, 5);
      let killed: Promise<void> | undefined;
      const acked = await burst(() => server, leads, 40, (n) => {
        if (n === 150 && !killed) killed = kill(server);
      });
      await killed;
      expect(acked.size).toBeGreaterThanOrEqual(150);
      expect(acked.size).toBeLessThan(leads.length);
      server = { ...(await startServer(env)), managerToken: manager };
      expect(await present(server, acked)).toEqual([]);
      await retryAll(() => server, leads);
      expect(await total(server)).toBe(leads.length);
      await kill(server);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it.skipIf(!BACKENDS.includes('postgres'))('PostgreSQL, two instances: every 2xx lead survives killing one mid-burst; retries across both create no duplicates', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const env = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, LEAD_KEY_FILE: keyFile('pg-shared') }; // one key file for both instances
    const dirs = [mkdtempSync(join(tmpdir(), 'leads-pg-a-')), mkdtempSync(join(tmpdir(), 'leads-pg-b-'))];
    try {
      let a = await startServer({ ...env, DATA_DIR: dirs[0]! });
      const b = { ...(await startServer({ ...env, DATA_DIR: dirs[1]! })), managerToken: a.managerToken };
      expect(a.managerToken).toMatch(/^stw_manager_/);
      const leads = makeLeads(400, 6);
      let killed: Promise<void> | undefined;
      const acked = await burst((n) => (n % 2 === 0 ? a : b), leads, 40, (n) => {
        if (n === 120 && !killed) killed = kill(a);
      });
      await killed;
      expect(acked.size).toBeGreaterThanOrEqual(120);
      expect(await present(b, acked)).toEqual([]);
      a = { ...(await startServer({ ...env, DATA_DIR: dirs[0]! })), managerToken: b.managerToken };
      // Retries land on both instances at once, so some meet their twin in flight (409) and retry.
      await Promise.all([retryAll((n) => (n % 2 === 0 ? a : b), leads), retryAll((n) => (n % 2 === 0 ? b : a), leads)]);
      expect(await total(a)).toBe(leads.length);
      await Promise.all([kill(a), kill(b)]);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      const client = new pg.Client(PG_URL);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }, 90_000);
});

describe('the encryption key is not beside the data', () => {
  it('refuses to start with LEAD_KEY_FILE inside DATA_DIR, saying what to do, and writes no key there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leads-keyin-'));
    try {
      const failed = await startServer({ DATA_DIR: dataDir, LEAD_KEY_FILE: join(dataDir, 'secret', 'lead.key') }).then(
        (i) => kill(i).then(() => null),
        (e: Error) => e.message,
      );
      expect(failed).toMatch(/server exited 1: .*LEAD_KEY_FILE .*inside DATA_DIR.*ALLOW_KEY_IN_DATA_DIR=1/s);
      expect(existsSync(join(dataDir, 'secret', 'lead.key'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('moves an existing installation’s DATA_DIR/keys/lead.key to the config folder, says so once, and its leads still decrypt', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leads-legacy-'));
    const xdg = join(keyRoot, 'xdg-legacy');
    try {
      mkdirSync(join(dataDir, 'keys'), { mode: 0o700 });
      writeFileSync(join(dataDir, 'keys', 'lead.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      // As the installation ran before: the key beside the data (explicitly allowed here).
      const before = await startServer({ DATA_DIR: dataDir, XDG_CONFIG_HOME: xdg, ALLOW_KEY_IN_DATA_DIR: '1' });
      const [lead] = makeLeads(1, 7);
      expect(await postLead(before, lead!)).toBe(201);
      await kill(before);
      expect(existsSync(join(xdg, 'showroom-twin', 'lead.key'))).toBe(false);

      const after = { ...(await startServer({ DATA_DIR: dataDir, XDG_CONFIG_HOME: xdg })), managerToken: before.managerToken };
      const moved = after.stderr.split('\n').filter((l) => /moved the encryption key/.test(l));
      expect(moved).toHaveLength(1);
      expect(moved[0]).toContain(join(xdg, 'showroom-twin', 'lead.key'));
      expect(moved[0]).toMatch(/backups of the data folder.*still hold the key/);
      expect(existsSync(join(dataDir, 'keys', 'lead.key'))).toBe(false);
      expect(statSync(join(xdg, 'showroom-twin', 'lead.key')).mode & 0o777).toBe(0o600);
      const res = await fetch(`${after.url}/api/leads/${lead!.id}`, { headers: { authorization: `Bearer ${after.managerToken}` } });
      expect(((await res.json()) as { contact: { name: string } }).contact.name).toBe(lead!.contact.name);
      await kill(after);
      const again = await startServer({ DATA_DIR: dataDir, XDG_CONFIG_HOME: xdg });
      expect(again.stderr).not.toMatch(/moved the encryption key/);
      await kill(again);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
