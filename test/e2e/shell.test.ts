import { describe, expect, it } from 'vitest';
import { openPage, screenshot, smallTouchTargets, VIEWPORTS, type ViewportName } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';

const kiosk = useKioskAndBrowser();

describe('kiosk shell', () => {
  it('renders in zh-CN by default and switches to English', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(kiosk.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toContain('展厅数字孪生');
    expect(await page.getByTestId('nav-range').textContent()).toBe('续航实验室');
    // The Chinese is drawn with the app's own font (this machine has no CJK font: without it, boxes).
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      const heading = document.querySelector('h1')!;
      return {
        used: getComputedStyle(heading).fontFamily.split(',')[0]!.trim(),
        faces: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Showroom Sans SC').map((f) => ({ weight: f.weight, common: f.unicodeRange.startsWith('U+3400-4DBF'), status: f.status })),
      };
    });
    expect(faces.used.replace(/"/g, '')).toBe('Showroom Sans SC');
    // The app's faces (regular text, bold headings) are loaded; the common-hanzi faces wait until a
    // page shows a character only they have.
    expect(faces.faces.filter((f) => !f.common)).toEqual([
      { weight: '400', common: false, status: 'loaded' },
      { weight: '700', common: false, status: 'loaded' },
    ]);
    expect(faces.faces.filter((f) => f.common).map((f) => f.status)).toEqual(['unloaded', 'unloaded']);
    await screenshot(page, 'home-zh');

    await page.getByTestId('lang-en').click();
    await page.getByText('Range lab').first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toContain('Showroom Twin');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'home-en');
    assertClean();
    await page.close();
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('lays out the home screen at %s without overflow', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    await page.goto(kiosk.server.url);
    await page.getByTestId('tile-range').waitFor();
    // No horizontal scrolling on any kiosk or phone size.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every button is a comfortable touch target.
    expect(await smallTouchTargets(page)).toEqual([]);
    await screenshot(page, `home-${name}`);
    assertClean();
    await page.close();
  });

  it('returns to the home screen after the idle timeout, keeping stored lead data', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(`${kiosk.server.url}/?idle=5#/range`);
    await page.locator('[data-screen="range"]').waitFor();
    await page.getByTestId('lang-en').click();
    await page.evaluate(async () => {
      localStorage.setItem('leads:probe', 'kept');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('leads-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put({ phone: '13800000000' }, 'lead-1');
          tx.oncomplete = () => resolve();
        };
      });
    });
    // A "still there?" card first (in the customer's language), then the reset.
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('idle-warning').textContent()).toContain('Still there?');
    await screenshot(page, 'idle-warning');
    await page.locator('[data-screen="home"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const kept = await page.evaluate(async () => {
      const idb = await new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('leads-probe', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').get('lead-1');
          req.onsuccess = () => resolve(req.result);
        };
      });
      return { local: localStorage.getItem('leads:probe'), idb };
    });
    expect(kept).toEqual({ local: 'kept', idb: { phone: '13800000000' } });
    assertClean();
    await page.close();
  });

  it('keeps the session when the customer touches the screen during the idle warning', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(`${kiosk.server.url}/?idle=6#/range`);
    await page.locator('[data-screen="range"]').waitFor();
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    // A touch anywhere counts (the card's title here, so nothing underneath gets pressed).
    const title = (await page.locator('#idle-title').boundingBox())!;
    await page.mouse.click(title.x + 4, title.y + title.height / 2);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    // Past the moment the uncancelled reset would have fired (6 s), before the next one (click + 6 s).
    await page.waitForTimeout(3500);
    expect(await page.locator('[data-screen="range"]').count()).toBe(1);
    assertClean();
    await page.close();
  });

  it('counts a missing file as a failed request even though the server answers 200', async () => {
    const { page, problems } = await openPage(kiosk.browser);
    await page.goto(kiosk.server.url);
    await page.evaluate(() => fetch('/no-such-icon.svg').then((r) => r.text()));
    expect(problems.failedRequests).toEqual([expect.stringContaining('/no-such-icon.svg: missing')]);
    await page.close();
  });

  it('fails the blank-screenshot check on an empty page', async () => {
    const { page } = await openPage(kiosk.browser);
    await page.setContent('<html><body style="background:#fff"></body></html>');
    await expect(screenshot(page, 'blank-probe')).rejects.toThrow(/looks blank/);
    await page.close();
  });
});
