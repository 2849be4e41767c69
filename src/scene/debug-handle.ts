/**
 * `window.__twin`: read-only figures for the browser tests and the bench
 * (draw calls and triangles of the last frame, whether the camera is still).
 */
import type { Object3D, WebGLRenderer } from 'three';
import { owningPart } from './part-index';

/** Animations in progress (camera moves, exploded pack); the scene is settled when this is empty. */
const busy = new Set<string>();
let root: Object3D | null = null;

export function markBusy(key: string, isBusy: boolean): void {
  if (isBusy) busy.add(key);
  else busy.delete(key);
}

export function setDebugRoot(r: Object3D | null): void {
  root = r;
}

/** What the XR browser tests and the XR bench read of a session (world space, metres). */
export interface XrDebug {
  mode: string | null;
  placement: unknown;
  camera: number[];
  /** World position of each named object: `xr-btn-*` buttons, `xr-panel`, `xr-car`, `xr-hotspots`. */
  objects: Record<string, number[]>;
  /** The XR origin's world matrix (column-major). */
  origin: number[] | null;
  /** The car rig's world matrix (column-major). */
  car: number[] | null;
  /** The car model's bounds in its own frame (min, max), m. */
  bounds: { min: number[]; max: number[] } | null;
  range: unknown;
  /** Hotspot markers in the world, and the open card's title in the shown language. */
  hotspots: { id: string; at: number[] }[];
  hotspotTitle: string | null;
  /** The cell temperature the pack is tinted with, °C. */
  packTempC: number | null;
  /** The panel button a ray is over now (its id), or null. */
  hovered: string | null;
  /** Where the last teleport ray landed, or null. */
  lastTeleport: number[] | null;
  /** The input sources the XR store tracks (`controller:right`, `hand:left`...). */
  inputs: string[];
  /** XR frames drawn, and the renderer's draw calls and triangles of the last XR frame (both eyes). */
  frames: number;
  /** Main-thread milliseconds of the last XR frames (first useFrame to the end of render). */
  cpuMs: number[];
  lastFrame: { calls: number; triangles: number } | null;
}

let xrDebug: (() => XrDebug) | null = null;

/** The XR scene registers what the tests may read. */
export function setXrDebug(fn: (() => XrDebug) | null): void {
  xrDebug = fn;
}

export interface TwinDebug {
  info(): { calls: number; triangles: number; frame: number; geometries: number; programs: number };
  settled(): boolean;
  /** Part names with at least one visible mesh. */
  visibleParts(): string[];
  loseContext(): void;
  restoreContext(): void;
  /** The XR session as the scene sees it, or null outside one. */
  xr(): XrDebug | null;
}

export function exposeDebug(gl: WebGLRenderer, settled: () => boolean): void {
  let ext: WEBGL_lose_context | null = null;
  const handle: TwinDebug = {
    info: () => ({
      calls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      frame: gl.info.render.frame,
      geometries: gl.info.memory.geometries,
      programs: gl.info.programs?.length ?? 0,
    }),
    settled: () => settled() && busy.size === 0,
    visibleParts: () => {
      const out = new Set<string>();
      root?.traverseVisible((o) => { if ((o as { isMesh?: boolean }).isMesh) out.add(owningPart(o)); });
      return [...out].sort();
    },
    loseContext: () => { ext = gl.getContext().getExtension('WEBGL_lose_context'); ext?.loseContext(); },
    restoreContext: () => ext?.restoreContext(),
    xr: () => xrDebug?.() ?? null,
  };
  (window as unknown as { __twin?: TwinDebug }).__twin = handle;
}
