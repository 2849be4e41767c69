import { describe, expect, it } from 'vitest';
import { Box3, PerspectiveCamera, Vector3 } from 'three';
import { presetGoal } from '../../src/scene/camera-presets';
import type { CameraPreset } from '../../src/twin/twin-schema';

const car = new Box3(new Vector3(-0.94, 0, -2.53), new Vector3(0.94, 1.46, 2.36));

/** Fraction of the car's box corners (bottom ones, the roof is pulled in) inside the view. */
function bottomCornersInView(preset: CameraPreset, aspect: number): boolean {
  const goal = presetGoal(preset, car, 32, aspect);
  const cam = new PerspectiveCamera(32, aspect, 0.05, 200);
  cam.position.copy(goal.position);
  cam.lookAt(goal.target);
  cam.updateMatrixWorld();
  for (const x of [car.min.x, car.max.x]) for (const z of [car.min.z, car.max.z]) {
    const p = new Vector3(x, car.min.y, z).project(cam);
    if (Math.abs(p.x) > 1 || Math.abs(p.y) > 1 || p.z > 1) return false;
  }
  return true;
}

describe('camera presets', () => {
  it.each<CameraPreset>(['front34', 'side', 'rear', 'top'])('%s keeps the whole car footprint on a landscape and a portrait kiosk', (preset) => {
    expect(bottomCornersInView(preset, 16 / 9)).toBe(true);
    expect(bottomCornersInView(preset, 9 / 16)).toBe(true);
  });

  it('backs off further in portrait than in landscape', () => {
    const d = (aspect: number) => { const g = presetGoal('front34', car, 32, aspect); return g.position.distanceTo(g.target); };
    expect(d(9 / 16)).toBeGreaterThan(d(16 / 9));
  });

  it('looks at the car from below only for the under preset', () => {
    expect(presetGoal('under', car, 32, 1.5).position.y).toBeLessThan(0);
    expect(presetGoal('front34', car, 32, 1.5).position.y).toBeGreaterThan(0.5);
  });
});
