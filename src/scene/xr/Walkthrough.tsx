import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { XROrigin } from '@react-three/xr';
import { BackSide, Color, CylinderGeometry, Float32BufferAttribute, Matrix4, Vector3, type Box3, type Group } from 'three';
import { headingOf, originFor, seatPose } from '../../xr/seats.ts';
import { floorSpaceType } from '../../xr/session.ts';
import { useXrSession } from '../../xr/xr-state.ts';
import type { PartIndex } from '../part-index';
import { worldCentre } from '../part-index';

/** A showroom hall around the car: floor radius and wall height, m. */
const FLOOR_RADIUS_M = 12;
const WALL_HEIGHT_M = 7;
/** Standing eye height where the session has no `local-floor` (the origin is then the head). */
const STANDING_EYE_M = 1.6;

const head = new Vector3();
/** Where the last teleport ray landed (the browser tests read it through the debug handle). */
export const lastTeleport = new Vector3(Number.NaN, Number.NaN, Number.NaN);
const look = new Vector3();
const inverse = new Matrix4();
const headMatrix = new Matrix4();

/**
 * The headset walkthrough: a showroom floor and a soft cyclorama wall under the studio lighting,
 * teleport anywhere on the floor (point the controller's or hand's ray at it and press), and seat presets that
 * move the user's origin so their eyes are where the seat's are (driver, rear seat, beside the
 * charge port, or beside the car), whatever their height or where they stand in the room.
 */
export function Walkthrough({ bounds, index }: { bounds: Box3 | null; index: PartIndex | null }) {
  const origin = useRef<Group>(null);
  const floorPress = useRef<number | null>(null);
  const seat = useXrSession((s) => s.seat);
  const { camera } = useThree();
  const wall = useMemo(() => cyclorama(), []);

  // Applied in a frame, once the camera has the headset's pose (not the kiosk camera's, before the first XR frame).
  // (three updates the XR camera inside render, after useFrame: wait a couple of frames.)
  const pendingFrames = useRef(2);
  useEffect(() => {
    pendingFrames.current = 2;
  }, [seat, bounds]);
  useFrame(() => {
    const o = origin.current;
    if (pendingFrames.current < 0 || !o || !bounds || seat === null) return;
    if (pendingFrames.current-- > 0) return;
    const port = index?.byName.get('charge_port');
    const target = seatPose(seat, { min: bounds.min.toArray(), max: bounds.max.toArray() }, port ? worldCentre(port).toArray() : null);
    // The head in the reference space: the origin's inverse applied to the camera's world pose.
    o.updateMatrixWorld();
    inverse.copy(o.matrixWorld).invert();
    headMatrix.multiplyMatrices(inverse, camera.matrixWorld);
    head.setFromMatrixPosition(headMatrix);
    look.set(0, 0, -1).transformDirection(headMatrix);
    const next = originFor(target, [head.x, head.y, head.z], headingOf([look.x, look.y, look.z]));
    o.position.set(...next.position);
    o.rotation.set(0, next.yawRad, 0);
  });

  return (
    <>
      <XROrigin ref={origin} name="xr-origin" />
      {/* Teleport: press the trigger (or pinch) with the ray on the floor, release there. */}
      <mesh
        rotation-x={-Math.PI / 2}
        position-y={-0.002}
        name="xr-floor"
        onPointerDown={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          floorPress.current = e.pointerId;
        }}
        onPointerUp={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          const o = origin.current;
          const mine = floorPress.current === e.pointerId;
          floorPress.current = null;
          if (!mine || !o) return;
          teleportTo(o, e.point, camera);
          lastTeleport.copy(e.point);
          useXrSession.getState().setSeat(null);
        }}
        onPointerLeave={() => void (floorPress.current = null)}
      >
        <circleGeometry args={[FLOOR_RADIUS_M, 64]} />
        <meshStandardMaterial color="#3a4350" roughness={0.35} metalness={0.1} />
      </mesh>
      <mesh geometry={wall}>
        <meshBasicMaterial vertexColors side={BackSide} toneMapped={false} />
      </mesh>
    </>
  );
}

/** A tall open cylinder, light at the bottom and darker towards the top (one draw call). */
function cyclorama(): CylinderGeometry {
  const g = new CylinderGeometry(FLOOR_RADIUS_M, FLOOR_RADIUS_M, WALL_HEIGHT_M, 64, 8, true);
  g.translate(0, WALL_HEIGHT_M / 2, 0);
  const pos = g.getAttribute('position');
  const colours: number[] = [];
  const low = new Color('#c9d2dc');
  const high = new Color('#2a323d');
  const c = new Color();
  for (let i = 0; i < pos.count; i++) {
    c.lerpColors(low, high, Math.min(1, pos.getY(i) / WALL_HEIGHT_M));
    colours.push(c.r, c.g, c.b);
  }
  g.setAttribute('color', new Float32BufferAttribute(colours, 3));
  return g;
}

/**
 * Moves the origin so the user's head stands over `point` on the floor, keeping the origin's turn
 * (a seat may have turned it; pmndrs/xr's own teleport point ignores that turn and would land the
 * head elsewhere).
 */
function teleportTo(origin: Group, point: Vector3, camera: { matrix: Matrix4 }): void {
  head.setFromMatrixPosition(camera.matrix).applyQuaternion(origin.quaternion);
  const lift = floorSpaceType() === 'local' ? STANDING_EYE_M : 0;
  origin.position.set(point.x - head.x, point.y + lift, point.z - head.z);
}
