/**
 * The consent notice states what the server does (issue 9): with a CRM outside mainland China
 * (`CRM_OUTSIDE_MAINLAND=1`) the real contact form asks the separate cross-border consent, naming
 * where the CRM is, and shows the server's retention period; a lead that gave that consent reaches
 * the CRM webhook (signed), one that did not is stored for the store but never forwarded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../../src/server/crypto.ts';
import { freePort, openPage, screenshot } from './harness.ts';
import { startLeadServer, type LeadServer } from './lead-server.ts';
import { launchBrowser, type Browser } from './harness.ts';

const SECRET = 'crm-webhook-secret-for-the-test';
type Delivery = { event: string; contact?: { phone: string }; consent?: { crossBorderCrm?: boolean } };

describe('consent notice with a CRM outside mainland China', () => {
  let hook: Server;
  const received: Delivery[] = [];
  const badSignatures: string[] = [];
  let server: LeadServer;
  let browser: Browser;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        const header = String(req.headers['x-showroom-signature'] ?? '');
        const t = Number(/t=(\d+)/.exec(header)?.[1]);
        if (!header.endsWith(`v1=${webhookSignature(SECRET, t, body)}`)) badSignatures.push(header);
        received.push(JSON.parse(body) as Delivery);
        res.writeHead(204).end();
      });
    });
    const hookPort = await freePort();
    await new Promise<void>((done) => hook.listen(hookPort, '127.0.0.1', done));
    server = await startLeadServer({
      env: {
        CRM_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/crm`,
        CRM_WEBHOOK_SECRET: SECRET,
        CRM_OUTSIDE_MAINLAND: '1',
        CRM_LOCATION: '新加坡（HubSpot, Inc.）',
        CRM_LOCATION_EN: 'Singapore (HubSpot, Inc.)',
        RETENTION_DAYS: '90',
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((done) => hook?.close(done));
  });

  /** Fills and submits the form, then goes back home as the customer would (no reload, nothing cut off). */
  async function submit(page: Page, phone: string, crossBorder: boolean): Promise<void> {
    await page.evaluate(() => (location.hash = '#/contact'));
    await page.getByTestId('contact-form').waitFor();
    await page.fill('input[name="name"]', '陈女士');
    await page.fill('input[name="phone"]', phone);
    await page.check('input[name="consentContact"]');
    if (crossBorder) await page.check('input[name="crossBorderCrm"]');
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-done').getByRole('button').click();
    await page.getByTestId('open-rep').waitFor();
  }

  it('asks the cross-border consent with the server’s facts; only the consented lead reaches the CRM', async () => {
    const { page, assertClean } = await openPage(browser, 'portrait');
    await page.goto(`${server.url}/#/contact`);
    await page.getByTestId('contact-form').waitFor();
    const text = (await page.getByTestId('contact-form').textContent()) ?? '';
    expect(text).toContain('保存 90 天');
    expect(text).not.toContain('365');
    expect(await page.locator('label:has(input[name="crossBorderCrm"])').textContent()).toContain('新加坡（HubSpot, Inc.）');
    await screenshot(page, 'contact-cross-border');

    await submit(page, '13800138111', false);
    await submit(page, '13800138222', true);

    // Both leads are the store's.
    await expect.poll(async () => ((await (await server.api('/api/leads')).json()) as { total: number }).total).toBe(2);
    // The consented one is forwarded, signed, with its consent; the other never is.
    await expect.poll(() => received.length, { timeout: 20_000, message: `no delivery; server output:\n${server.output()}` }).toBe(1);
    expect(received[0]).toMatchObject({ event: 'lead.created', contact: { phone: '+8613800138222' }, consent: { crossBorderCrm: true } });
    expect(badSignatures).toEqual([]);
    await page.waitForTimeout(4_000); // two more worker rounds
    expect(received.map((d) => d.contact?.phone)).toEqual(['+8613800138222']);
    assertClean();
    await page.close();
  });

  it('asks it in English too, naming the CRM’s location in English', async () => {
    const { page, assertClean } = await openPage(browser, 'phone');
    await page.goto(`${server.url}/#/home`);
    await page.getByTestId('lang-en').click();
    await page.evaluate(() => (location.hash = '#/contact'));
    await page.getByTestId('contact-form').waitFor();
    expect(await page.getByTestId('contact-form').textContent()).toContain('We keep it for 90 days');
    expect(await page.locator('label:has(input[name="crossBorderCrm"])').textContent()).toContain('Singapore (HubSpot, Inc.)');
    assertClean();
    await page.close();
  });
});
