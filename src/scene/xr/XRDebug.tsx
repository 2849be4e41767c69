import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { Vector3, type Box3, type Object3D, type WebGLRenderer } from 'three';
import { useXrSession } from '../../xr/xr-state.ts';
import { xrStore } from '../../xr/xr-store.ts';
import { setXrDebug } from '../debug-handle';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import { hoveredButton } from './ui-press.ts';
import { hotspotDebug } from './XRHotspots.tsx';
import { lastTeleport } from './Walkthrough.tsx';

const v = new Vector3();

/**
 * Read-only figures of an XR session for `window.__twin.xr()` (browser tests, `bench:xr`): where the
 * camera, the car, the origin, the panel and its buttons are, and the draw calls and triangles of
 * each XR frame, both eyes (the renderer's counters are reset at the start of every frame).
 */
export function XRDebug({ bounds }: { bounds: Box3 | null }) {
  const { gl, scene, camera } = useThree();

  const mode = useXR((s) => s.mode);
  const frames = useRef(0);
  const last = useRef<{ calls: number; triangles: number } | null>(null);
  const frameStart = useRef(0);
  const cpuMs = useRef<number[]>([]);

  // Main-thread time of an XR frame: from its first useFrame to the end of its render.
  useEffect(() => {
    const renderer = gl as WebGLRenderer;
    const render = renderer.render.bind(renderer);
    renderer.render = (scene, cam) => {
      render(scene, cam);
      if (renderer.xr.isPresenting && frameStart.current > 0) {
        cpuMs.current.push(performance.now() - frameStart.current);
        if (cpuMs.current.length > 60) cpuMs.current.shift();
        frameStart.current = 0;
      }
    };
    return () => {
      renderer.render = render;
    };
  }, [gl]);

  useFrame(() => {
    const renderer = gl as WebGLRenderer;
    if (!renderer.xr.isPresenting) return;
    frameStart.current = performance.now();
    // The counters so far cover the previous XR frame (both eyes): keep them, then start afresh.
    if (renderer.info.autoReset) renderer.info.autoReset = false;
    else last.current = { calls: renderer.info.render.calls, triangles: renderer.info.render.triangles };
    renderer.info.reset();
    frames.current++;
  }, -1000);

  useEffect(() => {
    if (!mode) {
      (gl as WebGLRenderer).info.autoReset = true;
      frames.current = 0;
      last.current = null;
      cpuMs.current = [];
    }
  }, [mode, gl]);

  useEffect(() => {
    const find = (name: string): Object3D | undefined => scene.getObjectByName(name);
    setXrDebug(() => {
      const objects: Record<string, number[]> = {};
      // uikit components are invisible meshes themselves (their panels draw instanced): a button
      // counts when it is in the scene; other objects when they and their parents are visible.
      scene.traverseVisible((o) => {
        if (o.name.startsWith('xr-')) objects[o.name] = o.getWorldPosition(v).toArray();
        if (o.name === 'xr-panel' || o.name === 'xr-hotspot-card') o.traverse((c) => { if (c.name.startsWith('xr-btn-')) objects[c.name] = c.getWorldPosition(v).toArray(); });
      });
      const origin = find('xr-origin');
      const car = find('xr-car');
      return {
        mode,
        placement: useXrSession.getState().placement,
        camera: camera.getWorldPosition(v).toArray(),
        objects,
        origin: origin ? origin.matrixWorld.toArray() : null,
        car: car ? car.matrixWorld.toArray() : null,
        bounds: bounds ? { min: bounds.min.toArray(), max: bounds.max.toArray() } : null,
        range: useXrSession.getState().range,
        hovered: hoveredButton(),
        hotspots: hotspotDebug.markers,
        hotspotTitle: hotspotDebug.openTitle,
        packTempC: useTwinStore.getState().packTempC,
        lastTeleport: Number.isNaN(lastTeleport.x) ? null : lastTeleport.toArray(),
        inputs: xrStore.getState().inputSourceStates.map((i) => `${i.type}:${i.inputSource.handedness}`),
        frames: frames.current,
        cpuMs: [...cpuMs.current],
        lastFrame: last.current,
      };
    });
    return () => setXrDebug(null);
  }, [scene, camera, mode, bounds]);
  return null;
}
