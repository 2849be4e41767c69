/**
 * GET and PUT /api/store-settings against real store files: defaults without one, a bad file at
 * start or on reload (logged, reported, the last good settings or the defaults keep running),
 * hostile PUTs, atomic writes with a .bak, reads during writes, one file per store.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createToken } from '../../src/server/auth-repo.ts';
import { storeFileText } from '../../src/server/store-settings-file.ts';
import { defaultStoreSettings, StoreSettingsSchema, type StoreSettings } from '../../src/store/store-settings.ts';
import { auth, BACKENDS, makeFixture, type Fixture } from './helpers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-settings-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built kiosk's folder with the line-up (models/index.json) the server checks cars against. */
function staticDirWithLineup(ids: string[]): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'models'));
  writeFileSync(join(dir, 'models', 'index.json'), JSON.stringify({ vehicles: ids }));
  return dir;
}
const LINEUP = ['vela-s5-standard', 'vela-s5-long-range', 'vela-x7-standard'];

/** Log lines the app wrote (pino JSON). */
type LogLine = { level: number; msg: string; file?: string; issues?: { path: string; message: string }[] };
function logSink() {
  const lines: LogLine[] = [];
  return { lines, logger: { level: 'info', stream: { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) } } };
}

const settingsOf = (res: { json: () => unknown }) => (res.json() as { settings: StoreSettings }).settings;
const pudong = (storeId = 'store-a'): StoreSettings =>
  StoreSettingsSchema.parse({
    storeId,
    name: { 'zh-CN': '维拉汽车上海浦东体验中心', en: 'Vela Shanghai Pudong' },
    cars: ['vela-x7-standard', 'vela-s5-standard'],
    prices: { petrolCnyPerL: 8.05, homePeakCnyPerKwh: 0.617, homeOffPeakCnyPerKwh: 0.307, publicDcCnyPerKwh: 1.45, offPeakShare: 0.8 },
    idle: { attractAfterS: 45, resetAfterS: 180, stillThereS: 30 },
    languages: { offered: ['zh-CN', 'en'], default: 'zh-CN' },
    shareOrigin: 'https://sh-pudong-01.showroom.example.cn',
  });

