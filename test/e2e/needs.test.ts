import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildPlan, DEFAULT_PRICES, planLink, type Answers } from '../../src/plan/index.ts';
import { parseVehicle, type VehicleSpec } from '../../src/sim/index.ts';
import { openPage, ROOT, screenshot, SHOWROOM_HOST, VIEWPORTS, type ViewportName } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';
import { decodePng } from './png.ts';

// The real lead server serves the kiosk here: a plan's share link carries a store token from it.
const kiosk = useKioskAndBrowser();

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

/** The line-up the built app serves (public/ is copied into dist/). */
function lineup(): VehicleSpec[] {
  const { vehicles } = readJson('public/models/index.json') as { vehicles: string[] };
  return vehicles.map((id) => parseVehicle(readJson(`public/models/${id}/vehicle.json`), id));
}

/** What the run below answers: a Harbin family commuter with a wallbox who camps. */
const ANSWERS: Answers = {
  dailyKm: 60,
  longestTripKm: 300,
  homeCharging: 'wallbox',
  workCharging: false,
  region: 'harbin',
  children: true,
  sevenSeats: false,
  camping: true,
  budgetCny: 250_000,
  fuelLPer100km: 7.5,
  yearlyKm: 12_000,
  priorities: ['technology', 'safety'],
};

async function answerQuestionnaire(page: Page) {
  const next = page.getByTestId('needs-next');
  const on = (id: string) => page.locator(`[data-question="${id}"]`).waitFor();
  await on('dailyKm');
  for (let i = 0; i < 4; i++) await page.getByTestId('more-dailyKm').click(); // 40 -> 60 km
  await next.click();
  await on('longestTripKm');
  await next.click(); // the 300 km shown
  await on('charging');
  await page.getByTestId('homeCharging-wallbox').click();
  await page.getByTestId('workCharging-false').click();
  await next.click();
  await on('region');
  await page.getByTestId('region-harbin').click();
  await next.click();
  await on('household');
  await page.getByTestId('children-true').click();
  await page.getByTestId('sevenSeats-false').click();
  await next.click();
  await on('camping');
  await page.getByTestId('camping-true').click();
  await next.click();
  await on('rideHailing');
  await page.getByTestId('needs-skip').click();
  await on('budget');
  await next.click();
  await on('currentCar');
  await next.click();
  await on('priorities');
  await page.getByTestId('priority-technology').click();
  await page.getByTestId('priority-safety').click();
  await next.click();
  await waitForPlan(page);
}

/** Waits for the plan; on a timeout the error says what the page showed instead. */
async function waitForPlan(page: Page) {
  try {
    await page.getByTestId('plan').waitFor({ timeout: 20_000 });
  } catch (error) {
    throw new Error(`no plan at ${page.url()}; the page shows: ${(await page.textContent('body'))?.slice(0, 400)}`, { cause: error });
  }
}

async function shownWinterKm(page: Page): Promise<number> {
  return Number(((await page.getByTestId('plan-winter-km').textContent()) ?? '').replace(/[^\d]/g, ''));
}

/** Decodes the QR code as it appears on screen (an element screenshot) with jsQR. */
async function decodeShownQr(page: Page): Promise<string | null> {
  const image = decodePng(await page.getByTestId('share-qr').screenshot());
  return jsQR(new Uint8ClampedArray(image.rgba), image.width, image.height)?.data ?? null;
}

