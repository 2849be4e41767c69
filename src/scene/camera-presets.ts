/**
 * Camera presets around a car that faces +Z with its left side at +X.
 * Distance fits the bounding sphere into the narrower field of view, so
 * the car fills a portrait kiosk as well as a landscape one.
 */
import { Vector3, type Box3 } from 'three';
import type { CameraPreset } from '../twin/twin-schema';

export const PRESET_DIRECTIONS: Record<CameraPreset, [number, number, number]> = {
  front34: [0.95, 0.38, 1.2],
  side: [1, 0.14, 0.02],
  rear: [0.75, 0.34, -1.25],
  top: [0.02, 1, 0.06],
  under: [0.75, -0.32, 0.9],
};

export interface CameraGoal { position: Vector3; target: Vector3 }

/** Distance at which a sphere of `radius` fits a camera with vertical fov `fovDeg` and `aspect`. */
export function fitDistance(radius: number, fovDeg: number, aspect: number, margin = 1.08): number {
  const v = (fovDeg * Math.PI) / 180;
  const h = 2 * Math.atan(Math.tan(v / 2) * aspect);
  return (radius * margin) / Math.sin(Math.min(v, h) / 2);
}

export function presetGoal(preset: CameraPreset, bounds: Box3, fovDeg: number, aspect: number, margin = 1.06): CameraGoal {
  const target = bounds.getCenter(new Vector3());
  target.y = preset === 'under' ? bounds.min.y + 0.25 : bounds.min.y + (bounds.max.y - bounds.min.y) * 0.45;
  const dir = new Vector3(...PRESET_DIRECTIONS[preset]).normalize();
  return { position: target.clone().addScaledVector(dir, fitBox(bounds, target, dir, fovDeg, aspect) * margin), target };
}

/**
 * Smallest camera distance along `dir` from `target` at which every corner
 * of `box` is inside the frustum: tighter than a bounding sphere for a long,
 * low car, so it fills the screen in landscape and portrait.
 */
export function fitBox(box: Box3, target: Vector3, dir: Vector3, fovDeg: number, aspect: number): number {
  const tanV = Math.tan((fovDeg * Math.PI) / 360), tanH = tanV * aspect;
  // Same basis as Object3D.lookAt with up = +Y: z = dir, x = up × z, y = z × x.
  const f = dir.clone().negate();
  const z = dir.clone().normalize();
  const r = new Vector3().crossVectors(new Vector3(0, 1, 0), z);
  if (r.lengthSq() < 1e-8) r.set(1, 0, 0);
  r.normalize();
  const u = new Vector3().crossVectors(z, r);
  let dist = 0;
  for (let i = 0; i < 8; i++) {
    // Top corners pulled in: a car's roof is much narrower and shorter than its box.
    const top = (i & 2) !== 0;
    const c = new Vector3(i & 1 ? box.max.x : box.min.x, top ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z);
    if (top) { const ctr = box.getCenter(new Vector3()); c.x = ctr.x + (c.x - ctr.x) * 0.7; c.z = ctr.z + (c.z - ctr.z) * 0.55; }
    c.sub(target);
    const z = c.dot(f);
    dist = Math.max(dist, Math.abs(c.dot(r)) / tanH - z, Math.abs(c.dot(u)) / tanV - z);
  }
  return dist;
}

/** Close-up of a point (hotspot, double-tap) seen from a preset's direction. */
export function focusGoal(point: Vector3, preset: CameraPreset, distance: number): CameraGoal {
  const dir = new Vector3(...PRESET_DIRECTIONS[preset]).normalize();
  return { position: point.clone().addScaledVector(dir, distance), target: point.clone() };
}
