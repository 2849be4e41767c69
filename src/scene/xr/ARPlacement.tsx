import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { requestXRAnchor, useXR, useXRHitTest, useXRInputSourceEvent, useXRInputSourceState, useXRStore } from '@react-three/xr';
import { CircleGeometry, DoubleSide, Matrix4, RingGeometry, Vector3, type Mesh } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { floorSpaceType } from '../../xr/session.ts';
import { useXrSession } from '../../xr/xr-state.ts';
import type { Vec3 } from '../../xr/placement.ts';
import { arLive, resetArLive } from './ar-live.ts';
import { uiPressedSince } from './ui-press.ts';

/** Without a floor hit for this long, a select stands the car on the floor in front of the user. */
const FALLBACK_AFTER_MS = 4000;
/** Where the fallback stands it: this far ahead, on the `local-floor` floor (y = 0). */
const FALLBACK_DISTANCE_M = 2.5;
/** Eye height of a standing adult, m (where `local-floor` is missing). */
const STANDING_EYE_M = 1.6;
/** Turning speed at full thumbstick deflection, rad/s. */
const TURN_RAD_S = 1.5;

/** A surface counts as floor or table when its normal is within about 25° of vertical. */
const MIN_UP = 0.9;

const v = new Vector3();
const up = new Vector3();
const probe = new Matrix4();
const fwd = new Vector3();
const anchorNow = new Matrix4();

type Anchoring = { anchor: XRAnchor; base: Matrix4 | null };

/**
 * AR placement: a reticle follows the floor (hit tests from the phone's screen centre, or from the
 * right controller's ray on a headset); a tap or trigger stands the car there, and an anchor made
 * from that hit-test result keeps it there while tracking improves. Dragging the car (a ray or a
 * finger on it) moves it along the floor; the thumbstick turns it. Per-frame values go through
 * `arLive`; discrete steps through the placement state machine.
 */
