import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema } from '../../src/leads/lead-schema.ts';
import type { Db } from '../../src/server/db.ts';
import { buildApp } from '../../src/server/app.ts';
import { auth, BACKENDS, keys, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

const HOSTILE = [
  "'; DROP TABLE leads; --", '" OR 1=1 --', '<script>alert(1)</script>', '${7*7}', '{{constructor.constructor("x")()}}', '../../../etc/passwd',
  '\u0000', '\uD800', 'x'.repeat(70_000), '1440123456789', '+86 1064812345678', '%00', '__proto__', 'NaN', '-0', '1e309', '😀'.repeat(50),
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 64 }));
const hostileValue = fc.oneof(hostileString, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, true, -1, 1e308, [], {}));

/** Bodies that must be refused: invalid by construction (checked against the schema). */
const badLead = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record({ path: fc.constantFrom('id', 'contact.phone', 'contact.name', 'consent.contact', 'consent.textVersion', 'tags.needs', 'events', 'answers', 'storeId', '__proto__.x', 'extra'), value: hostileValue }).map(({ path, value }) => {
      const body = JSON.parse(JSON.stringify(lead({}, nextPhone()))) as Record<string, unknown>;
      const keys = path.split('.');
      let at = body as Record<string, unknown>;
      // Own properties only (defineProperty), so a `__proto__` key is data, not Object.prototype.
      const own = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      for (const k of keys.slice(0, -1)) {
        if (!Object.hasOwn(at, k) || typeof at[k] !== 'object' || at[k] === null) own(at, k, {});
        at = at[k] as Record<string, unknown>;
      }
      own(at, keys.at(-1)!, value);
      return body;
    }),
  )
  .filter((b) => !LeadSchema.safeParse(b).success);

async function snapshot(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    const parts: unknown[] = [];
    for (const t of ['leads', 'interactions', 'consents', 'idempotency', 'funnel_events', 'tokens', 'pairing_codes']) parts.push(await tx.all(`SELECT * FROM ${t} ORDER BY 1`));
    return JSON.stringify(parts);
  });
}

describe.each(BACKENDS)('hostile input (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, nextPhone()) });
  });
  afterAll(() => f.close());

  it('answers only 4xx to thousands of malformed, oversized and injection-laden bodies, and stores nothing', async () => {
    const before = await snapshot(f.db);
    const routes = ['/api/leads', '/api/events', '/api/erasure', '/api/pair', '/api/pairing-codes'];
    await fc.assert(
      fc.asyncProperty(badLead, fc.constantFrom(...routes), fc.constantFrom('kiosk', 'manager') as fc.Arbitrary<'kiosk' | 'manager'>, async (body, url, who) => {
        if (url !== '/api/leads' && body && typeof body === 'object' && !Array.isArray(body) && 'phone' in body) return; // erasure of a real phone would be valid
        const res = await f.app.inject({ method: 'POST', url, headers: { ...auth(f.tokens[who]), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 2500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'), async (raw, type) => {
        const res = await f.app.inject({ method: 'POST', url: '/api/leads', headers: { ...auth(f.tokens.kiosk), 'content-type': type }, payload: raw });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('tag', 'from', 'to', 'store', 'phone', 'limit', 'offset', 'x'), hostileString, { maxKeys: 4 }), async (query) => {
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        for (const url of ['/api/leads', '/api/export/leads.csv', '/api/funnel']) {
          const res = await f.app.inject({ url: `${url}?${qs}`, headers: auth(f.tokens.manager) });
          expect(res.statusCode).toBeLessThan(500);
        }
      }),
      { numRuns: 300 },
    );
    expect(await snapshot(f.db)).toBe(before);
    expect((await f.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);

  it('rejects prototype-pollution keys', async () => {
    const payload = `{"id":"${crypto.randomUUID()}","__proto__":{"admin":true},"contact":{"name":"a","phone":"13812345678"},"consent":{"contact":true,"textVersion":"v"}}`;
    const res = await f.app.inject({ method: 'POST', url: '/api/leads', headers: { ...auth(f.tokens.kiosk), 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
  });
});

describe('serving the kiosk', () => {
  let f: Fixture;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    f = await makeFixture('sqlite', { staticDir: dir });
  });
  afterAll(() => f.close());

  it('serves files, falls back to index.html for app routes, and keeps JSON 404s for the API', async () => {
    expect((await f.app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const spa = await f.app.inject({ url: '/rep/leads/123' });
    expect(spa.statusCode).toBe(200);
    expect(spa.body).toContain('<title>kiosk</title>');
    const api = await f.app.inject({ url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('not_found');
  });

  it('sends security headers', async () => {
    const res = await f.app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('leaves out COOP for plain HTTP from another address, where the browser would only log an error', async () => {
    const lan = await f.app.inject({ url: '/', headers: { host: '192.168.1.20:8080' } });
    expect(lan.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(lan.headers['content-security-policy']).toContain("default-src 'self'");
    // Without TRUST_PROXY a forwarded "https" is not believed.
    const claimed = await f.app.inject({ url: '/', headers: { host: 'kiosk.example', 'x-forwarded-proto': 'https' } });
    expect(claimed.headers['cross-origin-opener-policy']).toBeUndefined();
  });
});

describe.each(BACKENDS)('logs (%s)', (backend) => {
  it('hold no personal data, even for rejected bodies, searches and erasure', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const f = await makeFixture(backend, { logger: { level: 'debug', stream } });
    try {
      await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, '13955554444') });
      await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: { ...lead({}, '13955554444'), contact: { name: '李四', phone: '1440555544441' } } });
      await f.app.inject({ url: '/api/leads?phone=13955554444', headers: auth(f.tokens.manager) });
      await f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone: '13955554444' } });
    } finally {
      await f.close();
    }
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    for (const secret of ['13955554444', '555544441', '王小明', '李四', f.tokens.kiosk, f.tokens.manager]) expect(log).not.toContain(secret);
  });
});

describe('storage failures', () => {
  it('answer 503 (retry later), never 500, and deep health reports them', async () => {
    const broken: Db = { dialect: 'sqlite', transaction: () => Promise.reject(new Error('disk I/O error')), close: async () => undefined };
    const app = await buildApp({ db: broken, keys });
    try {
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/health?deep=1' })).statusCode).toBe(503);
      const res = await app.inject({ method: 'POST', url: '/api/leads', headers: auth('stw_kiosk_x'), payload: lead() });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      await app.close();
    }
  });
});
