/**
 * The car in AR and in a headset (issue 10), in headless Chromium under an emulated Meta Quest 3
 * (iwer, forced over Chromium's own navigator.xr, with a synthetic office room from @iwer/sem so hit
 * tests find a floor). Every request to another origin is aborted and listed: nothing in XR may come
 * from a CDN. The controllers' profiles, the in-world font and the room all come from this machine.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseVehicle } from '../../src/sim/index.ts';
import { xrRange } from '../../src/xr/xr-range.ts';
import { openPage, ROOT, screenshot } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';
import { aimController, guardOtherOrigins, installIwer, lookAt, pullTrigger, waitXrFrames, xrState, type XrState } from './xr/xr-harness.ts';

// PUBLIC_ORIGIN: the kiosk's phone hand-off QR needs an HTTPS origin to show a link.
const kiosk = useKioskAndBrowser({ env: { PUBLIC_ORIGIN: 'https://showroom.example.cn' } });
const VEHICLE = 'vela-s5-standard';
const BUNDLE = JSON.parse(readFileSync(`${ROOT}/public/models/${VEHICLE}/vehicle.json`, 'utf8')) as { twin: { hotspots: { id: string; view: string; title: Record<'zh-CN' | 'en', string> }[] } };
const spec = parseVehicle(BUNDLE, VEHICLE);

/** A free spot on the synthetic office's floor, behind where the user starts. */
const FLOOR_SPOT: [number, number, number] = [0.4, 0, 2.5];

async function openTwin(): Promise<{ page: Page; foreign: string[]; assertClean: () => void }> {
  const { page, assertClean } = await openPage(kiosk.browser, 'landscape');
  // A smaller canvas: software GL draws a headset's two views a few times a second.
  await page.setViewportSize({ width: 960, height: 540 });
  await installIwer(page);
  const foreign = await guardOtherOrigins(page, kiosk.server.url);
  await page.goto(`${kiosk.server.url}/?twin=${VEHICLE}#/twin`);
  await page.waitForSelector('[data-first-frame="yes"]', { timeout: 60_000 });
  return { page, foreign, assertClean };
}

/** Enters through the twin screen's own button (its visible name has "AR" or "VR"). */
async function enter(page: Page, mode: 'immersive-ar' | 'immersive-vr'): Promise<void> {
  await page.waitForSelector('[data-xr-ready="yes"]');
  const button = page.locator(`[data-xr="${mode === 'immersive-ar' ? 'ar' : 'vr'}"]`);
  expect(await button.textContent()).toContain(mode === 'immersive-ar' ? 'AR' : 'VR');
  await button.click();
  await expect.poll(async () => (await xrState(page))?.mode, { timeout: 30_000 }).toBe(mode);
  await waitXrFrames(page, 3);
}

/**
 * Points the right controller at a panel button from beside the head, waits until the ray is over
 * it (the panel may still be gliding after the head turned), and pulls the trigger.
 */
async function press(page: Page, button: string): Promise<void> {
  // A user looks at what they press: the head turns to the button first (the panel then settles).
  const first = (await xrState(page)).objects[`xr-btn-${button}`];
  if (first) {
    await lookAt(page, first);
    await waitXrFrames(page, 4);
  }
  for (let attempt = 0; attempt < 12; attempt++) {
    const s = await xrState(page);
    const at = s.objects[`xr-btn-${button}`];
    if (!at) throw new Error(`no button xr-btn-${button}: ${Object.keys(s.objects).join(', ')}`);
    const hand: [number, number, number] = [s.camera[0] + (at[0] - s.camera[0]) * 0.3, s.camera[1] - 0.25, s.camera[2] + (at[2] - s.camera[2]) * 0.3];
    await aimController(page, 'right', hand, at);
    await waitXrFrames(page, 2);
    if ((await xrState(page)).hovered !== button) continue;
    await pullTrigger(page);
    await waitXrFrames(page, 2);
    return;
  }
  throw new Error(`the controller's ray never got over the button ${button}`);
}

const translation = (m: number[]): [number, number, number] => [m[12]!, m[13]!, m[14]!];