export function ARPlacement() {
  const store = useXRStore();
  const { camera, gl } = useThree();
  const dispatch = useXrSession((s) => s.dispatch);
  const scanning = useXrSession((s) => s.placement.kind === 'scanning');
  const handheld = useXR((s) => s.session?.interactionMode === 'screen-space');
  const right = useXRInputSourceState('controller', 'right');
  const raySpace = !handheld && right ? right.inputSource.targetRaySpace : 'viewer';
  const found = useRef(false);
  const scanStartMs = useRef(performance.now());
  const selectStartMs = useRef(0);
  const pending = useRef<'place' | 'drop' | null>(null);
  const anchoring = useRef<Anchoring | null>(null);
  const reticle = useRef<Mesh>(null);
  const geometry = useMemo(() => mergeGeometries([new RingGeometry(0.09, 0.11, 40), new CircleGeometry(0.015, 16)]).rotateX(-Math.PI / 2), []);

  useXRHitTest((results, getWorldMatrix) => {
    // The first hit on a floor or a table: a surface whose normal (the pose's y axis) points up, not a wall.
    let r: XRHitTestResult | null = null;
    for (const candidate of results) {
      getWorldMatrix(probe, candidate);
      if (up.setFromMatrixColumn(probe, 1).normalize().y > MIN_UP) {
        r = candidate;
        arLive.hit.copy(probe);
        break;
      }
    }
    arLive.hasHit = r !== null;
    arLive.hitResult = r;
    if (found.current !== arLive.hasHit) {
      found.current = arLive.hasHit;
      useXrSession.getState().dispatch({ type: 'floor', found: arLive.hasHit });
    }
  }, raySpace);

  useXRInputSourceEvent('all', 'selectstart', () => void (selectStartMs.current = performance.now()), []);
  useXRInputSourceEvent(
    'all',
    'select',
    () => {
      if (uiPressedSince(selectStartMs.current)) return; // a panel button, not the floor
      const kind = useXrSession.getState().placement.kind;
      // Placing and anchoring need this frame's hit-test result: done in the next frame.
      if (kind === 'scanning') pending.current = 'place';
      else if (kind === 'adjusting') pending.current = 'drop';
    },
    [],
  );

  /** The floor point a select stands the car on: the hit, or (no floor found for a while) ahead of the user. */
  const floorPoint = (): Vec3 | null => {
    if (arLive.hasHit) return v.setFromMatrixPosition(arLive.hit).toArray() as unknown as Vec3;
    if (performance.now() - scanStartMs.current < FALLBACK_AFTER_MS) return null;
    camera.getWorldDirection(fwd);
    fwd.y = 0;
    fwd.normalize();
    camera.getWorldPosition(v).addScaledVector(fwd, FALLBACK_DISTANCE_M);
    // On `local-floor` the floor is y = 0; on `local` (origin at the head) about a standing eye height down.
    const floorY = floorSpaceType() === 'local-floor' ? 0 : v.y - STANDING_EYE_M;
    return [v.x, floorY, v.z];
  };

  const anchorAt = (result: XRHitTestResult | null) => {
    anchoring.current = null;
    arLive.anchorCorrection.identity();
    if (!result) return;
    void requestXRAnchor(store, { relativeTo: 'hit-test-result', hitTestResult: result }).then(
      (anchor) => {
        if (anchor) anchoring.current = { anchor, base: null };
      },
      () => undefined, // no anchors on this device: the car stays in the reference space
    );
  };

  useFrame((_state, dt, frame: XRFrame | undefined) => {
    const p = useXrSession.getState().placement;
    if (reticle.current) {
      reticle.current.visible = arLive.hasHit && p.kind !== 'placed';
      if (reticle.current.visible) {
        reticle.current.position.setFromMatrixPosition(arLive.hit);
        reticle.current.scale.setScalar(p.scale === 1 ? 1 : 0.4);
      }
    }
    if (p.kind === 'scanning' && pending.current !== 'place') arLive.dragTo = null;

    if (pending.current === 'place' && p.kind === 'scanning') {
      pending.current = null;
      const at = floorPoint();
      if (at) {
        const viewer = camera.getWorldPosition(v).toArray() as unknown as Vec3;
        dispatch({ type: 'place', at, viewer });
        anchorAt(arLive.hasHit ? arLive.hitResult : null);
      }
    }
    if (p.kind === 'adjusting') {
      if (arLive.hasHit) arLive.dragTo = (arLive.dragTo ?? new Vector3()).setFromMatrixPosition(arLive.hit);
      if (pending.current === 'drop') {
        pending.current = null;
        const to = arLive.dragTo;
        arLive.dragTo = null;
        if (to) dispatch({ type: 'moveTo', at: to.toArray() as unknown as Vec3 });
        dispatch({ type: 'endAdjust' });
        anchorAt(arLive.hasHit ? arLive.hitResult : null);
      }
    }

    // Thumbstick: turn while held, committed when let go.
    const x = right?.gamepad?.['xr-standard-thumbstick']?.xAxis ?? 0;
    if (p.kind !== 'scanning' && Math.abs(x) > 0.2) arLive.yawDelta -= x * TURN_RAD_S * dt;
    else if (arLive.yawDelta !== 0) {
      const rad = arLive.yawDelta;
      arLive.yawDelta = 0;
      if (p.kind !== 'scanning') dispatch({ type: 'rotateBy', rad });
    }

    // The anchor's movement since placement corrects the car's pose.
    const a = anchoring.current;
    const ref = gl.xr.getReferenceSpace();
    if (a && frame && ref) {
      const pose = frame.getPose(a.anchor.anchorSpace, ref);
      if (pose) {
        anchorNow.fromArray(pose.transform.matrix);
        if (!a.base) {
          a.base = anchorNow.clone();
          dispatch({ type: 'anchored' });
        }
        arLive.anchorCorrection.copy(anchorNow).multiply(a.base.clone().invert());
      }
    }
  });

  // A new scan (first entry, or "place again") starts the fallback clock and drops the old anchor.
  useEffect(() => {
    if (!scanning) return;
    anchoring.current?.anchor.delete?.();
    anchoring.current = null;
    resetArLive();
    found.current = false;
    scanStartMs.current = performance.now();
  }, [scanning]);

  return (
    <mesh ref={reticle} geometry={geometry} visible={false} renderOrder={10} name="xr-reticle">
      <meshBasicMaterial color="#5eead4" side={DoubleSide} transparent opacity={0.9} depthTest={false} />
    </mesh>
  );
}
