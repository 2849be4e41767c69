import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { Matrix4, Quaternion, Vector3, type Box3, type Group } from 'three';
import { useXrSession } from '../../xr/xr-state.ts';
import { arLive } from './ar-live.ts';

const m = new Matrix4();
const q = new Quaternion();
const UP = new Vector3(0, 1, 0);
const pos = new Vector3();
const scale = new Vector3();

/**
 * Where the car stands. Outside XR and in the VR walkthrough, where the kiosk has it (the showroom's
 * centre). In AR, at its placed pose: the floor point and heading of the placement, corrected by the
 * anchor's movement since, at 1:1 or 1:10, its ground centre on the floor; hidden while scanning.
 */
export function CarRig({ bounds, children }: { bounds: Box3 | null; children: ReactNode }) {
  const outer = useRef<Group>(null);
  const inner = useRef<Group>(null);
  const ar = useXR((s) => s.mode === 'immersive-ar');
  const xr = useXR((s) => s.mode !== null);

  useLayoutEffect(() => {
    rig = outer.current && inner.current ? { outer: outer.current, inner: inner.current } : null;
    return () => void (rig = null);
  }, []);

  useFrame(() => {
    const o = outer.current;
    const i = inner.current;
    if (!o || !i) return;
    if (!ar) {
      atKioskPose(o, i);
      return;
    }
    const p = useXrSession.getState().placement;
    o.visible = p.kind !== 'scanning';
    if (p.kind === 'scanning') return;
    // The model's ground centre at the rig's origin.
    if (bounds) i.position.set(-(bounds.min.x + bounds.max.x) / 2, -bounds.min.y, -(bounds.min.z + bounds.max.z) / 2);
    const at = arLive.dragTo ?? pos.set(...p.pose.position);
    q.setFromAxisAngle(UP, p.pose.yawRad + arLive.yawDelta);
    m.compose(at, q, scale.setScalar(p.scale));
    if (!arLive.dragTo) m.premultiply(arLive.anchorCorrection);
    o.matrixAutoUpdate = false;
    o.matrix.copy(m);
    o.matrixWorldNeedsUpdate = true;
  });

  // In XR the rays need not test the car's 100k triangles every frame (pmndrs/xr#405): its meshes
  // take no pointer events there; the AR drag uses a box around it instead.
  return (
    <group ref={outer} name="xr-car">
      <group ref={inner} pointerEvents={xr ? 'none' : 'auto'}>
        {children}
      </group>
      {ar && bounds && <DragProxy bounds={bounds} />}
    </group>
  );
}

let rig: { outer: Group; inner: Group } | null = null;

/**
 * Puts the car back at the kiosk's pose at once: called as the session ends, before the kiosk's
 * views (its DOM hotspots) mount again and measure the car.
 */
export function resetCarRig(): void {
  if (rig) atKioskPose(rig.outer, rig.inner);
}

function atKioskPose(outer: Group, inner: Group): void {
  outer.matrixAutoUpdate = true;
  outer.position.set(0, 0, 0);
  outer.quaternion.identity();
  outer.scale.setScalar(1);
  outer.visible = true;
  inner.position.set(0, 0, 0);
  outer.updateMatrixWorld(true);
}

/**
 * An invisible box around the placed car: pressing it (a controller ray, a finger on the phone's
 * screen) starts moving the car; the floor hit under the ray then carries it until the select ends.
 */
function DragProxy({ bounds }: { bounds: Box3 }) {
  const size = bounds.getSize(new Vector3());
  return (
    <mesh
      position={[0, size.y / 2, 0]}
      name="xr-car-proxy"
      pointerEvents="auto"
      // Behind everything else a ray meets: the panel may stand inside this box.
      pointerEventsOrder={-1}
      // Moved by a ray or a finger on the phone's screen, not by a hand or controller inside it: a
      // user standing by the car holds the controller inside this box, and the controller's grab
      // and touch pointers, hitting it at no distance, would win over the ray aimed at a card.
      pointerEventsType={{ deny: ['grab', 'touch'] }}
      onPointerDown={(e) => {
        e.stopPropagation();
        const p = useXrSession.getState().placement;
        if (p.kind === 'placed') useXrSession.getState().dispatch({ type: 'beginAdjust', gesture: 'move' });
      }}
    >
      <boxGeometry args={[size.x, size.y, size.z]} />
      <meshBasicMaterial transparent opacity={0} depthWrite={false} colorWrite={false} />
    </mesh>
  );
}
