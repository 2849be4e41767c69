/**
 * Where XR is missing, in Chromium: the kiosk (loopback, a secure context without AR) shows why and
 * a QR code of the deep link on the server's HTTPS PUBLIC_ORIGIN; a phone opening that link over
 * HTTPS gets the same car, paint and view; a phone on plain HTTP is told to open the HTTPS link;
 * WeChat is told how to leave it; a kiosk without an HTTPS address says so. Landscape kiosk,
 * portrait totem and phone layouts, 48 px touch targets, screenshots. AR and VR sessions themselves
 * are the XR scene's browser tests (iwer).
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, type TestCertificate } from '../server/tls-fixture.ts';
import { freePort, launchBrowser, openPage, screenshot, SHOWROOM_HOST, type Browser } from './harness.ts';
import { startLeadServer, type LeadServer } from './lead-server.ts';
import { decodePng } from './png.ts';

const NAME = 'showroom.test';
const VEHICLE = 'vela-s5-long-range';
const UA = {
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  quest3: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0.0.1.56 Chrome/130.0.6723.107 VR Safari/537.36',
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  wechat: 'Mozilla/5.0 (Linux; Android 14; V2307A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300333 MMWEBSDK/20240802 MicroMessenger/8.0.51.2720(0x28003335) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
};

let cert: TestCertificate;
let server: LeadServer;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  cert = await makeCertificate(NAME);
  const httpsPort = await freePort();
  origin = `https://${NAME}:${httpsPort}`;
  server = await startLeadServer({ tls: { certFile: cert.certFile, keyFile: cert.keyFile }, env: { HTTPS_PORT: String(httpsPort), PUBLIC_ORIGIN: origin } });
  browser = await launchBrowser({ loopbackHosts: [NAME], args: [`--ignore-certificate-errors-spki-list=${cert.spki}`] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Makes the page's browser say it is another one (user agent, touch) before it loads anything. */
async function asDevice(page: Page, userAgent: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setUserAgentOverride', { userAgent });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
}

async function xrReady(page: Page) {
  await page.locator('.twin-xr[data-xr-ready="yes"]').waitFor({ timeout: 60_000 });
}

/** Controls under 48 × 48 px in the XR bar and the hand-off sheet (after checking there are some). */
async function smallXrTargets(page: Page) {
  const sizes = await page.locator('.twin-xr :is(button, a[href])').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { text: (el.textContent || el.getAttribute('aria-label') || '').trim(), width: r.width, height: r.height };
  }));
  expect(sizes.length, 'XR controls on screen').toBeGreaterThan(0);
  return sizes.filter((t) => t.width < 48 || t.height < 48);
}

async function qrFromScreen(page: Page): Promise<string | null> {
  const png = decodePng(await page.getByTestId('xr-handoff-qr').screenshot({ type: 'png' }));
  return jsQR(new Uint8ClampedArray(png.rgba), png.width, png.height)?.data ?? null;
}

