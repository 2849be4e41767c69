/** Motors (drive units with inverter and half-shafts) and the orange HV harness. */
import { BoxGeometry, CatmullRomCurve3, CylinderGeometry, TubeGeometry, Vector3 } from 'three';
import type { VehicleGeometry } from '../geometry-schema';
import type { Dims } from './dims';
import { merge, place, quatAxis } from './geometry-utils';
import { roundedSlab } from './battery';
import type { PartNode } from './types';

const MM = 0.001;
const toX = quatAxis([0, 0, 1], Math.PI / 2);

/** `motor/<id>` at its axle: stator can, gearbox, inverter on top, half-shafts to the hubs. */
export function buildMotors(d: Dims, g: VehicleGeometry): PartNode[] {
  return g.motors.map((m) => {
    const z = (m.axle === 'front' ? d.zAxleF : d.zAxleR) + m.forwardOfAxleMm * MM;
    const ht = m.axle === 'front' ? d.halfTrackF : d.halfTrackR;
    const scale = Math.min(1.2, Math.max(0.8, Math.sqrt(m.peakPowerKw / 200)));
    const r = 0.12 * scale, len = 0.3 * scale;
    const dir = m.axle === 'front' ? -1 : 1; // can sits towards the cabin side of the axle
    const can = place(new CylinderGeometry(r, r, len, 40), [-len / 2 - 0.06, 0.02, dir * 0.1], toX);
    const endCap = place(new CylinderGeometry(r * 0.8, r, 0.03, 40), [-len - 0.075, 0.02, dir * 0.1], toX);
    const gearbox = place(roundedSlab(0.2, 0.34, 0.3, 0.05, 0.01), [0.08, 0.02, dir * 0.02]);
    const inverter = place(roundedSlab(0.34, 0.22, 0.09, 0.02, 0.006), [-0.1, 0.02 + r + 0.05, dir * 0.12]);
    const shaftLen = ht - 0.12;
    const shafts = [1, -1].map((s) => place(new CylinderGeometry(0.022, 0.022, shaftLen, 12), [s * (shaftLen / 2 + 0.02), 0, 0], toX));
    return {
      name: `motor/${m.id}`,
      translation: [0, d.tyreRadius, z],
      primitives: [{ geometry: merge([can, endCap, gearbox, inverter, ...shafts]), material: 'motor' }],
      extras: { kind: m.kind, peakPowerKw: m.peakPowerKw },
    };
  });
}

/** `hv/<route id>` tubes through the harness points, plus `hv/disconnect` (pyro fuse box on the pack). */
export function buildHarness(d: Dims, g: VehicleGeometry): PartNode[] {
  const routes: PartNode[] = g.harness.map((h) => {
    const pts = h.points.map((p) => new Vector3(p.leftMm * MM, p.upMm * MM, p.forwardMm * MM));
    const curve = new CatmullRomCurve3(pts, false, 'centripetal');
    const segs = Math.max(16, Math.round(curve.getLength() / 0.02));
    return { name: `hv/${h.id}`, primitives: [{ geometry: new TubeGeometry(curve, segs, (h.diameterMm * MM) / 2, 10, false), material: 'hv' as const }] };
  });
  const P = d.pack;
  const box = merge([
    roundedSlab(0.26, 0.16, 0.09, 0.015, 0.005),
    place(new BoxGeometry(0.06, 0.03, 0.05), [0.07, 0.055, 0.02]),
  ]);
  routes.push({ name: 'hv/disconnect', translation: [0.25, P.yBottom + P.height + 0.05, P.zCentre + P.length / 2 - 0.2], primitives: [{ geometry: box, material: 'hv' }] });
  return routes;
}
