import { describe, expect, it } from 'vitest';
import { answerUntilPlan, openPage, outboxEntries, screenshot, SHOWROOM_HOST, smallTouchTargets, submitContact, VIEWPORTS, type ViewportName } from './harness.ts';
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
    const fontsOf = (p: typeof page) =>
      p.evaluate(async () => {
        await document.fonts.ready;
        const heading = document.querySelector('h1')!;
        return {
          used: getComputedStyle(heading).fontFamily.split(',')[0]!.trim().replace(/"/g, ''),
          faces: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Showroom Sans SC').map((f) => ({ weight: f.weight, common: f.unicodeRange.startsWith('U+3400-4DBF'), status: f.status })),
        };
      });
    const faces = await fontsOf(page);
    expect(faces.used).toBe('Showroom Sans SC');
    // The app's faces (regular text, bold headings) are loaded for the first paint.
    expect(faces.faces.filter((f) => !f.common)).toEqual([
      { weight: '400', common: false, status: 'loaded' },
      { weight: '700', common: false, status: 'loaded' },
    ]);
    // A kiosk then loads the common-hanzi faces too, for names typed after the network dropped.
    await expect.poll(async () => (await fontsOf(page)).faces.filter((f) => f.common).map((f) => f.status)).toEqual(['loaded', 'loaded']);
    // A phone on the showroom's address fetches them only when a page shows such a character.
    const phone = await openPage(kiosk.browser, 'phone');
    await phone.page.goto(`http://${SHOWROOM_HOST}:${kiosk.server.port}/`);
    await phone.page.getByRole('heading', { level: 1 }).waitFor();
    await phone.page.waitForTimeout(1000);
    expect((await fontsOf(phone.page)).faces.filter((f) => f.common).map((f) => f.status)).toEqual(['unloaded', 'unloaded']);
    phone.assertClean();
    await phone.page.close();
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

  it('returns to the home screen after the idle timeout, through attract mode, and clears what is not the kiosk’s', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.goto(`${kiosk.server.url}/?idle=5#/range`);
    await page.locator('[data-screen="range"]').waitFor();
    await page.getByTestId('lang-en').click();
    await page.evaluate(async () => {
      localStorage.setItem('customer:probe', 'gone');
      sessionStorage.setItem('customer:probe', 'gone');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('customer-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
      });
    });
    // A "still there?" card first (in the customer's language), over attract mode, then the reset.
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('idle-warning').textContent()).toContain('Still there?');
    await screenshot(page, 'idle-warning');
    await page.locator('[data-screen="home"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByTestId('attract').waitFor();
    await expect
      .poll(() => page.evaluate(async () => ({ local: localStorage.getItem('customer:probe'), session: sessionStorage.length, dbs: (await indexedDB.databases()).map((d) => d.name).filter((n) => n === 'customer-probe') })))
      .toEqual({ local: null, session: 0, dbs: [] });
    assertClean();
    await page.close();
  });

  it('ends a customer’s session leaving nothing of them readable, the lead outbox as it was, and shows attract mode', { timeout: 90_000 }, async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    const name = '赵先生';
    const digits = `1390002${String(Date.now() % 10_000).padStart(4, '0')}`;
    await page.goto(`${kiosk.server.url}/?idle=10#/contact`);
    // A customer leaves a lead: it goes to the outbox (and the server).
    await submitContact(page, name, digits);
    await expect.poll(async () => (await outboxEntries(page)).map((e) => e.state)).toEqual(['sent']);
    const outboxBefore = await outboxEntries(page);
    // Then answers a questionnaire to a plan, looks at the range lab and starts a second contact.
    await page.evaluate(() => (location.hash = '#/needs'));
    await answerUntilPlan(page);
    await page.evaluate(() => (location.hash = '#/range'));
    await page.getByTestId('trim-vela-x7-long-range').click();
    await page.evaluate(() => (location.hash = '#/contact'));
    await page.getByTestId('contact-form').waitFor();
    await page.fill('input[name="name"]', '钱女士');
    await page.fill('input[name="phone"]', '13900001111');

    // The customer walks away: attract mode, the countdown, the reset.
    await page.getByTestId('attract').waitFor({ timeout: 20_000 });
    await page.locator('[data-screen="home"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('idle-warning').waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'attract');
    expect(await page.getByTestId('attract-range').textContent()).toMatch(/\d/);

    // Nothing of them in storage, the address or the screens.
    const left = await page.evaluate(async () => {
      const local: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) local[localStorage.key(i)!] = localStorage.getItem(localStorage.key(i)!)!;
      return { local, session: sessionStorage.length, dbs: (await indexedDB.databases()).map((d) => d.name), hash: location.hash, search: location.search };
    });
    for (const key of Object.keys(left.local)) expect(['showroom-twin.kiosk-token', 'showroom-twin.share-token', 'showroom-twin.consent-notice', 'showroom-twin.store-settings', 'showroom-twin.funnel-queue']).toContain(key);
    const stored = JSON.stringify(left.local);
    for (const secret of [name, digits, '钱女士', '13900001111', 'vela-x7-long-range']) expect(stored).not.toContain(secret);
    expect(left.session).toBe(0);
    expect(left.dbs).toEqual(['showroom-lead-outbox']);
    expect(left.hash).toBe('#/');
    expect(left.search).toBe('?idle=10');
    expect(await outboxEntries(page)).toEqual(outboxBefore);
    // The next customer starts fresh: a tap ends attract mode on the home screen.
    await page.getByTestId('attract').click();
    await page.getByTestId('attract').waitFor({ state: 'detached' });
    expect(await page.locator('body').textContent()).not.toContain(name);
    await page.evaluate(() => (location.hash = '#/contact'));
    await page.getByTestId('contact-form').waitFor();
    expect(await page.inputValue('input[name="name"]')).toBe('');
    expect(await page.inputValue('input[name="phone"]')).toBe('');
    await page.evaluate(() => (location.hash = '#/needs'));
    await page.locator('[data-question]').first().waitFor();
    expect(await page.getByTestId('plan').count()).toBe(0);
    assertClean();
    await page.close();
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('shows attract mode with the first car’s facts on a kiosk left on its home screen at %s', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    await page.goto(`${kiosk.server.url}/?idle=6#/`);
    await page.getByTestId('attract').waitFor({ timeout: 15_000 });
    for (const fact of ['attract-range', 'attract-charge', 'attract-safety']) await page.getByTestId(fact).waitFor();
    expect(await page.getByTestId('attract-range').textContent()).toMatch(/冬季 -?\d+ °C 城市\d+ 公里夏季 \d+ °C 城市\d+ 公里/);
    const overflow = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="attract"]')!;
      return Math.max(a.scrollHeight - a.clientHeight, a.scrollWidth - a.clientWidth);
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'attract-home');
    // A tap ends it, on the home screen, pressing nothing underneath.
    await page.getByTestId('attract').click();
    await page.getByTestId('attract').waitFor({ state: 'detached' });
    expect(await page.locator('[data-screen="home"]').count()).toBe(1);
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