describe('store settings from one file (the local store’s)', () => {
  let f: Fixture;
  let dir: string;
  let file: string;
  const log = logSink();
  beforeAll(async () => {
    dir = tempDir();
    file = join(dir, 'store.json');
    f = await makeFixture('sqlite', {
      localKiosk: { token: 'unused', storeId: 'store-a' },
      staticDir: staticDirWithLineup(LINEUP),
      logger: log.logger,
      storeSettings: { file, debounceMs: 50 },
    });
  });
  afterAll(() => f.close());
  afterEach(() => rmSync(file, { force: true }));

  it('runs on today’s defaults without a file, and says a manager may save one', async () => {
    const res = await f.app.inject({ url: '/api/store-settings' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ settings: defaultStoreSettings('store-a'), source: 'defaults', problem: null, editable: true });
  });

  it('refuses a PUT without a token (401), from a kiosk, a share link or a rep (403), or from a manager of another store (403)', async () => {
    const body = pudong();
    const managerB = await f.db.transaction((tx) => createToken(tx, 'manager', 'store-b', 'manager of b', f.clock.ms));
    const put = (headers: Record<string, string>) => f.app.inject({ method: 'PUT', url: '/api/store-settings', headers, payload: body });
    expect((await put({})).statusCode).toBe(401);
    expect((await put({ authorization: 'Bearer stw_manager_not-a-token' })).statusCode).toBe(401);
    for (const who of ['kiosk', 'share', 'rep'] as const) expect((await put(auth(f.tokens[who]))).statusCode).toBe(403);
    expect((await put(auth(managerB.token))).statusCode).toBe(403);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['a price as a string', { prices: { petrolCnyPerL: '8.05' } }, 'prices.petrolCnyPerL'],
    ['a negative price', { prices: { publicDcCnyPerKwh: -1 } }, 'prices.publicDcCnyPerKwh'],
    ['a countdown under 20 s', { idle: { stillThereS: 10 } }, 'idle.stillThereS'],
    ['a car the line-up lacks', { cars: ['vela-s5-standard', 'vela-s9'] }, 'cars.1'],
    ['an unknown field', { finance: { apr: 0 } }, 'finance'],
    ['an unknown nested field', { idle: { resetAfterSeconds: 90 } }, 'idle.resetAfterSeconds'],
    ['an http share origin', { shareOrigin: 'http://192.168.1.20:8080' }, 'shareOrigin'],
    ['a number for the names', { name: 7 }, 'name'],
    ['a store id that is no id', { storeId: '../etc/passwd' }, 'storeId'],
  ])('answers 400 naming the field for %s, and writes nothing', async (_what, patch, field) => {
    const res = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: { ...pudong(), ...patch } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses bodies that are not a settings object: none, an array, a string, not JSON, over 32 KB', async () => {
    const put = (payload: string | undefined, type = 'application/json') =>
      f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: { ...auth(f.tokens.manager), 'content-type': type }, ...(payload === undefined ? {} : { payload }) });
    expect((await put(undefined, 'text/plain')).statusCode).toBe(400);
    expect((await put('[]')).statusCode).toBe(400);
    expect((await put('"store-a"')).statusCode).toBe(400);
    expect((await put('{"storeId": "store-a",')).statusCode).toBe(400);
    expect((await put('{"storeId": "store-a", "__proto__": {"admin": true}}')).statusCode).toBe(400); // the JSON parser refuses it
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
    expect((await put('storeId=store-a', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    const huge = JSON.stringify({ ...pudong(), name: { 'zh-CN': '店'.repeat(20_000), en: 'x' } });
    const res = await put(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().field).toBe('body');
    expect(existsSync(file)).toBe(false);
  });

  it('saves a manager’s settings atomically, keeps the previous file as .bak, applies them at once (the consent notice too)', async () => {
    const first = pudong();
    let res = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: first });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ settings: first, source: 'file', problem: null, editable: true });
    expect(readFileSync(file, 'utf8')).toBe(storeFileText(first));
    expect(existsSync(`${file}.bak`)).toBe(false); // nothing to keep the first time

    const second = { ...first, prices: { ...first.prices, petrolCnyPerL: 7.9 } };
    res = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: second });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(second);
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8'))).toEqual(first);
    expect(settingsOf(await f.app.inject({ url: '/api/store-settings' }))).toEqual(second);
    const notice = (await f.app.inject({ url: '/api/consent-notice', headers: auth(f.tokens.kiosk) })).json();
    expect(notice.dealerName).toEqual(first.name);
    // No temporary file is left beside it.
    expect(readdir(dir)).toEqual(['store.json', 'store.json.bak']);
    rmSync(`${file}.bak`);
  });

  it('fills defaults for fields a PUT leaves out, and writes every field', async () => {
    const res = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: { storeId: 'store-a', prices: { petrolCnyPerL: 8 } } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...defaultStoreSettings('store-a'), prices: { ...defaultStoreSettings('store-a').prices, petrolCnyPerL: 8 } });
  });

  it('answers only with whole settings while PUTs replace the file: concurrent GETs and readers of the file never see a torn one', async () => {
    const a = pudong();
    const b = { ...a, name: { 'zh-CN': '维拉汽车上海浦东体验中心（新）'.repeat(4), en: 'Vela Shanghai Pudong (new) '.repeat(4).trim() } };
    const texts = new Set([storeFileText(a), storeFileText(b)]);
    await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: a });
    let writing = true;
    const seenOnDisk: string[] = [];
    const reader = (async () => {
      while (writing) {
        seenOnDisk.push(readFileSync(file, 'utf8'));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const calls = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: i % 4 === 0 ? b : a })
        : f.app.inject({ url: '/api/store-settings' }),
    );
    const results = await Promise.all(calls);
    writing = false;
    await reader;
    for (const r of results) {
      expect(r.statusCode).toBe(200);
      expect([a, b]).toContainEqual(settingsOf(r));
    }
    expect(seenOnDisk.length).toBeGreaterThan(0);
    for (const text of seenOnDisk) expect(texts.has(text)).toBe(true);
    expect(texts.has(readFileSync(`${file}.bak`, 'utf8'))).toBe(true);
    rmSync(`${file}.bak`);
  });

  it('picks up a file edited by hand; a bad edit is logged with file and field, reported, and the last good settings keep running', async () => {
    const good = pudong();
    writeFileSync(file, JSON.stringify(good));
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings' })).json().source).toBe('file'), { timeout: 3000, interval: 50 });

    const before = log.lines.length;
    writeFileSync(file, JSON.stringify({ ...good, idle: { ...good.idle, stillThereS: 10 } }));
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings' })).json().problem).not.toBeNull(), { timeout: 3000, interval: 50 });
    const res = (await f.app.inject({ url: '/api/store-settings' })).json();
    expect(res.source).toBe('last-good');
    expect(res.settings).toEqual(good);
    expect(res.problem).toMatchObject({ file, issues: [{ path: 'idle.stillThereS' }] });
    expect(res.problem.message).toBe(`${file}: idle.stillThereS: at least 20 s (WCAG 2.2.1)`);
    const logged = log.lines.slice(before).find((l) => l.level === 50);
    expect(logged).toMatchObject({ file, issues: [{ path: 'idle.stillThereS' }] });
    expect(logged!.msg).toContain('keeping the last good settings');

    writeFileSync(file, '{ "storeId": "store-a", ');
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings' })).json().problem?.issues[0].message).toMatch(/^malformed JSON/), { timeout: 3000, interval: 50 });

    // The manager's fix in rep mode replaces the bad file (kept as .bak) and clears the problem.
    const fixed = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: good });
    expect(fixed.json()).toMatchObject({ source: 'file', problem: null });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('{ "storeId": "store-a", ');

    unlinkSync(file);
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings' })).json().source).toBe('defaults'), { timeout: 3000, interval: 50 });
    rmSync(`${file}.bak`);
  });

  it('refuses another store’s file as this store’s', async () => {
    writeFileSync(file, JSON.stringify(pudong('store-b')));
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings' })).json().problem?.issues).toEqual([{ path: 'storeId', message: 'this file is for store store-a, not store-b' }]), { timeout: 3000, interval: 50 });
  });

  it('gives other stores the defaults and keeps their PUT out (409: one file is the local store’s)', async () => {
    const res = await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kioskB) });
    expect(res.json()).toMatchObject({ settings: { storeId: 'store-b' }, source: 'defaults', editable: false });
    const put = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: pudong('store-b') });
    expect(put.statusCode).toBe(409);
    expect(put.json().field).toBe('storeId');
  });

  it('scopes GET by the caller’s token, checks ?store=, and refuses a revoked token', async () => {
    expect((await f.app.inject({ url: '/api/store-settings?store=store-b' })).json().settings.storeId).toBe('store-b');
    expect((await f.app.inject({ url: '/api/store-settings?store=store-b', headers: auth(f.tokens.rep) })).statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/store-settings?store=nowhere' })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/api/store-settings?store=Not%20An%20Id' })).statusCode).toBe(400);
    expect((await f.app.inject({ url: '/api/store-settings?store=store-a&extra=1' })).statusCode).toBe(400);
    expect((await f.app.inject({ url: '/api/store-settings', headers: { authorization: 'Bearer stw_kiosk_unknown' } })).statusCode).toBe(401);
  });
});

