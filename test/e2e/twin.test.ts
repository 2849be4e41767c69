/**
 * The digital-twin screen in Chromium (SwiftShader): every view at kiosk
 * landscape and portrait, not blank; x-ray shows the pack; a hotspot tap
 * opens its card; a missing model gives an error card; a model without the
 * part names still shows with the dependent views off; context loss recovers.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Document, NodeIO } from '@gltf-transform/core';
import { openPage, RESULTS_DIR, type ViewportName } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';
import { colourStats, decodePng } from './png.ts';

const VEHICLE = 'vela-s5-long-range';
const VIEWS = ['exterior', 'xray', 'exploded', 'section'] as const;
const kiosk = useKioskAndBrowser();

type TwinWindow = { __twin: { settled(): boolean; info(): { calls: number; triangles: number }; visibleParts(): string[]; loseContext(): void; restoreContext(): void } };

async function openTwin(page: Page, vehicle = VEHICLE) {
  await page.goto(`${kiosk.server.url}/?twin=${vehicle}&twinIdle=0#/twin`);
  await page.waitForSelector('.twin[data-first-frame="yes"]', { timeout: 120_000 });
  await settle(page);
}

async function settle(page: Page) {
  await page.waitForFunction(() => (window as unknown as TwinWindow).__twin?.settled(), undefined, { timeout: 120_000, polling: 200 });
  await page.waitForTimeout(300);
}

/** Screenshot of the 3D stage only (hotspot markers hidden), saved and checked not blank. */
async function stageShot(page: Page, name: string) {
  await page.addStyleTag({ content: '.twin-hotspot { visibility: hidden !important; }' });
  const png = await page.locator('.twin__stage').screenshot({ type: 'png' });
  await page.addStyleTag({ content: '.twin-hotspot { visibility: visible !important; }' });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const size = page.viewportSize()!;
  writeFileSync(join(RESULTS_DIR, `twin-${name}-${size.width}x${size.height}.png`), png);
  const image = decodePng(png);
  const stats = colourStats(image);
  expect(stats.distinctColours, `${name}: distinct colours`).toBeGreaterThan(500);
  expect(stats.dominantShare, `${name}: dominant colour share`).toBeLessThan(0.6);
  return image;
}

/** Pixels of the blue the generator gives cells (and nothing else in the scene). */
function cellBluePixels(image: { rgba: Uint8Array }): number {
  let n = 0;
  const d = image.rgba;
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
    if (b > 150 && b - r > 90 && b - g > 40) n++;
  }
  return n;
}

describe.each<ViewportName>(['landscape', 'portrait'])('twin screen at %s', (viewport) => {
  it('renders every view with the car on screen, and x-ray shows the pack', { timeout: 300_000 }, async () => {
    const { page, assertClean } = await openPage(kiosk.browser, viewport);
    await openTwin(page);
    const blue: Record<string, number> = {};
    for (const view of VIEWS) {
      await page.click(`[data-view-button="${view}"]`);
      await expect.poll(() => page.getAttribute('.twin', 'data-view')).toBe(view);
      await settle(page);
      const image = await stageShot(page, view);
      blue[view] = cellBluePixels(image);
      const parts = await page.evaluate(() => (window as unknown as TwinWindow).__twin.visibleParts());
      if (view === 'exterior') expect(parts).not.toContain('battery/module_01/cells');
      if (view === 'xray') {
        expect(parts).toContain('battery/module_01/cells');
        expect(parts.some((p) => p.startsWith('hv/'))).toBe(true);
      }
    }
    // Cells are blue and hidden by the body outside: x-ray must show many of their pixels.
    expect(blue.exterior).toBeLessThan(200);
    expect(blue.xray).toBeGreaterThan(2000);
    assertClean();
    await page.close();
  });
});

describe('twin screen behaviour', () => {
  it('opens a hotspot card with the bundle text and switches to the hotspot view', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'landscape');
    await openTwin(page);
    const bundle = JSON.parse(readFileSync(`public/models/${VEHICLE}/vehicle.json`, 'utf8')) as { twin: { hotspots: { id: string; view: string; title: Record<string, string> }[] } };
    expect(await page.locator('.twin-hotspot').count()).toBeGreaterThanOrEqual(8);
    const h = bundle.twin.hotspots.find((x) => x.id === 'cells')!;
    await page.click('[data-hotspot="cells"]');
    const card = page.locator('.twin-card[data-card="cells"]');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('h2').textContent()).toBe(h.title['zh-CN']);
    expect(await page.getAttribute('.twin', 'data-view')).toBe(h.view);
    await settle(page);
    await stageShot(page, 'hotspot-cells');
    await page.click('.twin-card__close');
    expect(await card.count()).toBe(0);
    assertClean();
    await page.close();
  });

  it('shows an error card, not a blank screen, when the model is missing', async () => {
    const { page, problems } = await openPage(kiosk.browser, 'landscape');
    await page.route('**/models/vela-x7-standard/model.glb', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${kiosk.server.url}/?twin=vela-x7-standard&twinIdle=0#/twin`);
    await page.locator('.twin__error').waitFor({ timeout: 60_000 });
    expect(await page.locator('.twin__error h2').textContent()).toBeTruthy();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.failedRequests.every((r) => r.includes('model.glb'))).toBe(true);
    await page.close();
  });

  it("shows a maker's model without named parts, with x-ray, exploded and section off and a message", async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'landscape');
    const glb = await plainCarGlb();
    await page.route('**/models/vela-x7-standard/model.glb', (r) => r.fulfill({ status: 200, contentType: 'model/gltf-binary', body: Buffer.from(glb) }));
    await openTwin(page, 'vela-x7-standard');
    await page.locator('.twin__notice--missing').waitFor();
    for (const v of ['xray', 'exploded', 'section']) expect(await page.isDisabled(`[data-view-button="${v}"]`)).toBe(true);
    expect(await page.isDisabled('[data-view-button="exterior"]')).toBe(false);
    await stageShot(page, 'unnamed-model');
    assertClean();
    await page.close();
  });

  it('recovers from a lost WebGL context without a reload', async () => {
    const { page, problems } = await openPage(kiosk.browser, 'landscape');
    await openTwin(page);
    await page.evaluate(() => (window as unknown as TwinWindow).__twin.loseContext());
    await page.locator('.twin__notice[role="status"]').waitFor({ timeout: 10_000 });
    await page.evaluate(() => (window as unknown as TwinWindow).__twin.restoreContext());
    await page.locator('.twin__notice').waitFor({ state: 'detached', timeout: 30_000 });
    await page.click('[data-camera-button="side"]');
    await settle(page);
    await stageShot(page, 'after-context-restore');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});

/** A glTF as a maker might send it: one box called "Car", no convention names, not on the ground. */
async function plainCarGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const p = [-2.4, 0.3, -0.9, 2.4, 0.3, -0.9, 2.4, 1.5, -0.9, -2.4, 1.5, -0.9, -2.4, 0.3, 0.9, 2.4, 0.3, 0.9, 2.4, 1.5, 0.9, -2.4, 1.5, 0.9];
  const idx = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 6, 2, 3, 7, 6, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5];
  const prim = doc.createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(p)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('Paint').setBaseColorFactor([0.7, 0.1, 0.1, 1]));
  doc.createScene().addChild(doc.createNode('Car').setMesh(doc.createMesh('Car').addPrimitive(prim)).setTranslation([0, 2, 0]));
  return new NodeIO().writeBinary(doc);
}
