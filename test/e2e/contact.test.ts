/**
 * The contact form in Chromium: consent first, validation in the customer's language, and a lead
 * that is written to the IndexedDB outbox while the lead server cannot be reached and survives a
 * reload. (Sending to the real server is covered by test/leads/outbox-browser.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openPage, outboxEntries, smallTouchTargets, RESULTS_DIR, type ViewportName } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';

const kiosk = useKioskAndBrowser();

describe('contact form', () => {
  // Layouts first: the outbox test leaves a pending lead that the shared context's later pages
  // would (rightly) try to send.
  it.each<ViewportName>(['portrait', 'phone'])('lays out the form at %s with touch-sized controls', async (viewport) => {
    const { page, assertClean } = await openPage(kiosk.browser, viewport);
    await page.goto(`${kiosk.server.url}/#/contact`);
    await page.getByTestId('contact-form').waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);
    const size = page.viewportSize()!;
    await page.screenshot({ path: join(RESULTS_DIR, `contact-form-${size.width}x${size.height}.png`), fullPage: true });
    assertClean();
    await page.close();
  });
  it('shows no form while it has never had the store’s privacy notice, and the form once the server answers', async () => {
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'landscape');
    await page.goto(`${kiosk.server.url}/#/home`);
    await page.evaluate(() => localStorage.removeItem('showroom-twin.consent-notice'));
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${kiosk.server.url}/#/contact`);
    await page.getByTestId('contact-notice-unavailable').getByRole('button').waitFor();
    expect(await page.getByTestId('contact-form').count()).toBe(0);
    expect(await page.getByTestId('contact-notice-unavailable').textContent()).toContain('不能在这里留下联系方式');
    await page.unroute('**/api/**');
    await page.getByTestId('contact-notice-unavailable').getByRole('button').click();
    await page.getByTestId('contact-form').waitFor();
    expect(await page.getByTestId('contact-form').textContent()).toContain('保存 365 天');
    problems.failedRequests.length = 0;
    problems.consoleErrors.length = 0;
    assertClean();
    await page.close();
  });

  it('keeps a lead submitted while the lead server is unreachable in the outbox across a reload', async () => {
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'landscape');
    // The kiosk has shown the form before (it keeps the store's notice), then the lead server goes
    // down: every API call fails as a lost network would.
    await page.goto(`${kiosk.server.url}/#/contact`);
    await page.getByTestId('contact-form').waitFor();
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    // Not a tab of its own: reached from the plan.
    expect(await page.getByTestId('nav-contact').count()).toBe(0);

    await page.getByTestId('contact-submit').click();
    expect(await page.getByRole('alert').allTextContents()).toEqual(expect.arrayContaining(['请填写姓名', '请勾选同意门店联系您，才能提交']));

    await page.fill('input[name="name"]', '王女士');
    await page.fill('input[name="phone"]', '138 0013 8000');
    await page.check('input[name="consentContact"]');
    await page.locator('[data-slot]').first().click();
    await page.screenshot({ path: join(RESULTS_DIR, 'contact-form-1920x1080.png') });
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-done').waitFor();
    expect((await outboxEntries(page)).map((e) => e.state)).toEqual(['pending']);

    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    // The reloaded kiosk resumes sending (and fails again): the lead is still there, once.
    await expect.poll(() => problems.failedRequests.length).toBeGreaterThan(0);
    expect((await outboxEntries(page)).map((e) => e.state)).toEqual(['pending']);
    // The only failed requests are the deliberate ones to the unreachable lead server.
    expect(problems.failedRequests.every((r) => /\/api\/[a-z/-]+: net::ERR_INTERNET_DISCONNECTED$/.test(r))).toBe(true);
    problems.failedRequests.length = 0;
    const deliberate = /Failed to load resource: net::ERR_INTERNET_DISCONNECTED \(http:\/\/127\.0\.0\.1:\d+\/api\/[a-z/-]+\)/;
    problems.consoleErrors.splice(0, problems.consoleErrors.length, ...problems.consoleErrors.filter((e) => !deliberate.test(e)));
    assertClean();
    await page.close();
  });

});
