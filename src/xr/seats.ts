/**
 * Where the VR walkthrough puts the user: the driver's seat, the rear seat, beside the charge port,
 * or standing beside the car. Eye points are derived from the car's bounding box (metres, the model's
 * axes: +y up, +z to the front, +x the car's left; mainland cars drive on the right, so the driver
 * sits on the left), and the user's origin is moved so their head lands on the eye point looking the
 * given way, whatever their real height or where they stand in the room. Pure.
 */
import type { SeatId } from './xr-state.ts';

export type Box = { min: [number, number, number]; max: [number, number, number] };
export type SeatPose = { eye: [number, number, number]; yawRad: number };

/** Seated eye height above the ground in a sedan or SUV (about 1.1–1.25 m), m. */
const SEATED_EYE_M = 1.15;
/** A standing adult's eye height, m. */
const STANDING_EYE_M = 1.6;

/**
 * The eye point and heading of a seat. `port` is the charge port's centre when the model has one
 * (the frunk seat stands in front of it, looking at it).
 */
export function seatPose(seat: SeatId, box: Box, port: [number, number, number] | null): SeatPose {
  const cx = (box.min[0] + box.max[0]) / 2;
  const cz = (box.min[2] + box.max[2]) / 2;
  const width = box.max[0] - box.min[0];
  const length = box.max[2] - box.min[2];
  const ground = box.min[1];
  const driverX = cx + width * 0.2;
  switch (seat) {
    case 'driver':
      return { eye: [driverX, ground + SEATED_EYE_M, cz - length * 0.04], yawRad: 0 };
    case 'rear':
      return { eye: [driverX, ground + SEATED_EYE_M - 0.03, cz - length * 0.04 - 0.9], yawRad: 0 };
    case 'frunk': {
      const at = port ?? [cx, ground + 0.9, box.max[2]];
      // Stand 1.1 m out from the port, on the side of the car it is on (or ahead of the nose).
      const side = port === null ? [0, 1] : Math.abs(at[0] - cx) > width * 0.3 ? [Math.sign(at[0] - cx), 0] : [0, Math.sign(at[2] - cz) || 1];
      const eye: [number, number, number] = [at[0] + side[0]! * 1.1, ground + STANDING_EYE_M, at[2] + side[1]! * 1.1];
      return { eye, yawRad: Math.atan2(at[0] - eye[0], at[2] - eye[2]) };
    }
    case 'stand': {
      // The kiosk's front three-quarter view, from the car's left front, at a walking distance.
      const eye: [number, number, number] = [box.max[0] + 1.6, ground + STANDING_EYE_M, box.max[2] + 1.4];
      return { eye, yawRad: Math.atan2(cx - eye[0], cz - eye[2]) };
    }
  }
}

/**
 * The user's origin (position on the floor plane and heading) that puts a head, seen at `head`
 * (position) with heading `headYawRad` in the reference space, at `target`: heading first, then
 * the head's offset turned with it. The origin's y may be non-zero: it lifts or lowers the world
 * under a seated or standing user so their eyes are at the seat's height.
 */
export function originFor(target: SeatPose, head: [number, number, number], headYawRad: number): { position: [number, number, number]; yawRad: number } {
  const yawRad = target.yawRad - headYawRad;
  const c = Math.cos(yawRad);
  const s = Math.sin(yawRad);
  // Rotation about +y applied to the head's reference-space position.
  const hx = c * head[0] + s * head[2];
  const hz = -s * head[0] + c * head[2];
  return { position: [target.eye[0] - hx, target.eye[1] - head[1], target.eye[2] - hz], yawRad };
}

/** The heading of a look direction, as seats use it: 0 looks along +z (the car's front), π/2 along +x. */
export function headingOf(forward: [number, number, number]): number {
  return Math.atan2(forward[0], forward[2]);
}