describe('the car in AR and in a headset', () => {
  it('places the car on the floor by hit test, switches views and scenarios from the panel, and leaves AR to the twin screen as it was', { timeout: 300_000 }, async () => {
    const { page, foreign, assertClean } = await openTwin();
    const before = await page.locator('.twin').getAttribute('data-view');
    const trim = await page.locator('.twin select').inputValue();
    const paint = await page.locator('.twin-swatch[aria-pressed="true"]').first().getAttribute('aria-label');
    await enter(page, 'immersive-ar');
    expect((await xrState(page)).placement).toMatchObject({ kind: 'scanning' });

    // Look and point at the floor: the reticle finds it; the trigger stands the car there.
    await lookAt(page, FLOOR_SPOT);
    await aimController(page, 'right', [0.2, 1.3, 0.3], FLOOR_SPOT);
    await expect.poll(async () => (await xrState(page)).placement.floorFound, { timeout: 30_000 }).toBe(true);
    const hit = (await xrState(page)).objects['xr-reticle']!;
    expect(Math.abs(hit[1] - FLOOR_SPOT[1])).toBeLessThan(0.05); // the floor, not a table
    await screenshot(page, 'xr-ar-scanning', 8);
    await pullTrigger(page);
    await expect.poll(async () => (await xrState(page)).placement.kind, { timeout: 30_000 }).toBe('placed');
    await waitXrFrames(page, 3);
    const placed = await xrState(page);
    const car = placed.car!;
    // Where the hit pose says, within a centimetre, and upright (its y axis is the world's).
    const at = translation(car);
    for (let i = 0; i < 3; i++) expect(Math.abs(at[i]! - hit[i]!)).toBeLessThan(0.01);
    expect(car[5]).toBeCloseTo(1, 6);
    expect(Math.hypot(car[4]!, car[6]!)).toBeLessThan(1e-6);
    expect(placed.placement.anchored).toBe(true);
    await lookAt(page, [at[0], 0.7, at[2]]);
    await waitXrFrames(page, 3);
    await screenshot(page, 'xr-ar-placed', 8);

    // X-ray from the in-world panel, with the controller's ray; the car stays where it was.
    await press(page, 'view-xray');
    await expect.poll(() => page.locator('.twin').getAttribute('data-view')).toBe('xray');
    expect(translation((await xrState(page)).car!)).toEqual(at);
    // A scenario from the panel: the range shown is the simulator's.
    await press(page, 'scenario-summer-city');
    await expect.poll(async () => (await xrState(page)).range?.scenarioId).toBe('summer-city');
    expect((await xrState(page)).range!.rangeKm).toBe(xrRange(spec, 'summer-city', null)!.rangeKm);
    // The pack shows the scenario's cell temperature at departure.
    expect((await xrState(page)).packTempC).toBe(xrRange(spec, 'summer-city', null)!.pack.startC);
    await screenshot(page, 'xr-ar-xray', 8);

    // A hotspot opens its card in the world, in the kiosk's language, and in English from the panel.
    const hotspot = BUNDLE.twin.hotspots.find((h) => h.view === 'xray')!;
    const marker = (await xrState(page)).hotspots.find((m) => m.id === hotspot.id)!;
    const view = await xrState(page);
    // From the right hand: the panel floats to the left.
    const toCar = [marker.at[0] - view.camera[0], marker.at[2] - view.camera[2]];
    const right = [-toCar[1]! / Math.hypot(toCar[0]!, toCar[1]!), toCar[0]! / Math.hypot(toCar[0]!, toCar[1]!)];
    await aimController(page, 'right', [view.camera[0] + 0.25 * right[0]!, view.camera[1] - 0.3, view.camera[2] + 0.25 * right[1]!], marker.at);
    await waitXrFrames(page, 2);
    await pullTrigger(page);
    await expect.poll(async () => (await xrState(page)).hotspotTitle, { timeout: 30_000 }).toBe(hotspot.title['zh-CN']);
    await lookAt(page, (await xrState(page)).objects['xr-btn-hotspot-close']!);
    await waitXrFrames(page, 4);
    await screenshot(page, 'xr-ar-hotspot', 8);
    await press(page, 'lang');
    await expect.poll(async () => (await xrState(page)).hotspotTitle).toBe(hotspot.title.en);
    await press(page, 'hotspot-close');
    await expect.poll(async () => (await xrState(page)).hotspotTitle).toBe(null);
    await press(page, 'lang');

    // Leave AR from the panel: the twin screen is back with the trim and the view the customer chose.
    await press(page, 'exit');
    await expect.poll(async () => (await xrState(page))?.mode ?? null).toBe(null);
    expect(await page.locator('.twin').getAttribute('data-view')).toBe('xray');
    expect(before).toBe('exterior');
    expect(await page.locator('.twin select').inputValue()).toBe(trim);
    expect(await page.locator('.twin-swatch[aria-pressed="true"]').first().getAttribute('aria-label')).toBe(paint);
    // The scenario chosen in AR is the twin's now: the phone hand-off link carries it.
    await page.locator('[data-xr="handoff"]').click();
    await expect.poll(() => page.getByTestId('xr-handoff-qr').getAttribute('data-link')).toContain('scenario=summer-city');
    await screenshot(page, 'xr-after-ar');
    expect(foreign).toEqual([]);
    assertClean();
    await page.close();
  });

  it('walks around the car in VR: teleports on the floor and takes the driver’s seat', async () => {
    const { page, foreign, assertClean } = await openTwin();
    await enter(page, 'immersive-vr');
    await waitXrFrames(page, 3);
    await screenshot(page, 'xr-vr-start', 8);

    // Teleport: the controller's ray on the floor to the user's right, ahead (the panel floats to
    // the left), and the trigger: the head stands over that point.
    const start = await xrState(page);
    const ahead = [-start.camera[0], -start.camera[2]];
    const len = Math.hypot(ahead[0]!, ahead[1]!);
    const f = [ahead[0]! / len, ahead[1]! / len] as const;
    const right = [-f[1], f[0]] as const;
    const hand: [number, number, number] = [start.camera[0] + 0.3 * right[0], start.camera[1] - 0.4, start.camera[2] + 0.3 * right[1]];
    const target: [number, number, number] = [hand[0] + 2.5 * f[0] + 1.5 * right[0], 0, hand[2] + 2.5 * f[1] + 1.5 * right[1]];
    await aimController(page, 'right', hand, target);
    await waitXrFrames(page, 3);
    await screenshot(page, 'xr-vr-teleport-aim', 8);
    await pullTrigger(page);
    await expect.poll(async () => (await xrState(page)).lastTeleport, { timeout: 30_000 }).not.toBeNull();
    await waitXrFrames(page, 2);
    const landed = await xrState(page);
    const point = landed.lastTeleport!;
    expect(Math.hypot(point[0] - target[0], point[1] - target[1], point[2] - target[2])).toBeLessThan(0.05);
    expect(Math.hypot(landed.camera[0] - target[0], landed.camera[2] - target[2])).toBeLessThan(0.02); // the head over it
    expect(landed.camera[1]).toBeGreaterThan(1.4); // standing

    // The driver's seat from the panel: the eyes at a seated height, inside the car, on its left.
    await press(page, 'seat-driver');
    await expect.poll(async () => (await xrState(page)).camera[1], { timeout: 30_000 }).toBeLessThan(1.3);
    const seated = await xrState(page);
    const { min, max } = seated.bounds!;
    expect(seated.camera[1]).toBeCloseTo(min[1]! + 1.15, 1);
    expect(seated.camera[0]).toBeGreaterThan((min[0]! + max[0]!) / 2);
    expect(seated.camera[0]).toBeLessThan(max[0]!);
    expect(seated.camera[2]).toBeGreaterThan(min[2]!);
    expect(seated.camera[2]).toBeLessThan(max[2]!);
    await screenshot(page, 'xr-vr-driver', 8);

    // Hands instead of controllers: their models come from this app, like the controllers'.
    await page.evaluate(() => void ((window as unknown as { __iwer: { device: { primaryInputMode: string } } }).__iwer.device.primaryInputMode = 'hand'));
    await expect.poll(async () => (await xrState(page)).inputs, { timeout: 30_000 }).toEqual(expect.arrayContaining(['hand:left', 'hand:right']));
    await waitXrFrames(page, 3);
    await screenshot(page, 'xr-vr-hands', 8);
    expect(foreign).toEqual([]);
    assertClean();
    await page.close();
  });
});

export type { XrState };