const readdir = (dir: string) => readdirSync(dir).sort();

describe('a bad store file at start', () => {
  it.each([
    ['malformed JSON', '{"storeId": "local", "prices": {', ''],
    ['a schema error', JSON.stringify({ storeId: 'local', prices: { petrolCnyPerL: 'cheap' } }), 'prices.petrolCnyPerL'],
    ['an unknown field', JSON.stringify({ storeId: 'local', idleTimeout: 90 }), 'idleTimeout'],
  ])('(%s): the server starts on the defaults, logs and reports the file and field', async (_what, text, path) => {
    const file = join(tempDir(), 'store.json');
    writeFileSync(file, text);
    const log = logSink();
    const f = await makeFixture('sqlite', { logger: log.logger, storeSettings: { file, watch: false } });
    try {
      const res = (await f.app.inject({ url: '/api/store-settings' })).json();
      expect(res).toMatchObject({ settings: defaultStoreSettings('local'), source: 'defaults', problem: { file, issues: [{ path }] } });
      expect(res.problem.message.startsWith(`${file}: ${path ? `${path}: ` : 'malformed JSON'}`)).toBe(true);
      const logged = log.lines.find((l) => l.level === 50)!;
      expect(logged).toMatchObject({ file, issues: [{ path }] });
      expect(logged.msg).toContain('running on the defaults');
      expect((await f.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: { id: crypto.randomUUID(), contact: { name: '王', phone: '13812345670' }, consent: { contact: true, textVersion: 'v' } } })).statusCode).toBe(201);
    } finally {
      await f.close();
    }
  });

  it('reports a file that cannot be written as 503 and keeps the running settings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const file = join(dir, 'not-a-dir', 'store.json');
    const f = await makeFixture('sqlite', { storeSettings: { file, watch: false } });
    try {
      const res = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: pudong('local') });
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/could not be written.*unchanged/);
      expect((await f.app.inject({ url: '/api/store-settings' })).json().source).toBe('defaults');
    } finally {
      await f.close();
    }
  });
});

