/**
 * A plan's share link over HTTPS, as a showroom with a certificate runs it: the kiosk (plain HTTP
 * on loopback) puts `https://showroom.test:<port>` in its QR code, and a phone opening that link
 * is in a secure context (WebCrypto there), books a test drive, and the lead reaches the store.
 * The certificate is self-signed for a non-loopback name and trusted by its key hash only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, type TestCertificate } from '../server/tls-fixture.ts';
import { launchBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { startLeadServer, type LeadServer } from './lead-server.ts';

const NAME = 'showroom.test';

let cert: TestCertificate;
let server: LeadServer;
let browser: Browser;
beforeAll(async () => {
  cert = await makeCertificate(NAME);
  server = await startLeadServer({ tls: { certFile: cert.certFile, keyFile: cert.keyFile } });
  // showroom.test resolves to 127.0.0.1, and only this certificate's key is trusted.
  browser = await launchBrowser({ loopbackHosts: [NAME], args: [`--ignore-certificate-errors-spki-list=${cert.spki}`] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The quickest way through the questionnaire to a plan: skip what may be skipped. */
async function reachPlan(page: Page) {
  const skip = page.getByTestId('needs-skip');
  await page.locator('[data-question="dailyKm"]').waitFor();
  for (let i = 0; i < 3; i++) await skip.click();
  await page.locator('[data-question="region"]').waitFor();
  await page.getByTestId('region-beijing').click();
  await page.getByTestId('needs-next').click();
  for (let i = 0; i < 5; i++) await skip.click();
  await page.locator('[data-question="priorities"]').waitFor();
  await page.getByTestId('priority-cost').click();
  await page.getByTestId('needs-next').click();
  await page.getByTestId('plan').waitFor({ timeout: 20_000 });
}

/** The share token in a plan link's fragment (`#/plan?a=...&k=...`), once the kiosk has one. */
function linkToken(link: string | null): string | null {
  if (!link) return null;
  const hash = new URL(link).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('k');
}

describe('a share link over HTTPS', () => {
  it('opens in a secure context on the phone and books a test drive that reaches the store', async () => {
    const origin = `https://${NAME}:${server.httpsPort}`;
    const kiosk = await openPage(browser);
    await kiosk.page.goto(`${server.url}/?share=${encodeURIComponent(origin)}#/needs`);
    await reachPlan(kiosk.page);
    // The link as the kiosk makes it (whatever its parameters), once it carries the store's token.
    const qr = kiosk.page.getByTestId('share-qr');
    await expect.poll(async () => linkToken(await qr.getAttribute('data-link')), { timeout: 15_000 }).toMatch(/^stw_/);
    const link = (await qr.getAttribute('data-link'))!;
    expect(link.startsWith(`${origin}/#/plan?`)).toBe(true);

    const phone = await openPage(browser, 'phone');
    const phoneApi: string[] = [];
    phone.page.on('request', (r) => r.url().includes('/api/') && phoneApi.push(`${r.method()} ${r.url().split('?')[0]}`));
    await phone.page.goto(link);
    await phone.page.getByTestId('plan').waitFor({ timeout: 20_000 });
    // The point of HTTPS: a secure context, so WebCrypto (and service workers, WebXR) are there.
    expect(
      await phone.page.evaluate(() => ({ origin: location.origin, secure: isSecureContext, subtle: typeof crypto.subtle, randomUUID: typeof crypto.randomUUID })),
    ).toEqual({ origin, secure: true, subtle: 'object', randomUUID: 'function' });
    await screenshot(phone.page, 'https-share-plan');

    await phone.page.getByTestId('plan-test-drive').click();
    await phone.page.fill('input[name="name"]', '安全连接');
    await phone.page.fill('input[name="phone"]', '13600136000');
    await phone.page.check('input[name="consentContact"]');
    await phone.page.getByTestId('contact-submit').click();
    await phone.page.getByTestId('contact-done').waitFor();
    const stored = async () => (await (await server.api('/api/leads?phone=13600136000')).json()) as { total: number; leads: { storeId: string }[] };
    await expect.poll(async () => (await stored()).total, { timeout: 15_000 }).toBe(1);
    expect((await stored()).leads[0]!.storeId).toBe('local');
    // The phone sent the lead to the HTTPS origin it was given, and asked nothing of any other.
    expect(phoneApi).toContain(`POST ${origin}/api/leads`);
    expect(phoneApi.filter((r) => !r.split(' ')[1]!.startsWith(`${origin}/`))).toEqual([]);

    await screenshot(phone.page, 'https-share-booked');
    phone.assertClean();
    kiosk.assertClean();
    await phone.page.close();
    await kiosk.page.close();
  });
});
