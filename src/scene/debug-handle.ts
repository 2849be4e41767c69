/**
 * `window.__twin`: read-only figures for the browser tests and the bench
 * (draw calls and triangles of the last frame, whether the camera is still).
 */
import type { WebGLRenderer } from 'three';

export interface TwinDebug {
  info(): { calls: number; triangles: number; frame: number; geometries: number; programs: number };
  settled(): boolean;
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
    settled,
    loseContext: () => { ext = gl.getContext().getExtension('WEBGL_lose_context'); ext?.loseContext(); },
    restoreContext: () => ext?.restoreContext(),
  };
  (window as unknown as { __twin?: TwinDebug }).__twin = handle;
}
