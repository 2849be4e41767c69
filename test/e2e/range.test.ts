import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { parseVehicle, rangeAdvice, simulate } from '../../src/sim/index.ts';
import {
  openPage,
  ROOT,
  screenshot,
  smallTouchTargets,
  VIEWPORTS,
  type Browser,
  type ViewportName,
} from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';
import type { Page } from 'playwright-core';

const kiosk = useKioskAndBrowser();

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

/** The simulator's range, computed here in Node. */
function simulatedRangeKm(vehicleId: string, scenarioId: string, ambientC?: number, patch: Record<string, unknown> = {}): number {
  const vehicle = parseVehicle(readJson(`public/models/${vehicleId}/vehicle.json`));
  const raw = readJson(`scenarios/${scenarioId}.json`);
  const scenario = parseScenario({ ...raw, ...(ambientC !== undefined && { ambientC }), ...patch });
  return simulate(vehicle, scenario).rangeKm;
}

/** The same, rounded as the screen shows it (whole km). */
function expectedRangeKm(vehicleId: string, scenarioId: string, ambientC?: number): number {
  return Math.round(simulatedRangeKm(vehicleId, scenarioId, ambientC));
}

/** Waits until no newer request is pending, then reads the displayed range. */
async function shownRangeKm(page: Page): Promise<number> {
  await page.locator('.range__result[data-computing="false"]').waitFor();
  const text = (await page.getByTestId('range-km').textContent()) ?? '';
  return Number(text.replace(/[^\d.-]/g, ''));
}

async function openRange(page: Page, vehicleId: string, scenarioId: string) {
  await page.goto(`${kiosk.server.url}/#/range`);
  await page.getByTestId(`trim-${vehicleId}`).click();
  await page.getByTestId(`preset-${scenarioId}`).click();
  await expect.poll(() => page.getByTestId(`preset-${scenarioId}`).getAttribute('aria-pressed')).toBe('true');
}

