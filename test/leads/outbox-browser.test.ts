/**
 * The kiosk outbox in real Chromium (real IndexedDB and WebCrypto) against the real lead server:
 * the kiosk goes offline, a customer submits, the page reloads, the network returns, and the lead
 * arrives exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, makeFixture, type Fixture } from '../server/helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
type Status = { pending: number; sent: number; failed: number; persisted: boolean | null; entries: { id: string; state: string }[] };
type Harness = { open(options?: { locks?: boolean }): Promise<void>; enqueue(phone: string): Promise<string>; syncNow(): Promise<unknown>; retryAll(): Promise<unknown>; status(): Promise<Status> };
declare const harness: Harness;

describe('kiosk outbox in Chromium', () => {
  let dir: string;
  let f: Fixture;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-page-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: dir,
        emptyOutDir: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./browser/outbox-page.ts', import.meta.url)), formats: ['iife'], name: 'OutboxPage', fileName: () => 'outbox-page.js' },
      },
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>outbox</title><script src="/outbox-page.js"></script>');
    // The page gets its kiosk token the way the local kiosk does: from /api/kiosk-config.
    f = await makeFixture('sqlite', (tokens) => ({ staticDir: dir, localKiosk: { token: tokens.kiosk, storeId: 'store-a' }, now: Date.now }));
    url = await f.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await f?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offline submit, reload, network back: the lead arrives exactly once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/leads')) posts++;
    });
    await page.goto(url);
    await page.evaluate(() => harness.open());

    await context.setOffline(true);
    const id = await page.evaluate(() => harness.enqueue('13600001234'));
    await page.evaluate(() => harness.retryAll());
    expect(await page.evaluate(() => harness.status())).toMatchObject({ pending: 1, sent: 0 });

    // Back online for the page itself, but the API still unreachable: reload.
    await context.route('**/api/leads', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await page.evaluate(() => harness.open());
    await page.evaluate(() => harness.retryAll());
    expect(await page.evaluate(() => harness.status())).toMatchObject({ pending: 1, sent: 0 });

    await context.unroute('**/api/leads');
    const before = posts;
    await page.evaluate(() => harness.retryAll());
    await page.evaluate(() => harness.retryAll());
    expect(await page.evaluate(() => harness.status())).toMatchObject({ pending: 0, sent: 1, failed: 0 });
    expect(posts - before).toBe(1);

    const list = (await f.app.inject({ url: '/api/leads?phone=13600001234', headers: auth(f.tokens.manager) })).json();
    expect(list.total).toBe(1);
    expect(list.leads[0].id).toBe(id);
    await context.close();
  }, 60_000);

  it.each([
    ['with the Web Lock', true],
    ['without it (the transactions alone)', false],
  ])('two tabs on one outbox (%s): the lead is delivered once and no late answer in the other tab undoes it', async (_name, locks) => {
    const context = await browser.newContext();
    const [tabA, tabB] = [await context.newPage(), await context.newPage()];
    for (const tab of [tabA, tabB]) {
      await tab.goto(url);
      await tab.evaluate((l) => harness.open({ locks: l }), locks);
    }
    // Tab A's first send hangs at the network and is answered 503 later; every other send goes through.
    let releaseA: (() => void) | undefined;
    let posts = 0;
    await context.route('**/api/leads', async (route) => {
      if (posts++ === 0) {
        await new Promise<void>((resolve) => (releaseA = resolve));
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable","message":"later"}' });
      }
      return route.continue();
    });
    const id = await tabA.evaluate(() => harness.enqueue('13600004321'));
    const sendA = tabA.evaluate(() => harness.syncNow());
    await expect.poll(() => releaseA !== undefined).toBe(true);
    const sendB = tabB.evaluate(() => harness.syncNow());
    if (!locks) await sendB; // B delivers while A's send still hangs
    releaseA!();
    await sendA;
    await sendB;
    // With the lock, B ran after A and found the entry backing off: a retry delivers it.
    if (locks) await tabB.evaluate(() => harness.retryAll());
    for (const tab of [tabA, tabB]) expect((await tab.evaluate(() => harness.status())).entries.find((e) => e.id === id)?.state).toBe('sent');
    await tabA.evaluate(() => harness.retryAll());
    const list = (await f.app.inject({ url: '/api/leads?phone=13600004321', headers: auth(f.tokens.manager) })).json();
    expect(list.total).toBe(1);
    expect(posts).toBe(2); // nothing sent again after it was delivered
    await context.close();
  }, 60_000);
});
