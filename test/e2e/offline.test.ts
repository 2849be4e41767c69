/**
 * Offline after a reload (issue 11): the kiosk, once loaded, keeps every screen working when the
 * lead server is gone, through its service worker. The real lead server serves the built kiosk;
 * the test stops that server (not a faked network: a service worker's own fetches escape
 * Playwright's offline mode), reloads, and uses the twin, the range lab, the questionnaire and the
 * contact form; then starts the server again and sees the lead arrive exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenario/index.ts';
import { parseVehicle, simulate } from '../../src/sim/index.ts';
import { answerUntilPlan, launchBrowser, openPage, outboxEntries, screenshot, submitContact, type Browser, type WatchedPage } from './harness.ts';
import { startLeadServer, type LeadServer } from './lead-server.ts';

const VEHICLE = 'vela-s5-long-range';
const SCENARIO = 'harbin-winter-city';
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(process.cwd(), path), 'utf8'));

let server: LeadServer;
let browser: Browser;
beforeAll(async () => {
  server = await startLeadServer();
  browser = await launchBrowser({ serviceWorkers: 'allow' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every URL in the page's caches. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });

/** While the server is down only its API may fail: every other request is answered from the cache. */
function assertOnlyApiFailed({ problems }: WatchedPage): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.failedRequests.filter((r) => !/\/api\//.test(r))).toEqual([]);
  expect(problems.consoleErrors.filter((e) => !/\/api\/|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e))).toEqual([]);
}

describe('the kiosk offline after a reload', () => {
  it('shows every screen from its service worker while the lead server is down, and the lead waits and arrives once', { timeout: 240_000 }, async () => {
    const watched = await openPage(browser, 'landscape');
    const { page } = watched;
    // First visit online: the contact form keeps the store's notice facts for later.
    await page.goto(`${server.url}/#/contact`);
    await page.getByTestId('contact-form').waitFor();
    // Installed (everything precached) and activated.
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated') await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done(null)));
      return worker.state;
    });
    expect(state).toBe('activated');
    // The first page is not controlled (no clients.claim): the next load is.
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const cached = await cachedUrls(page);
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
    const { vehicles } = readJson('public/models/index.json') as { vehicles: string[] };
    expect(vehicles).toHaveLength(5);
    for (const id of vehicles) expect(cached).toContain(`/models/${id}/model.glb`);
    expect(cached).toContain('/index.html');
    expect(cached).toContain('/fonts/ui-sc-400.woff2');
    expect(cached.some((u) => u.startsWith('/xr/profiles/'))).toBe(true);
    expect(cached.some((u) => u.startsWith('/xr/fonts/'))).toBe(true);

    // The lead server goes away; the kiosk reloads.
    await server.halt();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'offline-home');

    // The twin renders the car, its GLB from the service worker.
    const glbFromWorker: boolean[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/model.glb')) glbFromWorker.push(r.fromServiceWorker());
    });
    await page.goto(`${server.url}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 120_000 });
    expect(glbFromWorker.length).toBeGreaterThan(0);
    expect(glbFromWorker.every(Boolean)).toBe(true);
    await screenshot(page, 'offline-twin');

    // The range lab computes the simulator's range.
    await page.goto(`${server.url}/#/range`);
    await page.getByTestId(`trim-${VEHICLE}`).click();
    await page.getByTestId(`preset-${SCENARIO}`).click();
    await page.locator('.range__result[data-computing="false"]').waitFor();
    const shown = Number(((await page.getByTestId('range-km').textContent()) ?? '').replace(/[^\d.-]/g, ''));
    const vehicle = parseVehicle(readJson(`public/models/${VEHICLE}/vehicle.json`), VEHICLE);
    expect(shown).toBe(Math.round(simulate(vehicle, parseScenario(readJson(`scenarios/${SCENARIO}.json`))).rangeKm));
    await screenshot(page, 'offline-range');

    // The questionnaire reaches a plan.
    await page.goto(`${server.url}/#/needs`);
    await answerUntilPlan(page);
    await screenshot(page, 'offline-plan');

    // A lead waits in the outbox.
    const digits = `1390001${String(Date.now() % 10_000).padStart(4, '0')}`;
    await page.goto(`${server.url}/#/contact`);
    await submitContact(page, '王女士', digits);
    await expect.poll(async () => (await outboxEntries(page)).map((e) => e.state)).toEqual(['pending']);
    await screenshot(page, 'offline-contact');
    assertOnlyApiFailed(watched);

    // The server is back: the lead arrives, once.
    await server.resume();
    const byPhone = async () => ((await (await server.api(`/api/leads?phone=${encodeURIComponent(`+86${digits}`)}`)).json()) as { total: number }).total;
    await expect.poll(byPhone, { timeout: 60_000, message: `lead never arrived; server output:\n${server.output()}` }).toBe(1);
    await expect.poll(async () => (await outboxEntries(page)).map((e) => e.state)).toEqual(['sent']);
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    await page.waitForTimeout(1_000);
    expect(await byPhone()).toBe(1);
    await page.close();
  });
});
