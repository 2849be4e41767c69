/**
 * The pack tinted by simulated cell temperature: choosing a scenario shows the cells at the
 * temperature `simulate()` gives at departure and after the drive, and the colour follows it.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenario/index.ts';
import { parseVehicle, simulate } from '../../src/sim/index.ts';
import { openPage, RESULTS_DIR } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';
import { decodePng } from './png.ts';

const VEHICLE = 'vela-s5-standard';
const kiosk = useKioskAndBrowser();

type TwinWindow = { __twin: { settled(): boolean } };
const settle = async (page: Page) => {
  await page.waitForFunction(() => (window as unknown as TwinWindow).__twin?.settled(), undefined, { timeout: 120_000, polling: 200 });
  await page.waitForTimeout(300);
};

function simulated(presetId: string) {
  const spec = parseVehicle(JSON.parse(readFileSync(`public/models/${VEHICLE}/vehicle.json`, 'utf8')));
  const scenario = parseScenario(JSON.parse(readFileSync(`scenarios/${presetId}.json`, 'utf8')));
  return simulate(spec, scenario).battery;
}

/** Pixels close to a colour (the tinted cells, lit: a loose match on hue). */
function pixelsNear(png: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  const { rgba } = decodePng(png);
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (test(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)) n++;
  return n;
}

describe('battery temperature in the twin', () => {
  it('tints the pack by the simulated cell temperature of the chosen scenario', { timeout: 300_000 }, async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'landscape');
    await page.goto(`${kiosk.server.url}/?twin=${VEHICLE}&twinIdle=0#/twin`);
    await page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 120_000 });
    await settle(page);

    const harbin = simulated('harbin-winter-city');
    await page.click('[data-thermal-preset="harbin-winter-city"]');
    await expect.poll(() => page.getAttribute('.twin', 'data-view')).toBe('xray');
    const legend = page.getByTestId('pack-thermal-legend');
    await expect.poll(() => legend.getAttribute('data-cell-c')).toBe(harbin.startC.toFixed(2));
    await settle(page);
    const cold = await page.locator('.twin__stage').screenshot({ type: 'png' });

    await page.click('[data-thermal-phase="after"]');
    await expect.poll(() => legend.getAttribute('data-cell-c')).toBe(harbin.endC.toFixed(2));
    expect(harbin.endC).toBeGreaterThan(harbin.startC);

    const guangzhou = simulated('guangzhou-summer-city');
    await page.click('[data-thermal-preset="guangzhou-summer-city"]');
    await page.click('[data-thermal-phase="departure"]');
    await expect.poll(() => legend.getAttribute('data-cell-c')).toBe(guangzhou.startC.toFixed(2));
    await settle(page);
    const hot = await page.locator('.twin__stage').screenshot({ type: 'png' });

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'twin-thermal-cold-1920x1080.png'), cold);
    writeFileSync(join(RESULTS_DIR, 'twin-thermal-hot-1920x1080.png'), hot);
    await page.screenshot({ path: join(RESULTS_DIR, 'twin-thermal-page-1920x1080.png') });
    const deepBlue = (r: number, g: number, b: number) => b > 120 && b - r > 70 && b - g > 40;
    const amber = (r: number, g: number, b: number) => r > 150 && r - b > 90 && g > 80 && g < r;
    expect(pixelsNear(cold, deepBlue)).toBeGreaterThan(pixelsNear(hot, deepBlue) + 500);
    expect(pixelsNear(hot, amber)).toBeGreaterThan(pixelsNear(cold, amber) + 500);
    assertClean();
  });
});
