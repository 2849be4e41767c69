/**
 * Per-frame AR values shared by the placement component (which reads hit tests, anchors and
 * gestures) and the car rig (which stands the car there): plain objects read in `useFrame`, never
 * React state (R3F pitfalls). Discrete changes go through the XR session store.
 */
import { Matrix4, Vector3 } from 'three';

export const arLive = {
  /** The latest floor hit in the reference space, when `hasHit`. */
  hit: new Matrix4(),
  hasHit: false,
  /** The hit-test result behind `hit` (for an anchor), valid this frame only. */
  hitResult: null as XRHitTestResult | null,
  /** While the car is dragged: where it is now (the placed pose takes it on release). */
  dragTo: null as Vector3 | null,
  /** Turning not yet committed (thumbstick, two-finger twist), radians. */
  yawDelta: 0,
  /** Anchor pose now × anchor pose when placed⁻¹: tracking corrections since placement (identity without an anchor). */
  anchorCorrection: new Matrix4(),
};

/** Forgets everything (a session ended, or the car is placed again). */
export function resetArLive(): void {
  arLive.hasHit = false;
  arLive.hitResult = null;
  arLive.dragTo = null;
  arLive.yawDelta = 0;
  arLive.anchorCorrection.identity();
}