describe.each(BACKENDS)('one store file per store ({store}, %s)', (backend) => {
  let f: Fixture;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    f = await makeFixture(backend, { storeSettings: { file: join(dir, '{store}.json'), debounceMs: 50 } });
  });
  afterAll(() => f.close());

  it('serves each kiosk its store’s file, saves a manager’s settings in that store’s file, and refuses unknown stores', async () => {
    writeFileSync(join(dir, 'store-b.json'), JSON.stringify(pudong('store-b')));
    expect((await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kioskB) })).json()).toMatchObject({ settings: pudong('store-b'), source: 'file', editable: true });
    expect((await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kiosk) })).json()).toMatchObject({ settings: { storeId: 'store-a' }, source: 'defaults' });

    const a = pudong('store-a');
    expect((await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: a })).statusCode).toBe(200);
    expect(JSON.parse(readFileSync(join(dir, 'store-a.json'), 'utf8'))).toEqual(a);
    expect(settingsOf(await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.share) }))).toEqual(a);
    expect((await f.app.inject({ url: '/api/consent-notice', headers: auth(f.tokens.kioskB) })).json().dealerName).toEqual(pudong('store-b').name);

    const unknown = await f.app.inject({ method: 'PUT', url: '/api/store-settings', headers: auth(f.tokens.manager), payload: pudong('store-z') });
    expect(unknown.statusCode).toBe(404);
    expect(existsSync(join(dir, 'store-z.json'))).toBe(false);
  });

  it('reloads the one store whose file changed', async () => {
    writeFileSync(join(dir, 'store-b.json'), JSON.stringify({ ...pudong('store-b'), languages: { offered: ['zh-CN'], default: 'en' } }));
    await vi.waitFor(async () => expect((await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kioskB) })).json().problem?.issues[0].path).toBe('languages.default'), { timeout: 3000, interval: 50 });
    expect((await f.app.inject({ url: '/api/store-settings', headers: auth(f.tokens.kiosk) })).json().problem).toBeNull();
  });
});