describe('the kiosk hands the car to a phone', () => {
  it('landscape kiosk: why there is no AR, and a QR code of the same car, paint and view on the HTTPS address', { timeout: 300_000 }, async () => {
    const kiosk = await openPage(browser, 'landscape');
    await kiosk.page.goto(`${server.url}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(kiosk.page);
    await kiosk.page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 120_000 });
    expect(await kiosk.page.locator('.twin-xr [data-reason="kiosk"]').textContent()).toContain('展厅大屏不能进入 AR');
    await kiosk.page.getByRole('button', { name: '朱砂红' }).click();
    await kiosk.page.click('[data-view-button="xray"]');
    await kiosk.page.getByRole('button', { name: '在手机上打开' }).click();
    const qr = kiosk.page.getByTestId('xr-handoff-qr');
    await qr.waitFor();
    const link = (await qr.getAttribute('data-link'))!;
    expect(link).toBe(`${origin}/?twin=${VEHICLE}&paint=cinnabar-red&view=xray#/twin`);
    expect(await qrFromScreen(kiosk.page)).toBe(link);
    expect(await smallXrTargets(kiosk.page)).toEqual([]);
    await screenshot(kiosk.page, 'xr-kiosk-handoff');
    await kiosk.page.getByRole('button', { name: '关闭' }).click();
    expect(await qr.count()).toBe(0);
    kiosk.assertClean();

    // The phone that scanned it: HTTPS, a secure context, the same car, paint and view.
    const phone = await openPage(browser, 'phone');
    await asDevice(phone.page, UA.android);
    await phone.page.goto(link);
    await xrReady(phone.page);
    expect(await phone.page.evaluate(() => ({ origin: location.origin, secure: isSecureContext }))).toEqual({ origin, secure: true });
    await phone.page.waitForSelector('.twin[data-view="xray"]', { timeout: 120_000 });
    expect(await phone.page.locator('.twin-toolbar__trim select').inputValue()).toBe(VEHICLE);
    expect(await phone.page.locator('.twin-swatch[aria-pressed="true"]').getAttribute('aria-label')).toBe('朱砂红');
    // Headless Chromium has no AR device: an Android phone without ARCore, said so.
    const reasons = await phone.page.locator('.twin-xr [data-reason]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r === 'no-arcore' || r === 'no-webxr')).toBe(true);
    await screenshot(phone.page, 'xr-phone-from-qr');
    phone.assertClean();
    await phone.page.close();
    await kiosk.page.close();
  });

  it('portrait totem: the QR sheet fits, with 48 px targets', async () => {
    const totem = await openPage(browser, 'portrait');
    await totem.page.goto(`${server.url}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(totem.page);
    await totem.page.waitForSelector('.twin-toolbar', { timeout: 60_000 });
    // The totem's screen does not scroll with the XR bar in it (the 3D stage gives up the height).
    expect(await totem.page.evaluate(() => { const m = document.querySelector('.shell__main')!; return m.scrollHeight - m.clientHeight; })).toBeLessThanOrEqual(0);
    await totem.page.getByRole('button', { name: '在手机上打开' }).click();
    await totem.page.getByTestId('xr-handoff-qr').waitFor();
    const box = (await totem.page.locator('.twin-xr__sheet').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1920);
    expect(await smallXrTargets(totem.page)).toEqual([]);
    await screenshot(totem.page, 'xr-totem-handoff');
    totem.assertClean();
    await totem.page.close();
  });

  it('without an HTTPS address for phones, the kiosk says so instead of a QR code that cannot work', async () => {
    const kiosk = await openPage(browser, 'landscape');
    // This kiosk's server has no PUBLIC_ORIGIN, and its start URL names a plain-HTTP address.
    await kiosk.page.route('**/api/kiosk-config', async (route) => {
      const answer = await route.fetch();
      const { publicOrigin: _dropped, ...config } = (await answer.json()) as { publicOrigin?: string };
      await route.fulfill({ response: answer, json: config });
    });
    await kiosk.page.goto(`${server.url}/?twin=${VEHICLE}&twinIdle=0&share=${encodeURIComponent(`http://${SHOWROOM_HOST}:8080`)}#/twin`);
    await xrReady(kiosk.page);
    await kiosk.page.getByRole('button', { name: '在手机上打开' }).click();
    const note = kiosk.page.locator('[data-xr="handoff-needs-https"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('docs/deploy.md');
    expect(await kiosk.page.getByTestId('xr-handoff-qr').count()).toBe(0);
    await screenshot(kiosk.page, 'xr-kiosk-needs-https');
    kiosk.assertClean();
    await kiosk.page.close();
  });
});

describe('phones where XR is missing', () => {
  it('a phone on plain HTTP from the LAN is told to open the HTTPS link', async () => {
    const phone = await openPage(browser, 'phone');
    await asDevice(phone.page, UA.android);
    await phone.page.goto(`http://${SHOWROOM_HOST}:${server.port}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(phone.page);
    expect(await phone.page.evaluate(() => isSecureContext)).toBe(false);
    expect(await phone.page.locator('.twin-xr [data-reason="insecure-context"]').textContent()).toContain('HTTPS');
    expect(await phone.page.locator('.twin-xr button').count()).toBe(0);
    await screenshot(phone.page, 'xr-phone-http');
    phone.assertClean();
    await phone.page.close();
  });

  it('WeChat is told how to open the page in the browser, in English too', async () => {
    const phone = await openPage(browser, 'phone');
    await asDevice(phone.page, UA.wechat);
    await phone.page.goto(`${origin}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(phone.page);
    const note = phone.page.locator('[data-xr="open-in-browser"]');
    expect(await note.textContent()).toContain('点右上角「···」，选「在浏览器打开」。');
    expect(await note.locator('.twin-xr__url').textContent()).toMatch(new RegExp(`^${origin.replace(/\./g, '\\.')}/\\?twin=${VEHICLE}&`));
    expect(await smallXrTargets(phone.page)).toEqual([]);
    await screenshot(phone.page, 'xr-phone-wechat');
    await phone.page.getByTestId('lang-en').click();
    await phone.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await note.textContent()).toContain("WeChat's built-in browser cannot open AR or VR");
    await screenshot(phone.page, 'xr-phone-wechat-en');
    phone.assertClean();
    await phone.page.close();
  });
});

describe('devices with XR, as the buttons see them (the sessions are the XR scene\'s tests)', () => {
  it('a headset: AR and VR buttons; a session the browser refuses says why', async () => {
    const headset = await openPage(browser, 'landscape');
    await asDevice(headset.page, UA.quest3);
    // A WebXR runtime that offers both modes and refuses every session.
    await headset.page.addInitScript(() => {
      const xr = { isSessionSupported: async () => true, requestSession: async () => Promise.reject(new DOMException('no headset on this test machine', 'NotSupportedError')), addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(Navigator.prototype, 'xr', { configurable: true, get: () => xr });
    });
    await headset.page.goto(`${origin}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(headset.page);
    const ar = headset.page.getByRole('button', { name: 'AR 实景摆放' });
    const vr = headset.page.getByRole('button', { name: 'VR 头显漫游' });
    await headset.page.waitForSelector('.twin[data-status="ready"]', { timeout: 120_000 });
    expect(await ar.isEnabled()).toBe(true);
    expect(await vr.isEnabled()).toBe(true);
    expect(await smallXrTargets(headset.page)).toEqual([]);
    await screenshot(headset.page, 'xr-headset-buttons');
    await ar.click();
    const alert = headset.page.locator('.twin-xr [role="alert"]');
    await alert.waitFor();
    // 'no-renderer' until the XR scene registers the canvas's renderer (setXRRenderer), then the
    // runtime's refusal; either way the screen says which.
    const reason = await alert.getAttribute('data-reason');
    expect(['no-renderer', 'refused']).toContain(reason);
    expect(await alert.textContent()).toContain(reason === 'refused' ? 'no headset on this test machine' : '三维视图还没准备好');
    expect(await ar.isEnabled()).toBe(true);
    await screenshot(headset.page, 'xr-headset-refused');
    headset.assertClean();
    await headset.page.close();
  });

  it('an iPhone: the Quick Look link, a single image named AR', async () => {
    const phone = await openPage(browser, 'phone');
    await asDevice(phone.page, UA.iPhone);
    await phone.page.addInitScript(() => {
      const supports = DOMTokenList.prototype.supports;
      DOMTokenList.prototype.supports = function (token: string) {
        return token === 'ar' || supports.call(this, token);
      };
    });
    await phone.page.goto(`${origin}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await xrReady(phone.page);
    const link = phone.page.locator('a[rel="ar"]');
    expect(await link.getAttribute('href')).toBe(`/models/${VEHICLE}/model.usdz#allowsContentScaling=0`);
    expect(await link.evaluate((a) => [...a.children].map((c) => c.tagName))).toEqual(['IMG']);
    expect(await link.locator('img').getAttribute('alt')).toBe('AR 实景摆放');
    // The badge image loaded (a data: SVG, nothing fetched) and is a touch target.
    expect(await link.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await smallXrTargets(phone.page)).toEqual([]);
    await screenshot(phone.page, 'xr-iphone-quick-look');
    phone.assertClean();
    await phone.page.close();
  });
});
