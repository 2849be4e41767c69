import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { Sphere, type Box3, type PerspectiveCamera } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { CameraPreset } from '../twin/twin-schema';
import { presetGoal, type CameraGoal } from './camera-presets';

export interface CameraRigProps {
  bounds: Box3 | null;
  preset: { preset: CameraPreset; seq: number };
  /** Focus request (hotspot, double-tap); null when none. */
  focus: CameraGoal | null;
  /** Seconds without touch before the car starts turning; 0 disables. */
  idleSeconds: number;
  onSettled?: (settled: boolean) => void;
}

/**
 * Orbit / pinch / pan with limits so the car never leaves the screen,
 * animated moves to presets and focus points, and idle auto-rotate.
 * Render on demand: frames are requested only while something moves.
 */
export function CameraRig({ bounds, preset, focus, idleSeconds, onSettled }: CameraRigProps) {
  const controls = useRef<OrbitControlsImpl>(null);
  const { camera, size, invalidate } = useThree();
  const goal = useRef<CameraGoal | null>(null);
  const lastInput = useRef(performance.now());
  const settled = useRef(false);

  const goalStart = useRef(0);
  const setGoal = (g: CameraGoal | null) => {
    goal.current = g;
    goalStart.current = performance.now();
    const c = controls.current;
    if (g && c) {
      // The goal must lie inside the zoom limits, or the controls would pull the camera off it forever.
      const dist = g.position.distanceTo(g.target);
      c.maxDistance = Math.max(c.maxDistance, dist * 1.2);
      c.minDistance = Math.min(c.minDistance, dist * 0.8);
    }
    settled.current = false;
    onSettled?.(false);
    invalidate();
  };

  useEffect(() => {
    if (!bounds) return;
    const cam = camera as PerspectiveCamera;
    const g = presetGoal(preset.preset, bounds, cam.fov, size.width / size.height);
    const c = controls.current;
    if (c) {
      const r = bounds.getBoundingSphere(new Sphere()).radius;
      c.minDistance = r * 0.35;
      c.maxDistance = r * 4;
      c.maxPolarAngle = preset.preset === 'under' ? Math.PI * 0.72 : Math.PI * 0.49;
    }
    setGoal(g);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bounds, preset.seq, preset.preset, size.width, size.height]);

  useEffect(() => { if (focus) setGoal(focus); }, [focus]); // eslint-disable-line react-hooks/exhaustive-deps

  useFrame((_, dt) => {
    const c = controls.current;
    if (!c) return;
    const g = goal.current;
    if (g) {
      const a = 1 - Math.exp(-Math.min(dt, 0.5) * 5);
      camera.position.lerp(g.position, a);
      c.target.lerp(g.target, a);
      c.update();
      const late = performance.now() - goalStart.current > 6000;
      if (late || (camera.position.distanceTo(g.position) < 0.01 && c.target.distanceTo(g.target) < 0.01)) {
        camera.position.copy(g.position);
        c.target.copy(g.target);
        c.update();
        goal.current = null;
      } else invalidate();
    }
    if (bounds) {
      // Pan limit: keep the orbit target inside the car's box (slightly padded).
      const b = bounds.clone().expandByScalar(0.3);
      const t = c.target.clone().clamp(b.min, b.max);
      if (!t.equals(c.target)) { c.target.copy(t); c.update(); }
    }
    const idle = idleSeconds > 0 && performance.now() - lastInput.current > idleSeconds * 1000 && !goal.current;
    c.autoRotate = idle;
    if (idle) invalidate();
    const nowSettled = !goal.current && !idle;
    if (nowSettled !== settled.current) { settled.current = nowSettled; onSettled?.(nowSettled); }
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping
      dampingFactor={0.12}
      autoRotateSpeed={0.6}
      rotateSpeed={0.6}
      panSpeed={0.6}
      onStart={() => { lastInput.current = performance.now(); goal.current = null; }}
      onEnd={() => { lastInput.current = performance.now(); }}
    />
  );
}
