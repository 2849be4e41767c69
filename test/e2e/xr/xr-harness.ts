/**
 * XR browser-test helpers: the iwer init script (built once per run from iwer-init.ts into an IIFE,
 * so the emulator never enters the app's build), a page with it installed, and a guard that fails
 * on any request to another origin (controller profiles, fonts or rooms from a CDN).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';

let script: Promise<string> | undefined;

/** The emulator as one script (with three and its room), built on first use. */
export function iwerInitScript(): Promise<string> {
  script ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iwer-init-'));
    try {
      await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          outDir: dir,
          emptyOutDir: false,
          lib: { entry: fileURLToPath(new URL('./iwer-init.ts', import.meta.url)), formats: ['iife'], name: 'IwerInit', fileName: () => 'iwer-init.js' },
          rolldownOptions: { output: { codeSplitting: false } },
        },
      });
      return readFileSync(join(dir, 'iwer-init.js'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return script;
}

/** Installs the emulated Quest 3 in every document the page loads from now on. */
export async function installIwer(page: Page): Promise<void> {
  await page.addInitScript({ content: await iwerInitScript() });
}

/**
 * Aborts and records every request to an origin other than the app's: nothing in XR may come from
 * a CDN. Returns the list of what was asked for (a test expects it empty).
 */
export async function guardOtherOrigins(page: Page, appOrigin: string): Promise<string[]> {
  const foreign: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(appOrigin) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  return foreign;
}

type V3 = [number, number, number];
export type XrState = {
  mode: string | null;
  placement: { kind: string; floorFound?: boolean; scale?: number; anchored?: boolean; pose?: { position: V3; yawRad: number } };
  camera: V3;
  objects: Record<string, V3>;
  origin: number[] | null;
  car: number[] | null;
  bounds: { min: V3; max: V3 } | null;
  lastTeleport: V3 | null;
  hovered: string | null;
  hotspots: { id: string; at: V3 }[];
  hotspotTitle: string | null;
  packTempC: number | null;
  inputs: string[];
  range: { scenarioId: string; rangeKm: number; ambientC: number; batteryKwhPer100km: number; items: { key: string; kwhPer100km: number }[] } | null;
  frames: number;
  cpuMs: number[];
  lastFrame: { calls: number; triangles: number } | null;
};

/** The XR session as the scene reports it (`window.__twin.xr()`). */
export function xrState(page: Page): Promise<XrState> {
  return page.evaluate(() => (window as unknown as { __twin: { xr(): XrState } }).__twin.xr());
}

/**
 * Waits until the scene has drawn `n` more XR frames (software GL draws a few a second), or the
 * session has ended.
 */
export async function waitXrFrames(page: Page, n: number, timeoutMs = 90_000): Promise<void> {
  const frames = async () => {
    const s = await xrState(page);
    return s && s.mode ? s.frames : null;
  };
  const start = await frames();
  if (start === null) return;
  const deadline = Date.now() + timeoutMs;
  for (let now: number | null = start; now !== null && now < start + n; now = await frames()) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} XR frames in ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** A point in the world as the emulated device sees it: the XR origin's inverse applied (the origin moves in VR). */
function toReference(origin: number[] | null, p: V3): V3 {
  if (!origin) return p;
  // Rigid transform: inverse = transpose of the rotation, then minus the translation.
  const [a, b, c, , d, e, f, , g, h, i, , tx, ty, tz] = origin as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
  const x = p[0] - tx, y = p[1] - ty, z = p[2] - tz;
  return [a * x + b * y + c * z, d * x + e * y + f * z, g * x + h * y + i * z];
}

/**
 * Puts the emulated right (or left) controller at `from` and turns its ray (−z) towards `to`, both
 * in world space.
 */
export async function aimController(page: Page, hand: 'left' | 'right', fromWorld: V3, toWorld: V3): Promise<void> {
  const { origin } = await xrState(page);
  const from = toReference(origin, fromWorld);
  const to = toReference(origin, toWorld);
  await page.evaluate(({ hand, from, to }) => {
    const c = (window as unknown as { __iwer: { device: { controllers: Record<string, { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } }> } } }).__iwer.device.controllers[hand]!;
    c.position.set(from[0], from[1], from[2]);
    const d = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
    const len = Math.hypot(d[0]!, d[1]!, d[2]!);
    const b = d.map((x) => x / len) as [number, number, number];
    // Shortest rotation from (0, 0, −1) to b: axis a × b, w = 1 + a·b, normalised.
    const [ax, ay, az] = [0 * b[2] - -1 * b[1], -1 * b[0] - 0 * b[2], 0 * b[1] - 0 * b[0]];
    const w = 1 + -b[2];
    const n = Math.hypot(ax, ay, az, w) || 1;
    if (w < 1e-6) c.quaternion.set(0, 1, 0, 0);
    else c.quaternion.set(ax / n, ay / n, az / n, w / n);
  }, { hand, from, to });
}

/** Pulls and releases a controller's trigger (a select), a few frames each way. */
export async function pullTrigger(page: Page, hand: 'left' | 'right' = 'right'): Promise<void> {
  const set = (v: number) =>
    page.evaluate(({ hand, v }) => (window as unknown as { __iwer: { device: { controllers: Record<string, { updateButtonValue(id: string, v: number): void }> } } }).__iwer.device.controllers[hand]!.updateButtonValue('trigger', v), { hand, v });
  await set(1);
  await waitXrFrames(page, 2);
  await set(0);
  await waitXrFrames(page, 2);
}

/** Turns the emulated head (the device) to look from where it is towards a world point. */
export async function lookAt(page: Page, toWorld: V3): Promise<void> {
  const { origin } = await xrState(page);
  const to = toReference(origin, toWorld);
  await page.evaluate((to) => {
    const d = (window as unknown as { __iwer: { device: { position: { x: number; y: number; z: number }; quaternion: { set(x: number, y: number, z: number, w: number): void } } } }).__iwer.device;
    const v = [to[0] - d.position.x, to[1] - d.position.y, to[2] - d.position.z];
    const len = Math.hypot(v[0]!, v[1]!, v[2]!);
    const b = v.map((x) => x / len) as [number, number, number];
    const [ax, ay, az] = [b[1], -b[0], 0];
    const w = 1 - b[2];
    const n = Math.hypot(ax, ay, az, w) || 1;
    d.quaternion.set(ax / n, ay / n, az / n, w / n);
  }, to);
}
