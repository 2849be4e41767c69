import { describe, expect, it } from 'vitest';
import { headingOf, originFor, seatPose, type Box } from '../../src/xr/seats.ts';

const SEDAN: Box = { min: [-0.95, 0, -2.4], max: [0.95, 1.45, 2.4] };

/** Where a head at `head` (reference space) with heading `yaw` ends up under an origin. */
function place(origin: { position: [number, number, number]; yawRad: number }, head: [number, number, number], yaw: number) {
  const c = Math.cos(origin.yawRad);
  const s = Math.sin(origin.yawRad);
  return { eye: [origin.position[0] + c * head[0] + s * head[2], origin.position[1] + head[1], origin.position[2] - s * head[0] + c * head[2]], yawRad: yaw + origin.yawRad };
}

describe('VR seat presets', () => {
  it('seats the driver on the left (+x) at a seated eye height, looking to the front', () => {
    const d = seatPose('driver', SEDAN, null);
    expect(d.eye[0]).toBeGreaterThan(0.3);
    expect(d.eye[0]).toBeLessThan(0.5);
    expect(d.eye[1]).toBeCloseTo(1.15, 6);
    expect(d.yawRad).toBe(0);
    const r = seatPose('rear', SEDAN, null);
    expect(r.eye[2]).toBeCloseTo(d.eye[2] - 0.9, 6);
  });

  it('stands beside the charge port looking at it, and beside the car looking at its centre', () => {
    const f = seatPose('frunk', SEDAN, [0.95, 0.8, -1.8]); // port on the left rear wing
    expect(f.eye[0]).toBeCloseTo(2.05, 6);
    expect(f.eye[2]).toBeCloseTo(-1.8, 6);
    expect(f.yawRad).toBeCloseTo(-Math.PI / 2, 6); // looking along −x, at the car
    const s = seatPose('stand', SEDAN, null);
    expect(s.yawRad).toBeCloseTo(headingOf([-s.eye[0], 0, -s.eye[2]]), 12);
  });

  it('moves the origin so any head, wherever it stands and looks in the room, lands on the seat looking its way', () => {
    const target = seatPose('driver', SEDAN, null);
    for (const [head, yaw] of [[[0, 1.62, 0], Math.PI], [[1.3, 1.21, -0.7], 0.4], [[-2, 1.75, 3], -2.5]] as const) {
      const origin = originFor(target, [...head], yaw);
      const placed = place(origin, [...head], yaw);
      for (let i = 0; i < 3; i++) expect(placed.eye[i]).toBeCloseTo(target.eye[i]!, 9);
      expect(Math.cos(placed.yawRad - target.yawRad)).toBeCloseTo(1, 9);
    }
  });
});
