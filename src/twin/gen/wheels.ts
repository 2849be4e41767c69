/**
 * Wheels: lathed tyre with bulged sidewalls, dished twin-spoke alloy rim with
 * lip, hub, brake disc and caliper. Built once, the four wheel nodes share
 * the mesh (left wheels face +X; right ones are turned half a turn about Y).
 */
import { BoxGeometry, BufferGeometry, CylinderGeometry, ExtrudeGeometry, LatheGeometry, Shape, Vector2 } from 'three';
import type { VehicleGeometry } from '../geometry-schema';
import type { Dims } from './dims';
import { catmullRom2, type Key } from './curves';
import { merge, place, quatAxis } from './geometry-utils';
import type { PartNode, Primitive } from './types';

/** Lathe around Y, then turn so the wheel axis is X (outer face towards +X). */
function latheX(profile: Key[], segments: number): BufferGeometry {
  const g = new LatheGeometry(profile.map(([r, a]) => new Vector2(r, a)), segments);
  g.rotateZ(-Math.PI / 2);
  return g;
}

function tyre(d: Dims): BufferGeometry {
  const R = d.tyreRadius, r = d.rimRadius, w = d.tyreWidth / 2;
  const ctrl: Key[] = [
    [r + 0.004, -w * 0.86], [r + 0.03, -w * 0.97], [R - 0.06, -w], [R - 0.012, -w * 0.9], [R, -w * 0.7],
    [R, w * 0.7], [R - 0.012, w * 0.9], [R - 0.06, w], [r + 0.03, w * 0.97], [r + 0.004, w * 0.86],
  ];
  return latheX(catmullRom2(ctrl, [2, 4, 3, 2, 4, 2, 3, 4, 2]), 72);
}

function rim(d: Dims, spokes: number): BufferGeometry {
  const r = d.rimRadius, w = d.tyreWidth / 2;
  const face = w * 0.62;
  const barrel = latheX([[r - 0.03, -w * 0.8], [r - 0.015, -w * 0.85], [r - 0.015, face - 0.02], [r + 0.012, face], [r + 0.014, face + 0.012], [r - 0.012, face + 0.01], [r - 0.03, face - 0.02]], 72);
  const hub = place(new CylinderGeometry(0.085, 0.095, 0.05, 32), [face - 0.045, 0, 0], quatAxis([0, 0, 1], -Math.PI / 2));
  const cap = place(new CylinderGeometry(0.032, 0.036, 0.012, 24), [face - 0.015, 0, 0], quatAxis([0, 0, 1], -Math.PI / 2));
  const parts: BufferGeometry[] = [barrel, hub, cap];
  const rOut = r - 0.012, rIn = 0.075;
  for (let i = 0; i < spokes; i++) {
    for (const twin of [-1, 1]) {
      const s = new Shape();
      const a = 0.011 * twin;
      s.moveTo(rIn, a - 0.012);
      s.lineTo(rOut, a * 3.2 - 0.018);
      s.lineTo(rOut, a * 3.2 + 0.018);
      s.lineTo(rIn, a + 0.012);
      s.closePath();
      const g = new ExtrudeGeometry(s, { depth: 0.026, bevelEnabled: true, bevelThickness: 0.006, bevelSize: 0.005, bevelSegments: 2, curveSegments: 1, steps: 1 });
      // Shape plane is XY (x radial); extrude along +Z. Dish the spoke: outer end sits deeper.
      const p = g.getAttribute('position');
      for (let k = 0; k < p.count; k++) {
        const rad = p.getX(k);
        p.setZ(k, p.getZ(k) - 0.045 * Math.max(0, Math.min(1, (rad - rIn) / (rOut - rIn))) ** 1.5);
      }
      g.computeVertexNormals();
      // Map (x radial, y tangential, z axial) -> wheel frame: axial -> +X, radial in YZ.
      g.rotateY(Math.PI / 2); // extrusion depth (z) -> +X, radial (x) -> -Z
      g.rotateX((2 * Math.PI * i) / spokes);
      g.translate(face - 0.035, 0, 0);
      parts.push(g);
    }
  }
  return merge(parts);
}

function brakes(d: Dims): { disc: BufferGeometry; caliper: BufferGeometry } {
  const rd = Math.min(0.19, d.rimRadius - 0.05);
  const disc = place(new CylinderGeometry(rd, rd, 0.028, 48), [-0.01, 0, 0], quatAxis([0, 0, 1], Math.PI / 2));
  const angle = 0.7;
  const caliper = place(new BoxGeometry(0.06, 0.13, 0.075, 1, 3, 1), [0.02, Math.cos(angle) * (rd - 0.02), -Math.sin(angle) * (rd - 0.02)], quatAxis([1, 0, 0], angle));
  return { disc, caliper };
}

/** The four wheel nodes: `wheel/front_left`, `wheel/front_right`, `wheel/rear_left`, `wheel/rear_right`. */
export function buildWheels(d: Dims, g: VehicleGeometry): PartNode[] {
  const { disc, caliper } = brakes(d);
  const prims: Primitive[] = [
    { geometry: tyre(d), material: 'tyre' },
    { geometry: rim(d, g.wheel.spokeCount), material: 'rim' },
    { geometry: disc, material: 'brake' },
    { geometry: caliper, material: 'caliper' },
  ];
  const out: PartNode[] = [];
  for (const [axle, z, ht] of [['front', d.zAxleF, d.halfTrackF], ['rear', d.zAxleR, d.halfTrackR]] as const) {
    for (const side of ['left', 'right'] as const) {
      out.push({
        name: `wheel/${axle}_${side}`,
        translation: [side === 'left' ? ht : -ht, d.tyreRadius, z],
        rotation: side === 'left' ? [0, 0, 0, 1] : [0, 1, 0, 0],
        primitives: prims,
      });
    }
  }
  return out;
}
