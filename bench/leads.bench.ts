/**
 * Lead server benchmark: durable leads per second and p99 latency with 50 concurrent keep-alive
 * clients on loopback, for SQLite and PostgreSQL, against the same server's health route.
 * The server runs as a child process (as in production); every lead is a new customer (no merges).
 * Then, in process, the cost of a name search (names are encrypted: every lead is decrypted) over
 * `--search-leads` leads on SQLite.
 *
 *   npm run bench:leads [-- --seconds 5 --clients 50 --runs 1 --search-leads 20000]
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a throwaway schema.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LeadSchema } from '../src/leads/lead-schema.ts';
import { ensureStore } from '../src/server/auth-repo.ts';
import { deriveKeys } from '../src/server/crypto.ts';
import { openSqlite } from '../src/server/db-sqlite.ts';
import { listLeads, SEARCH_CHUNK } from '../src/server/lead-query.ts';
import { createLead } from '../src/server/lead-repo.ts';
import { migrate } from '../src/server/migrations.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, clients: { type: 'string', default: '50' }, runs: { type: 'string', default: '1' }, 'search-leads': { type: 'string', default: '20000' } },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
/** Runs per backend; on a shared machine the best run is the least disturbed one. */
const RUNS = Number(values.runs);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; token: string }> {
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []; // e.g. --cpu-prof
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', STATIC_DIR: '/nonexistent', LEAD_ENCRYPTION_KEY: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /lead server on http:\/\/[\d.]+:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  const cfg = await call(port, 'GET', '/api/kiosk-config');
  return { child, port, token: (JSON.parse(cfg.body) as { token: string }).token };
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function call(port: number, method: string, path: string, body?: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let phone = 0;
function leadBody(): string {
  phone++;
  return JSON.stringify({
    id: randomUUID(),
    contact: { name: '王小明', phone: `137${String(phone).padStart(8, '0')}` },
    consent: { contact: true, textVersion: 'zh-CN-1', marketing: true, givenAt: '2026-05-01T10:00:00+08:00' },
    answers: { commuteKm: 42, charging: 'home' },
    tags: { needs: ['family', 'long-commute'], value: ['mid'] },
  });
}

type Result = { perSecond: number; p50Ms: number; p99Ms: number; errors: number };

async function load(send: () => Promise<number>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await send();
        latencies.push(performance.now() - t);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  const elapsedS = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
  return { perSecond: Math.round(latencies.length / elapsedS), p50Ms: q(0.5), p99Ms: q(0.99), errors };
}

async function bench(name: string, env: Record<string, string>): Promise<void> {
  const s = await start(env);
  try {
    await load(async () => (await call(s.port, 'GET', '/api/health')).status); // warm-up
    for (let run = 1; run <= RUNS; run++) {
      const health = await load(async () => (await call(s.port, 'GET', '/api/health')).status);
      const leads = await load(async () => (await call(s.port, 'POST', '/api/leads', leadBody(), s.token)).status);
      console.log(
        `${name.padEnd(10)} run ${run}: health ${health.perSecond} req/s p99 ${health.p99Ms} ms | leads ${leads.perSecond}/s p50 ${leads.p50Ms} ms p99 ${leads.p99Ms} ms errors ${leads.errors} | leads/health ${(leads.perSecond / health.perSecond).toFixed(2)} | load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  } finally {
    s.child.kill('SIGTERM');
    await new Promise((r) => s.child.once('exit', r));
  }
}

/** ms per name search (GET /api/leads?q=) over `n` leads in one SQLite store, in process. */
async function searchBench(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leads-bench-search-'));
  const db = openSqlite(join(dir, 'leads.sqlite'));
  try {
    const keys = deriveKeys(randomBytes(32));
    await migrate(db, Date.now());
    await db.transaction((tx) => ensureStore(tx, 'bench', 'Bench', Date.now()));
    const t0 = Date.now() - n * 1000;
    await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const lead = LeadSchema.parse({ ...JSON.parse(leadBody()), contact: { name: i % 1000 === 0 ? `王针${i}` : `客户${i}`, phone: `136${String(i).padStart(8, '0')}` } });
        return db.transaction((tx) => createLead(tx, keys, 'bench', lead, t0 + i * 1000, false));
      }),
    );
    const filter = { storeId: 'bench', q: '针', limit: 50, offset: 0 };
    await listLeads(db, keys, filter); // warm-up
    const searches = 10;
    const start = performance.now();
    let total = 0;
    for (let i = 0; i < searches; i++) total = (await listLeads(db, keys, filter)).total;
    const msPer = (performance.now() - start) / searches;
    console.log(`SQLite     name search over ${n.toLocaleString('en')} leads (in process, chunks of ${SEARCH_CHUNK}): ${msPer.toFixed(1)} ms per search (${total} matches, ${searches} searches) | load ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`${CLIENTS} concurrent clients, ${SECONDS} s per run, loopback; every lead durable before its 2xx; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (other work on the machine lowers every figure)`);
  // Key files in the bench's own temp folder (LEAD_KEY_FILE), never in the real home.
  const keyDir = mkdtempSync(join(tmpdir(), 'leads-bench-keys-'));
  process.on('exit', () => rmSync(keyDir, { recursive: true, force: true }));
  const dir = mkdtempSync(join(tmpdir(), 'leads-bench-'));
  try {
    await bench('SQLite', { DATA_DIR: dir, DATABASE_URL: '', LEAD_KEY_FILE: join(keyDir, 'sqlite.key') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await searchBench(Number(values['search-leads']));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const pgDir = mkdtempSync(join(tmpdir(), 'leads-bench-pg-'));
  try {
    await bench('PostgreSQL', { DATA_DIR: pgDir, DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, LEAD_KEY_FILE: join(keyDir, 'pg.key') });
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    const client = new pg.Client(PG_URL);
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
  agent.destroy();
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