async function assertLayout(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, input[type=range]')]
      .filter((b) => (b as HTMLElement).offsetParent !== null && !(b as HTMLElement).closest('[hidden]'))
      .map((b) => ({ text: b.textContent, ...b.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 48 || r.width < 48),
  );
  expect(small).toEqual([]);
}

describe('needs diagnosis', () => {
  it("runs the questionnaire to a plan whose winter range is the simulator's, and shares it by QR", async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    // As in a showroom: phones reach the server by its LAN address (?share=), on plain HTTP.
    const lan = `http://${SHOWROOM_HOST}:${kiosk.server.port}`;
    await page.goto(`${kiosk.server.url}/?share=${encodeURIComponent(lan)}#/needs`);
    await answerQuestionnaire(page);

    const cars = lineup();
    const expected = buildPlan(ANSWERS, cars);
    const vehicle = cars.find((c) => c.id === expected.recommended.vehicleId)!;
    expect(await page.getByTestId('plan-recommended').getAttribute('data-vehicle-id')).toBe(vehicle.id);
    expect(await page.getByTestId('plan-vehicle-name').textContent()).toBe(vehicle.name['zh-CN']);
    expect(await shownWinterKm(page)).toBe(Math.round(expected.recommended.winter.rangeKm));
    expect(Number(await page.getByTestId('plan-summer').getAttribute('data-range-km'))).toBe(Math.round(expected.recommended.summer.rangeKm));
    expect(await page.getByTestId('plan-winter').textContent()).toContain('-23°C');
    expect(await page.getByTestId('plan-reasons').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
      expected.recommended.reasons.map((r) => r.code),
    );
    expect(await page.getByTestId('plan-preconditioned').count()).toBe(expected.recommended.winterPreconditioned ? 1 : 0);
    await screenshot(page, 'needs-plan-zh');

    // The QR code on screen decodes to the share link of exactly these answers, with this store's
    // share token (fetched from the lead server once the plan shows).
    const plain = planLink(lan, ANSWERS);
    await expect.poll(() => decodeShownQr(page)).toMatch(/&k=stw_(?:share|kiosk)_[A-Za-z0-9_-]+&x=\d{10}$/);
    const link = (await decodeShownQr(page))!;
    expect(link.startsWith(`${plain}&k=`)).toBe(true);
    // The link carries the expiry the server gave the token, and the card says it in words.
    const expiresS = Number(/&x=(\d+)$/.exec(link)![1]);
    expect(expiresS * 1000 - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(await page.getByTestId('share-expiry').textContent()).toMatch(/在手机上预约试驾：\d+月\d+日.*前有效/);

    // Opened on a phone, the link shows the same plan.
    const phone = await openPage(kiosk.browser, 'phone');
    const phoneApi: string[] = [];
    phone.page.on('request', (r) => r.url().includes('/api/') && phoneApi.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await phone.page.goto(link);
    await waitForPlan(phone.page);
    expect(await phone.page.getByTestId('plan-recommended').getAttribute('data-vehicle-id')).toBe(vehicle.id);
    expect(await shownWinterKm(phone.page)).toBe(Math.round(expected.recommended.winter.rangeKm));
    expect(await phone.page.getByTestId('plan-reasons').textContent()).toBe(await page.getByTestId('plan-reasons').textContent());
    expect(await phone.page.getByTestId('plan-saving').textContent()).toBe(await page.getByTestId('plan-saving').textContent());
    // The store token is kept for the outbox and taken out of the address bar.
    expect(phone.page.url()).toBe(plain);
    await screenshot(phone.page, 'needs-plan-from-link');

    // A test drive booked on the phone reaches the store, through the token the link brought.
    await phone.page.getByTestId('plan-test-drive').click();
    await phone.page.fill('input[name="name"]', '手机用户');
    await phone.page.fill('input[name="phone"]', '13700137000');
    await phone.page.check('input[name="consentContact"]');
    await phone.page.getByTestId('contact-submit').click();
    // The phone says so once the showroom has it, not before.
    await phone.page.getByTestId('contact-delivered').waitFor();
    await expect.poll(async () => ((await (await kiosk.server.api('/api/leads?phone=13700137000')).json()) as { total: number }).total).toBe(1);
    const [stored] = ((await (await kiosk.server.api('/api/leads?phone=13700137000')).json()) as { leads: { storeId: string; tags: { needs?: string[] } }[] }).leads;
    expect(stored).toMatchObject({ storeId: 'local', tags: { needs: expect.arrayContaining(['commuter']) } });
    // The phone asked the store's settings and notice facts and sent the lead with the link's token;
    // it never asked for the kiosk's own token (it is not the kiosk), nor sent funnel events.
    expect([...phoneApi].sort()).toEqual(['GET /api/consent-notice', 'GET /api/store-settings', 'POST /api/leads']);
    // Plain HTTP from another address is no secure context: the outbox sealed the lead without WebCrypto.
    expect(await phone.page.evaluate(() => ({ secure: isSecureContext, subtle: typeof crypto.subtle }))).toEqual({ secure: false, subtle: 'undefined' });
    phone.assertClean();

    // The kiosk's visit reached the managers' funnel: a session, the questionnaire, the plan; the
    // lead (made on the phone) counts from the leads themselves.
    await expect
      .poll(async () => ((await (await kiosk.server.api('/api/funnel')).json()) as { total: Record<string, number> }).total, { timeout: 15_000 })
      .toMatchObject({ session_started: 1, questionnaire_completed: 1, plan_viewed: 1, lead_submitted: 1 });
    await phone.page.close();
    assertClean();
    await page.close();
  });

  it('recomputes the yearly cost when the customer edits a price', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(planLink(kiosk.server.url, ANSWERS));
    await waitForPlan(page);
    const fuel = () => page.getByTestId('plan-cost-fuel').textContent();
    const before = await fuel();
    await page.getByTestId('plan-prices-toggle').click();
    for (let i = 0; i < 4; i++) await page.getByTestId('price-more-petrolCnyPerL').click();
    const prices = { ...DEFAULT_PRICES, petrolCnyPerL: 8 };
    const expected = buildPlan(ANSWERS, lineup(), prices).recommended.cost.fuelCny;
    await expect.poll(fuel).toBe(`¥${Math.round(expected).toLocaleString('en-US')}`);
    expect(await fuel()).not.toBe(before);
    expect(await page.getByTestId('price-petrolCnyPerL').textContent()).toContain('8.00');
    assertClean();
    await page.close();
  });

  it('shows a clear message for a damaged share link', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'phone');
    const good = planLink(kiosk.server.url, ANSWERS);
    for (const bad of [good.slice(0, -7), `${kiosk.server.url}/#/plan?a=%%%`, `${kiosk.server.url}/#/plan`]) {
      await page.goto('about:blank');
      await page.goto(bad);
      await page.getByTestId('plan-link-error').waitFor();
      expect(await page.getByTestId('plan-link-error').textContent()).toContain('这个方案链接无法打开');
      // The line-up preloads for the questionnaire; leaving mid-fetch would count as a failed request.
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'needs-link-error');
    await page.getByTestId('plan-link-error').getByRole('button').click();
    await page.locator('[data-question="dailyKm"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/needs');
    assertClean();
    await page.close();
  });

  it('switches the plan to English with locale formatting', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(planLink(kiosk.server.url, ANSWERS));
    await waitForPlan(page);
    await page.getByTestId('lang-en').click();
    await page.getByText('Your plan').waitFor();
    const vehicle = lineup().find((c) => c.id === buildPlan(ANSWERS, lineup()).recommended.vehicleId)!;
    expect(await page.getByTestId('plan-vehicle-name').textContent()).toBe(vehicle.name.en);
    expect(await page.getByTestId('plan-winter').textContent()).toMatch(/Winter -23°C\s*\d+km/);
    expect(await page.getByTestId('plan-saving').textContent()).toMatch(/^About CN¥[\d,]+ saved a year$/);
    await screenshot(page, 'needs-plan-en');
    assertClean();
    await page.close();
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('lays out the questionnaire and the plan at %s', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    await page.goto(`${kiosk.server.url}/#/needs`);
    await page.locator('[data-question="dailyKm"]').waitFor();
    await assertLayout(page);
    await screenshot(page, `needs-q-number-${name}`);
    for (let i = 0; i < 3; i++) await page.getByTestId('needs-skip').click();
    await page.locator('[data-question="region"]').waitFor();
    await page.getByTestId('region-beijing').click();
    await assertLayout(page);
    await screenshot(page, `needs-q-region-${name}`);
    await page.getByTestId('needs-next').click();
    for (let i = 0; i < 5; i++) await page.getByTestId('needs-skip').click();
    await page.locator('[data-question="priorities"]').waitFor();
    await page.getByTestId('priority-cost').click();
    await assertLayout(page);
    await screenshot(page, `needs-q-priorities-${name}`);
    await page.getByTestId('needs-next').click();
    await waitForPlan(page);
    // Skipped answers are stated as assumptions.
    expect(await page.getByTestId('plan-assumed').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-assumed')))).toEqual([
      'dailyKm',
      'yearlyKm',
      'fuelLPer100km',
      'charging',
    ]);
    await assertLayout(page);
    await screenshot(page, `needs-plan-${name}`);
    await page.getByTestId('plan-prices-toggle').click();
    await page.getByTestId('price-offPeakShare').scrollIntoViewIfNeeded();
    await assertLayout(page);
    await screenshot(page, `needs-plan-end-${name}`);
    assertClean();
    await page.close();
  });

  it.each(['phone', 'portrait'] as ViewportName[])('lays out every question card in English at %s', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    await page.goto(`${kiosk.server.url}/#/needs`);
    await page.getByTestId('lang-en').click();
    await page.getByText('Question 1 of 10').waitFor();
    for (let i = 1; i <= 10; i++) {
      await page.getByText(`Question ${i} of 10`).waitFor();
      await assertLayout(page);
      const id = await page.locator('[data-question]').getAttribute('data-question');
      if (id === 'charging' || id === 'currentCar') await screenshot(page, `needs-q-${id}-en-${name}`);
      await page.getByTestId('needs-skip').click();
    }
    await waitForPlan(page);
    assertClean();
    await page.close();
  });

  it('on a phone with an old link (no store token), points to the showroom instead of taking a contact', async () => {
    // A phone on the showroom network (the kiosk itself, on this machine, could deliver the lead).
    const { page, assertClean } = await openPage(kiosk.browser, 'phone');
    const lan = `http://${SHOWROOM_HOST}:${kiosk.server.port}`;
    await page.goto(`${lan}/#/home`);
    await page.evaluate(() => localStorage.removeItem('showroom-twin.link-token'));
    await page.goto(planLink(lan, ANSWERS));
    await waitForPlan(page);
    expect(await page.getByTestId('plan-test-drive').count()).toBe(0);
    expect(await page.getByTestId('plan-test-drive-elsewhere').textContent()).toContain('展台');
    assertClean();
    await page.close();
  });

  it('keeps a lead draft and opens the contact form when the customer wants a test drive', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    const kioskToken = ((await (await fetch(`${kiosk.server.url}/api/kiosk-config`)).json()) as { token: string }).token;
    const share = (await (await fetch(`${kiosk.server.url}/api/share-tokens`, { method: 'POST', headers: { authorization: `Bearer ${kioskToken}` } })).json()) as { token: string; expiresAt: string };
    await page.goto(planLink(kiosk.server.url, ANSWERS, { token: share.token, expiresAtMs: Date.parse(share.expiresAt) }));
    await waitForPlan(page);
    await page.getByTestId('plan-test-drive').click();
    await page.getByTestId('contact-form').waitFor();
    // Tags are for the dealer, never for the customer.
    const text = (await page.textContent('body')) ?? '';
    for (const tag of ['high-potential', 'ready-to-test-drive', 'commuter', 'camper', 'family']) expect(text).not.toContain(tag);
    assertClean();
    await page.close();
  });

  it('on a phone whose link token the server no longer honours, tells the customer at once and deletes the details', async () => {
    const kioskToken = ((await (await fetch(`${kiosk.server.url}/api/kiosk-config`)).json()) as { token: string }).token;
    const share = (await (await fetch(`${kiosk.server.url}/api/share-tokens`, { method: 'POST', headers: { authorization: `Bearer ${kioskToken}` } })).json()) as { token: string; expiresAt: string };
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'phone');
    const lan = `http://${SHOWROOM_HOST}:${kiosk.server.port}`;
    await page.goto(planLink(lan, ANSWERS, { token: share.token, expiresAtMs: Date.parse(share.expiresAt) }));
    await waitForPlan(page);
    await page.getByTestId('plan-test-drive').click();
    await page.getByTestId('contact-form').waitFor();
    // Before the customer submits, the store's manager revokes the link's token (or the server expired it).
    const { tokens } = (await (await kiosk.server.api('/api/tokens')).json()) as { tokens: { id: string; role: string; createdAt: string; revoked: boolean }[] };
    const newest = tokens.filter((t) => t.role === 'share' && !t.revoked).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    expect((await kiosk.server.api(`/api/tokens/${newest.id}`, { method: 'DELETE' })).status).toBe(204);
    await page.fill('input[name="name"]', '孙女士');
    await page.fill('input[name="phone"]', '13700137999');
    await page.check('input[name="consentContact"]');
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-refused').waitFor();
    expect(await page.getByTestId('contact-refused').textContent()).toContain('已从本机删除');
    await screenshot(page, 'contact-refused');
    // The entry is closed without its sealed lead; nothing reached the store.
    const stored = await page.evaluate(
      () =>
        new Promise<{ state: string; sealed: unknown }[]>((resolve) => {
          const open = indexedDB.open('showroom-lead-outbox');
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => resolve((all.result as { state: string; sealed: unknown }[]).map(({ state, sealed }) => ({ state, sealed })));
          };
        }),
    );
    // (This origin's outbox may also hold the lead an earlier test booked on the phone, sent.)
    expect(stored.filter((e) => e.state !== 'sent')).toEqual([{ state: 'refused', sealed: null }]);
    expect(stored.every((e) => e.sealed === null)).toBe(true);
    expect(((await (await kiosk.server.api('/api/leads?phone=13700137999')).json()) as { total: number }).total).toBe(0);
    // The one refusal is the test's.
    const deliberate = /\/api\/leads(?:: HTTP 401)?\)?$|status of 401/;
    problems.failedRequests.splice(0, Infinity, ...problems.failedRequests.filter((r) => !deliberate.test(r)));
    problems.consoleErrors.splice(0, Infinity, ...problems.consoleErrors.filter((r) => !deliberate.test(r)));
    assertClean();
    await page.close();
  });
});
