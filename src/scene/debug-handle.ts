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

export interface TwinDebug {
  info(): { calls: number; triangles: number; frame: number; geometries: number; programs: number };
  settled(): boolean;
  /** Part names with at least one visible mesh. */
  visibleParts(): string[];
  loseContext(): void;
  restoreContext(): void;
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
  };
  (window as unknown as { __twin?: TwinDebug }).__twin = handle;
}
