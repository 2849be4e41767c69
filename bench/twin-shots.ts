/**
 * Screenshot tool for judging the twin by eye (not a test):
 *   npx vite build && npx tsx bench/twin-shots.ts [vehicle-id] [views...]
 * Writes test-results/shots/<vehicle>-<view>-<w>x<h>.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startPreview, RESULTS_DIR } from '../test/e2e/harness.ts';

const [vehicle = 'vela-s5-long-range', ...rest] = process.argv.slice(2);
const views = rest.length ? rest : ['exterior', 'xray', 'exploded', 'section'];
const viewport = (process.env.VIEWPORT ?? 'landscape') as 'landscape' | 'portrait';
const preset = process.env.PRESET;

const server = await startPreview();
const browser = await launchBrowser();
try {
  const { page, problems } = await openPage(browser, viewport);
  await page.goto(`${server.url}/?twin=${vehicle}&twinIdle=0#/twin`);
  await page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 120_000 });
  mkdirSync(join(RESULTS_DIR, 'shots'), { recursive: true });
  if (preset) await page.click(`[data-camera-button="${preset}"]`);
  for (const v of views) {
    await page.click(`[data-view-button="${v}"]`);
    await page.waitForFunction(() => (window as unknown as { __twin?: { settled(): boolean } }).__twin?.settled(), undefined, { timeout: 120_000 });
    await page.waitForTimeout(v === 'exploded' ? 2500 : 500);
    const info = await page.evaluate(() => (window as unknown as { __twin: { info(): unknown } }).__twin.info());
    const size = page.viewportSize()!;
    const path = join(RESULTS_DIR, 'shots', `${vehicle}-${v}${preset ? '-' + preset : ''}-${size.width}x${size.height}.png`);
    writeFileSync(path, await page.screenshot({ type: 'png' }));
    console.log(v, JSON.stringify(info), path);
  }
  console.log('problems', JSON.stringify(problems));
} finally {
  await browser.close();
  await server.stop();
}
