/**
 * Crash structure (front/rear rails, bumper beams, crush cans, safety cage
 * following the body), thermal system (heat pump, radiator, coolant loop)
 * and the charge port with its open door on the body skin.
 */
import { BoxGeometry, CatmullRomCurve3, CylinderGeometry, TorusGeometry, TubeGeometry, Vector3, type BufferGeometry } from 'three';
import type { VehicleGeometry } from '../geometry-schema';
import type { Dims } from './dims';
import type { BodySurface } from './body';
import { IDX } from './body';
import { merge, place, quatAxis } from './geometry-utils';
import { roundedSlab } from './battery';
import type { PartNode } from './types';

const tube = (pts: Vector3[], r: number, closed = false): BufferGeometry => {
  const c = new CatmullRomCurve3(pts, closed, 'centripetal');
  return new TubeGeometry(c, Math.max(12, Math.round(c.getLength() / 0.03)), r, 8, closed);
};

/** Curved bumper beam across the car at z, following the nose plan shape. */
function bumperBeam(d: Dims, z: number, y: number, dir: 1 | -1): BufferGeometry {
  const pts: Vector3[] = [];
  for (let i = 0; i <= 8; i++) {
    const x = (-0.5 + i / 8) * d.width * 0.82;
    const bow = (1 - (2 * i / 8 - 1) ** 2) * 0.05;
    pts.push(new Vector3(x, y, z + dir * (bow - 0.03)));
  }
  return tube(pts, 0.045);
}

export function buildCrash(d: Dims, s: BodySurface): PartNode[] {
  const p = s.profile;
  const yRail = d.tyreRadius + 0.05;
  const railX = d.halfTrackF - d.tyreWidth / 2 - 0.12;
  const zFrontBeam = d.zFront - 0.12, zRearBeam = d.zRear + 0.12;
  const rail = (z0: number, z1: number, x: number) => place(new BoxGeometry(0.08, 0.12, Math.abs(z1 - z0)), [x, yRail, (z0 + z1) / 2]);
  const front = merge([
    rail(zFrontBeam - 0.06, d.zAxleF - 0.55, railX), rail(zFrontBeam - 0.06, d.zAxleF - 0.55, -railX),
    bumperBeam(d, zFrontBeam, yRail, 1),
  ]);
  const rear = merge([
    rail(zRearBeam + 0.06, d.zAxleR + 0.5, railX), rail(zRearBeam + 0.06, d.zAxleR + 0.5, -railX),
    bumperBeam(d, zRearBeam, yRail + 0.05, -1),
  ]);
  // Safety cage: B-pillar hoop, roof rails, A-pillars and sills, 4 cm inside the skin.
  const inset = (x: number, y: number, z: number, side: number): Vector3 => new Vector3(side * Math.max(0, x - 0.045), y - 0.03, z);
  const zB = p.pillars.zB;
  const secB = s.section(zB);
  const hoop: Vector3[] = [];
  for (let h = 12; h <= IDX.P8; h += 3) { const { x, y } = secB[h]!; hoop.push(inset(x, y, zB, 1)); }
  for (let h = IDX.P8 - 3; h >= 12; h -= 3) { const { x, y } = secB[h]!; hoop.push(inset(x, y, zB, -1)); }
  const rails: BufferGeometry[] = [tube(hoop, 0.035)];
  const zA = d.zAxleF - 0.7, zEnd = p.pillars.zD ?? p.pillars.zC;
  for (const side of [1, -1]) {
    const roofPts: Vector3[] = [], sillPts: Vector3[] = [];
    for (let i = 0; i <= 16; i++) {
      const z = zA + ((zEnd - 0.1 - zA) * i) / 16;
      const sec = s.section(z);
      const { x: xr, y: yr } = sec[IDX.P6 + 1]!;
      roofPts.push(inset(xr, yr, z, side));
      const { x: xs, y: ys } = sec[14]!;
      sillPts.push(new Vector3(side * (xs - 0.06), ys + 0.05, z));
    }
    rails.push(tube(roofPts, 0.03), tube(sillPts, 0.045));
  }
  return [
    { name: 'crash/front', primitives: [{ geometry: front, material: 'crash' }] },
    { name: 'crash/rear', primitives: [{ geometry: rear, material: 'crash' }] },
    { name: 'crash/cage', primitives: [{ geometry: merge(rails), material: 'crash' }] },
  ];
}

export function buildThermal(d: Dims): PartNode[] {
  const zHp = d.zAxleF + 0.42, yHp = d.tyreRadius + 0.28;
  const hp = merge([
    roundedSlab(0.42, 0.26, 0.2, 0.03, 0.008),
    place(new CylinderGeometry(0.07, 0.07, 0.2, 24), [0.28, -0.02, 0], quatAxis([0, 0, 1], Math.PI / 2)),
  ]);
  const rad = roundedSlab(d.width * 0.55, 0.035, 0.32, 0.02, 0.005);
  const P = d.pack;
  const packFront = P.zCentre + P.length / 2;
  const yPack = P.yBottom + P.height * 0.5;
  const loop = merge([0.12, -0.12].map((x) => tube([
    new Vector3(x, yPack, packFront - 0.02), new Vector3(x, yPack + 0.08, packFront + 0.25),
    new Vector3(x * 1.5, yHp - 0.1, zHp - 0.3), new Vector3(x * 2, yHp, zHp - 0.12),
  ], 0.013)).concat([
    tube([new Vector3(0.2, yHp, zHp + 0.12), new Vector3(0.25, yHp + 0.05, zHp + 0.35), new Vector3(0.3, yHp - 0.02, d.zFront - 0.3)], 0.013),
  ]));
  return [
    { name: 'thermal/heat_pump', translation: [0, yHp, zHp], primitives: [{ geometry: hp, material: 'thermal' }] },
    { name: 'thermal/radiator', translation: [0, d.tyreRadius + 0.05, d.zFront - 0.28], primitives: [{ geometry: rad, material: 'thermal' }] },
    { name: 'thermal/loop', primitives: [{ geometry: loop, material: 'thermal' }] },
  ];
}

/** `charge_port` on the stated side/end fender, door hinged open. */
export function buildChargePort(d: Dims, g: VehicleGeometry, s: BodySurface): PartNode {
  const cp = g.chargePort;
  const z = cp.end === 'rear' ? d.zAxleR - d.tyreRadius - 0.2 : d.zAxleF + d.tyreRadius + 0.18;
  const y = s.profile.ySh(z) - 0.12;
  const x = s.halfWidthAt(z, y);
  const side = cp.side === 'left' ? 1 : -1;
  const socket = merge([
    place(new CylinderGeometry(0.05, 0.05, 0.03, 32), [-0.01, 0, 0], quatAxis([0, 0, 1], Math.PI / 2)),
    place(new TorusGeometry(0.052, 0.005, 8, 32), [0.006, 0, 0], quatAxis([0, 1, 0], Math.PI / 2)),
  ]);
  const door = place(roundedSlab(0.01, 0.13, 0.13, 0.02, 0.003), [0.012, 0, -0.125], quatAxis([0, 1, 0], 0.22));
  return {
    name: 'charge_port',
    translation: [side * (x - 0.004), y, z],
    rotation: side > 0 ? [0, 0, 0, 1] : [0, 1, 0, 0],
    primitives: [{ geometry: socket, material: 'port' }, { geometry: door, material: 'paint' }],
    extras: { v2l: cp.v2l },
  };
}