describe('range lab', () => {
  it('shows the range the simulator computes for the same vehicle and scenario', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    for (const [vehicleId, scenarioId] of [
      ['vela-s5-standard', 'mixed-wltc'],
      ['vela-x7-long-range', 'harbin-winter-city'],
    ] as const) {
      await openRange(page, vehicleId, scenarioId);
      await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm(vehicleId, scenarioId));
      const rated = (readJson(`public/models/${vehicleId}/vehicle.json`).rated as { cltcKm: number }).cltcKm;
      const percent = Math.round((simulatedRangeKm(vehicleId, scenarioId) / rated) * 100);
      expect(await page.getByTestId('range-rated').textContent()).toContain(`${percent}%`);
    }
    // The light bands: the same drive on a mild day (23 °C, climate off, standard tyres).
    const vehicle = parseVehicle(readJson('public/models/vela-x7-long-range/vehicle.json'));
    const mild = simulate(vehicle, parseScenario({ ...readJson('scenarios/harbin-winter-city.json'), ambientC: 23, hvac: { mode: 'off' }, tyres: 'standard' }));
    await expect
      .poll(() => page.getByTestId('breakdown-reference').textContent())
      .toContain(`${mild.batteryKwhPer100km.toFixed(1)} kWh/百公里`);
    await screenshot(page, 'range-harbin-zh');
    assertClean();
    await page.close();
  });

  it('updates the result while the temperature slider is dragged', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await openRange(page, 'vela-s5-long-range', 'beijing-winter-mixed');
    const before = await shownRangeKm(page);
    expect(before).toBe(expectedRangeKm('vela-s5-long-range', 'beijing-winter-mixed'));

    // Drag the thumb like a finger would, in many small steps, towards the warm end.
    const slider = page.getByTestId('ambient-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const value = Number(await slider.inputValue());
    const startX = box.x + 22 + ((value + 30) / 75) * (box.width - 44);
    const y = box.y + box.height / 2;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    const seen = new Set<string>();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(startX + (i / 30) * (box.x + box.width * 0.8 - startX), y);
      seen.add((await page.getByTestId('range-km').textContent()) ?? '');
    }
    await page.mouse.up();
    const ambientC = Number(await slider.inputValue());
    expect(ambientC).toBeGreaterThan(value + 20);
    // Results arrived during the drag, not only at the end.
    expect(seen.size).toBeGreaterThan(2);
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm('vela-s5-long-range', 'beijing-winter-mixed', ambientC));
    expect(await shownRangeKm(page)).toBeGreaterThan(before);

    // Keyboard steps reach the same value as the Node simulator too.
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm('vela-s5-long-range', 'beijing-winter-mixed', ambientC - 5));
    assertClean();
    await page.close();
  });

  it('follows a finger on the slider on a phone, coalescing worker requests, never freezing the page', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'phone');
    // Count what the page posts to each worker, to see the coalescing at work.
    await page.addInitScript(() => {
      const posts: string[] = [];
      (window as unknown as { workerPosts: string[] }).workerPosts = posts;
      const Original = window.Worker;
      window.Worker = class extends Original {
        #url: string;
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.#url = String(url);
        }
        override postMessage(message: unknown, options?: unknown) {
          posts.push(this.#url);
          super.postMessage(message, options as StructuredSerializeOptions);
        }
      };
    });
    await openRange(page, 'vela-x7-standard', 'harbin-winter-city');
    await shownRangeKm(page);
    const slider = page.getByTestId('ambient-slider');
    await slider.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const w = window as unknown as { longTasksMs: number[] };
      w.longTasksMs = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasksMs.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    // Real touch events through the DevTools protocol: touchstart on the thumb, moves, touchend.
    const cdp = await page.context().newCDPSession(page);
    const box = (await slider.boundingBox())!;
    const from = Number(await slider.inputValue());
    const x0 = box.x + 22 + ((from + 30) / 75) * (box.width - 44);
    const y = box.y + box.height / 2;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const rangePosts = () =>
      page.evaluate(() => (window as unknown as { workerPosts: string[] }).workerPosts.filter((u) => u.includes('sim.worker')).length);
    const postsBefore = await rangePosts();
    await slider.evaluate((el) => {
      const w = window as unknown as { inputEvents: number };
      w.inputEvents = 0;
      el.addEventListener('input', () => w.inputEvents++);
    });
    await touch('touchStart', x0);
    for (let i = 1; i <= 40; i++) await touch('touchMove', x0 + (i / 40) * (box.x + box.width - 30 - x0));
    await touch('touchEnd', 0);
    const inputs = await page.evaluate(() => (window as unknown as { inputEvents: number }).inputEvents);
    const to = Number(await slider.inputValue());
    expect(to).toBeGreaterThan(from + 30);
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm('vela-x7-standard', 'harbin-winter-city', to));
    // Results came during the drag (more than one request), never more than one request per
    // slider step (the coalescing itself is unit-tested in test/state/coalescing-client).
    const posted = (await rangePosts()) - postsBefore;
    expect(inputs).toBeGreaterThan(20);
    expect(posted).toBeGreaterThanOrEqual(2);
    expect(posted).toBeLessThanOrEqual(inputs);
    // That the simulator runs in the worker is shown by the posts above. This guards against
    // freezes: task lengths on a shared, software-rendered machine are noisy (up to ~140 ms seen
    // at load 9 on 2 cores), so only half a second fails (a cold 16-point curve takes ~0.6 s).
    const longTasks = await page.evaluate(() => (window as unknown as { longTasksMs: number[] }).longTasksMs);
    expect(longTasks.filter((ms) => ms > 500)).toEqual([]);
    await screenshot(page, 'range-phone-dragged');
    assertClean();
    await page.close();
  });

  it('drive, cabin and load controls give the range the simulator computes for the same inputs', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    const [vehicleId, scenarioId] = ['vela-s5-long-range', 'beijing-winter-highway'] as const;
    await openRange(page, vehicleId, scenarioId);
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm(vehicleId, scenarioId));
    await page.getByTestId('range-tab-drive').click();
    // The preset's settings are on the controls: 120 km/h, 22 °C, two people, no luggage.
    expect(await page.getByTestId('drive-120').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('setpoint-value').textContent()).toBe('22°C');
    expect(await page.getByTestId('people-value').textContent()).toBe('2 人');

    await page.getByTestId('drive-90').click();
    await expect.poll(() => shownRangeKm(page)).toBe(
      Math.round(simulatedRangeKm(vehicleId, scenarioId, undefined, { drive: { constantSpeedKmh: 90 } })),
    );
    for (let i = 0; i < 3; i++) await page.getByTestId('people-plus').click();
    for (let i = 0; i < 2; i++) await page.getByTestId('luggage-plus').click();
    for (let i = 0; i < 2; i++) await page.getByTestId('setpoint-minus').click();
    await page.getByTestId('seat-heating').click();
    await page.getByTestId('preconditioned').click();
    const loaded = {
      drive: { constantSpeedKmh: 90 }, occupants: 5, payloadKg: 4 * 75 + 50,
      hvac: { mode: 'on', setpointC: 20, seatHeating: true }, preconditioned: true,
    };
    await expect.poll(() => shownRangeKm(page)).toBe(Math.round(simulatedRangeKm(vehicleId, scenarioId, undefined, loaded)));

    // A custom speed on the slider, stepped with the keyboard like a finger would, step by step.
    await page.getByTestId('drive-custom').click();
    expect(await page.getByTestId('speed-value').textContent()).toBe('90 km/h');
    await page.getByTestId('speed-slider').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('speed-value').textContent()).toBe('110 km/h');
    await page.getByTestId('speed-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownRangeKm(page)).toBe(
      Math.round(simulatedRangeKm(vehicleId, scenarioId, undefined, { ...loaded, drive: { constantSpeedKmh: 105 } })),
    );
    // City cycle; then a new preset takes every setting back.
    await page.getByTestId('drive-city').click();
    await expect.poll(() => shownRangeKm(page)).toBe(
      Math.round(simulatedRangeKm(vehicleId, scenarioId, undefined, { ...loaded, drive: { cycle: 'CLTC-P' } })),
    );
    await screenshot(page, 'range-drive-controls');
    await page.getByTestId('range-tab-conditions').click();
    await page.getByTestId(`preset-harbin-winter-city`).click();
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm(vehicleId, 'harbin-winter-city'));
    assertClean();
    await page.close();
  });

  it('the advice card shows the gains rangeAdvice computes in Node for the scenario on screen', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    const advised = async (vehicleId: string, scenarioId: string, patch: Record<string, unknown> = {}) => {
      const vehicle = parseVehicle(readJson(`public/models/${vehicleId}/vehicle.json`));
      const expected = rangeAdvice(vehicle, parseScenario({ ...readJson(`scenarios/${scenarioId}.json`), ...patch }));
      await expect
        .poll(() => page.locator('.advice[data-stale="false"] .advice__item').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))))
        .toEqual(expected.map((a) => `advice-${a.kind}`));
      for (const a of expected) {
        const row = page.getByTestId(`advice-${a.kind}`);
        expect(await row.getAttribute('data-gain-km'), a.kind).toBe(a.gainKm.toFixed(1));
        const km = Math.round(a.gainKm);
        expect(await page.getByTestId(`advice-${a.kind}-km`).textContent()).toBe(`${km > 0 ? '+' : ''}${km}公里`);
        const pct = Math.round(a.gainPct);
        expect(await page.getByTestId(`advice-${a.kind}-pct`).textContent()).toBe(`${pct > 0 ? '+' : ''}${pct}%`);
      }
      return expected;
    };
    // A car without a heat pump on a Harbin winter highway: all four pieces of advice.
    await openRange(page, 'vela-s5-standard', 'harbin-winter-highway');
    await page.getByTestId('range-tab-advice').click();
    const kinds = (await advised('vela-s5-standard', 'harbin-winter-highway')).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['precondition', 'heat-pump', 'seat-heating', 'slower']));
    expect(await page.getByTestId('advice-heat-pump').textContent()).toContain('如果配备热泵');
    await screenshot(page, 'range-advice');
    // A control change on the other tab gives new advice for the new scenario.
    await page.getByTestId('range-tab-drive').click();
    await page.getByTestId('drive-120').click();
    await page.getByTestId('range-tab-advice').click();
    await advised('vela-s5-standard', 'harbin-winter-highway', { drive: { constantSpeedKmh: 120 } });
    // With a heat pump: what it gives.
    await page.getByTestId('range-tab-conditions').click();
    await page.getByTestId('trim-vela-x7-standard').click();
    await page.getByTestId('preset-harbin-winter-city').click();
    await page.getByTestId('range-tab-advice').click();
    await advised('vela-x7-standard', 'harbin-winter-city');
    expect(await page.getByTestId('advice-heat-pump').textContent()).toContain('已配备');
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('advice-heat-pump').textContent()).toContain('heat pump (fitted)');
    assertClean();
    await page.close();
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('compare view at %s: each column shows the simulator range of its preset', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    const vehicleId = 'vela-s5-standard';
    await page.goto(`${kiosk.server.url}/#/range`);
    await page.getByTestId(`trim-${vehicleId}`).click();
    await page.getByTestId('range-mode-compare').click();
    const columnKm = (i: number) => page.getByTestId(`compare-km-${i}`).getAttribute('data-range-km');
    const check = async (ids: string[]) => {
      await page.locator('.compare[data-stale="false"]').waitFor();
      for (const [i, id] of ids.entries()) {
        await expect.poll(() => columnKm(i)).toBe(simulatedRangeKm(vehicleId, id).toFixed(1));
        expect(await page.getByTestId(`compare-km-${i}`).textContent()).toBe(String(expectedRangeKm(vehicleId, id)));
      }
    };
    // The rep's pair by default: summer city against Harbin winter highway.
    await check(['guangzhou-summer-city', 'harbin-winter-highway']);
    const rated = (readJson(`public/models/${vehicleId}/vehicle.json`).rated as { cltcKm: number }).cltcKm;
    expect(await page.getByTestId('compare-pct-1').textContent()).toBe(
      `${Math.round((simulatedRangeKm(vehicleId, 'harbin-winter-highway') / rated) * 100)}%`,
    );
    await page.getByTestId('compare-add').click();
    await page.getByTestId('compare-select-2').selectOption('beijing-winter-mixed');
    await check(['guangzhou-summer-city', 'harbin-winter-highway', 'beijing-winter-mixed']);
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    if (name !== 'phone') {
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        const below = await page.evaluate(() => {
          const main = document.querySelector('.shell__main')!;
          return Math.max(document.documentElement.scrollHeight - window.innerHeight, main.scrollHeight - main.clientHeight);
        });
        expect(below, lang).toBeLessThanOrEqual(0);
      }
      await page.getByTestId('lang-zh-CN').click();
    }
    await screenshot(page, `range-compare-${name}`);
    // Back to two columns, another trim: the columns follow the lab's trim.
    await page.getByTestId('compare-remove-2').click();
    await page.getByTestId('trim-vela-x7-long-range').click();
    await page.locator('.compare[data-stale="false"]').waitFor();
    await expect.poll(() => columnKm(1)).toBe(simulatedRangeKm('vela-x7-long-range', 'harbin-winter-highway').toFixed(1));
    assertClean();
    await page.close();
  });

  it('draws the range-versus-temperature curve from the simulator and marks the current result', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await openRange(page, 'vela-s5-long-range', 'beijing-winter-mixed');
    await page.locator('.curve[data-stale="false"] .curve__point').first().waitFor();
    const points = () =>
      page.locator('.curve__point').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-ambient-c')), e.getAttribute('data-range-km')] as const));
    const first = await points();
    expect(first.map(([a]) => a)).toEqual([-30, -25, -20, -15, -10, -5, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    for (const [a, km] of first.filter(([a]) => [-30, -10, 20, 45].includes(a))) {
      expect(km, `${a} °C`).toBe(simulatedRangeKm('vela-s5-long-range', 'beijing-winter-mixed', a).toFixed(1));
    }
    expect(await page.getByTestId('curve-marker').getAttribute('data-ambient-c')).toBe('-8');

    // The slider moves the marker; the curve itself stays (it does not depend on temperature).
    await page.getByTestId('ambient-slider').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('curve-marker').getAttribute('data-ambient-c')).toBe('-5');
    expect(await points()).toEqual(first);

    // Climate off: a new curve, with more range in the cold.
    await page.getByTestId('climate-off').click();
    await expect.poll(async () => (await points())[0]![1]).not.toBe(first[0]![1]);
    await page.locator('.curve[data-stale="false"]').waitFor();
    const off = await points();
    expect(Number(off[0]![1])).toBeGreaterThan(Number(first[0]![1]));
    await screenshot(page, 'range-curve');
    assertClean();
    await page.close();
  });

  it('switches the range screen to English with locale formatting', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await openRange(page, 'vela-x7-standard', 'guangzhou-summer-city');
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { name: 'Range lab' }).waitFor();
    expect(await page.getByTestId('battery-consumption').textContent()).toMatch(/^\d+\.\d kWh\/100 km$/);
    expect(await page.locator('.gauge__unit').textContent()).toBe('km');
    expect(await page.getByTestId('breakdown-regen').textContent()).toMatch(/^-\d+\.\d$/);
    await screenshot(page, 'range-en');
    assertClean();
    await page.close();
  });

  it.each(Object.keys(VIEWPORTS) as ViewportName[])('lays out the range screen at %s', async (name) => {
    const { page, assertClean } = await openPage(kiosk.browser, name);
    await openRange(page, 'vela-s5-standard', 'harbin-winter-highway');
    await expect.poll(() => shownRangeKm(page)).toBe(expectedRangeKm('vela-s5-standard', 'harbin-winter-highway'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await smallTouchTargets(page)).toEqual([]);
    if (name !== 'phone') {
      // A kiosk shows the whole lab at once, in both languages: nothing below the fold.
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        const below = await page.evaluate(() => {
          const main = document.querySelector('.shell__main')!;
          return Math.max(document.documentElement.scrollHeight - window.innerHeight, main.scrollHeight - main.clientHeight);
        });
        expect(below, lang).toBeLessThanOrEqual(0);
      }
      await page.getByTestId('lang-zh-CN').click();
    }
    await screenshot(page, `range-${name}`);
    // The drive-and-load tab: the same rules.
    await page.getByTestId('range-tab-drive').click();
    await page.getByTestId('drive-custom').click();
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    if (name !== 'phone') {
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        const below = await page.evaluate(() => {
          const main = document.querySelector('.shell__main')!;
          return Math.max(document.documentElement.scrollHeight - window.innerHeight, main.scrollHeight - main.clientHeight);
        });
        expect(below, `drive tab, ${lang}`).toBeLessThanOrEqual(0);
      }
      await page.getByTestId('lang-zh-CN').click();
    }
    await screenshot(page, `range-${name}-drive`);
    await page.getByTestId('range-tab-advice').click();
    await page.getByTestId('advice-slower').waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);
    if (name !== 'phone') {
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        const below = await page.evaluate(() => {
          const main = document.querySelector('.shell__main')!;
          return Math.max(document.documentElement.scrollHeight - window.innerHeight, main.scrollHeight - main.clientHeight);
        });
        expect(below, `advice tab, ${lang}`).toBeLessThanOrEqual(0);
      }
      await page.getByTestId('lang-zh-CN').click();
    }
    await screenshot(page, `range-${name}-advice`);
    assertClean();
    await page.close();
  });

  it('shows an error card naming the file and field for a broken vehicle.json', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.route('**/models/vela-s5-performance/vehicle.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ...readJson('public/models/vela-s5-performance/vehicle.json'), battery: { chemistry: 'LFP', usableKwh: -3 } }),
      }),
    );
    await page.goto(`${kiosk.server.url}/#/range`);
    await page.getByTestId('trim-vela-s5-performance').click();
    const card = page.getByTestId('failure-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('models/vela-s5-performance/vehicle.json');
    expect(await card.textContent()).toContain('battery.usableKwh');
    // The broken trim keeps its name in the picker, marked as unusable.
    expect(await page.getByTestId('trim-vela-s5-performance').textContent()).toContain('维拉 S5');
    await screenshot(page, 'range-broken-vehicle');
    // The other trims still work.
    await page.getByTestId('trim-vela-s5-standard').click();
    await page.getByTestId('range-km').waitFor();
    assertClean();
    await page.close();
  });

  it('shows an error card, not a blank screen, when the line-up cannot be read', async () => {
    const { page, assertClean } = await openPage(kiosk.browser);
    await page.route('**/models/index.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ not json' }));
    await page.goto(`${kiosk.server.url}/#/range`);
    const card = page.getByTestId('failure-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('models/index.json');
    await screenshot(page, 'range-broken-lineup');
    assertClean();
    await page.close();
  });
});
