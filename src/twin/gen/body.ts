/**
 * The body: one lofted surface (stations along Z, a 146-vertex section at
 * each) with wheel arches pressed in, then split by triangle into paint,
 * black trim, arch liners, glass and light strips so every piece keeps the
 * smooth normals of the whole. No boxes.
 */
import { BufferAttribute, BufferGeometry, SphereGeometry, CylinderGeometry } from 'three';
import type { Dims } from './dims';
import { bodyProfile, type BodyProfile } from './body-profile';
import { catmullRom2, clamp01, lerp, type Key } from './curves';
import { merge, place, splitByLabel, quatAxis } from './geometry-utils';
import type { MaterialId, PartNode } from './types';

/** Samples per section segment P0-P1, P1-P1b, P1b-P2, P2-P3, P3-P3b, P3b-P4, P4-P5, P5-P6, P6-P7, P7-P8. */
const SEG = [6, 3, 3, 12, 10, 8, 3, 14, 8, 6] as const;
const at = (seg: number) => SEG.slice(0, seg).reduce((a, b) => a + b, 0);
export const IDX = { P4: at(6), P5: at(7), P6: at(8), P7: at(9), P8: at(10) } as const;
const HALF = IDX.P8 + 1;
const RING = 2 * HALF - 2;

export interface BodySurface {
  profile: BodyProfile;
  /** Left half section (x >= 0) at z, after nose/tail rounding and arches. */
  section(z: number): SectionVertex[];
  /** Outer half width of the body side at (z, y), for parts that sit on the skin. */
  halfWidthAt(z: number, y: number): number;
}

function capScale(d: Dims, p: BodyProfile, z: number): number {
  const f = clamp01((d.zFront - z) / p.capFront), r = clamp01((z - d.zRear) / p.capRear);
  const u = Math.min(f, r);
  return Math.pow(1 - Math.pow(1 - u, 2.2), 1 / 2.2);
}

/** Nearest wheel-arch circle (side view) to (z, y): its centre and the distance to it. */
function nearestArch(d: Dims, z: number, y: number): { zA: number; dist: number; ra: number } {
  const zA = Math.abs(z - d.zAxleF) < Math.abs(z - d.zAxleR) ? d.zAxleF : d.zAxleR;
  return { zA, dist: Math.hypot(z - zA, y - d.tyreRadius), ra: d.tyreRadius + 0.05 };
}

function archInner(d: Dims, z: number): number {
  const ht = Math.abs(z - d.zAxleF) < Math.abs(z - d.zAxleR) ? d.halfTrackF : d.halfTrackR;
  return ht - d.tyreWidth / 2 - 0.03;
}

/** Section vertex after the arch cut: position, whether it lies inside the wheelhouse, and its distance to the arch. */
export interface SectionVertex { x: number; y: number; z: number; inArch: boolean; archDist: number }

const SNAP = 0.032;
/** archDist of skin vertices snapped onto the arch lip. */
const ARCH_LIP = 0.004;

/**
 * Press the wheelhouse into the side: vertices inside the arch circle move
 * in to the wheelhouse wall; vertices within SNAP of the circle are moved
 * onto it (inside ones at the wall, outside ones at the skin), so the arch
 * edge follows the circle exactly instead of the loft's grid.
 */
function cutArch(d: Dims, x: number, y: number, z: number): SectionVertex {
  const inner = archInner(d, z);
  const { zA, dist, ra } = nearestArch(d, z, y);
  const onSide = x > inner + 0.01;
  if (!onSide || dist > ra + SNAP) return { x, y, z, inArch: dist < ra && onSide, archDist: dist - ra };
  const yc = d.tyreRadius;
  const ux = dist > 1e-6 ? (z - zA) / dist : 0, uy = dist > 1e-6 ? (y - yc) / dist : 1;
  if (dist < ra) {
    if (dist > ra - SNAP) return { x: Math.min(x, inner), y: yc + uy * ra, z: zA + ux * ra, inArch: true, archDist: 0 };
    return { x: Math.min(x, inner), y, z, inArch: true, archDist: dist - ra };
  }
  return { x: x + 0.004, y: yc + uy * (ra + 0.004), z: zA + ux * (ra + 0.004), inArch: false, archDist: ARCH_LIP };
}

export function bodySurface(d: Dims): BodySurface {
  const p = bodyProfile(d);
  const raw = (z: number): Key[] => {
    const hw = p.hw(z), g = p.glassH(z), yb = p.yBot(z), yf = p.yFloor(z), ysh = p.ySh(z), yt = p.yTop(z);
    const x6 = lerp(hw * 0.8, p.hwRoof(z), clamp01(g / 0.25));
    const ctrl: Key[] = [
      [0, yf], [Math.min(d.pack.width / 2 + 0.01, hw * 0.78), yf], [Math.min(d.pack.width / 2 + 0.06, hw * 0.86), yb],
      [hw * 0.955, yb + 0.045], [hw, yb + (ysh - yb) * 0.45], [hw * 0.993, yb + (ysh - yb) * 0.78], [hw * 0.972, ysh],
      [hw * 0.93, ysh + 0.02], [x6, ysh + 0.028 + 0.86 * g], [x6 * 0.55, yt - 0.008], [0, yt],
    ];
    const pts = catmullRom2(ctrl, SEG);
    const s = capScale(d, p, z);
    // Mostly plan-view rounding: the bumper faces stay upright, so light bars run level across them.
    const sy = lerp(1, s, 0.35);
    const yc = (yb + yt) / 2;
    return pts.map(([x, y]) => [x * s, yc + (y - yc) * sy] as Key);
  };
  const section = (z: number): SectionVertex[] => raw(z).map(([x, y]) => cutArch(d, x, y, z));
  const halfWidthAt = (z: number, y: number) => {
    const pts = raw(z).slice(at(2), IDX.P5 + 1);
    let best = 0;
    for (let i = 0; i + 1 < pts.length; i++) {
      const [x0, y0] = pts[i]!, [x1, y1] = pts[i + 1]!;
      if ((y - y0) * (y - y1) <= 0 && y0 !== y1) best = Math.max(best, lerp(x0, x1, (y - y0) / (y1 - y0)));
    }
    return best;
  };
  return { profile: p, section, halfWidthAt };
}

type Label = MaterialId;

function stations(d: Dims): number[] {
  const n = Math.round(d.length / 0.02);
  const zs: number[] = [];
  for (let i = 0; i <= n; i++) {
    const u = i / n;
    zs.push(d.zRear + d.length * (u - (0.5 * Math.sin(2 * Math.PI * u)) / (2 * Math.PI)));
  }
  return zs;
}

function label(d: Dims, p: BodyProfile, h: number, z: number, inArch: boolean, archDist: number): Label {
  if (inArch) return 'liner';
  if (h < at(2)) return 'liner';
  const g = p.glassH(z);
  const pl = p.pillars;
  const suv = d.style === 'suv';
  if (h > IDX.P5 && h < IDX.P6 && g > 0.07) {
    const last = pl.zD ?? pl.zC;
    const inPillar = Math.abs(z - pl.zB) < pl.halfWidth || (pl.zD !== null && Math.abs(z - pl.zC) < pl.halfWidth * 0.8);
    if (z > last && !inPillar) return 'glass';
    if (z > last && inPillar) return 'trim';
  }
  if (h >= IDX.P6 + 2 && g > 0.035) return 'glass';
  if (h >= IDX.P4 - 2 && h <= IDX.P4 + 1 && z > d.zFront - 0.24) return 'headlight';
  if (h >= IDX.P4 - 4 && h <= IDX.P4 + 1 && z < d.zRear + (suv ? 0.2 : 0.26)) return 'taillight';
  // Black sill garnish and lower bumpers (an SUV gets cladding and arch flares).
  if (h <= at(3) + (suv ? 4 : 2)) return 'trim';
  if ((z > d.zFront - 0.3 || z < d.zRear + 0.25) && h <= at(3) + (suv ? 7 : 4)) return 'trim';
  return 'paint';
}

/** Body shell (paint/trim/liner), greenhouse glass, light strips and mirrors. */
export function buildBody(d: Dims, surface: BodySurface): PartNode[] {
  const p = surface.profile;
  const zs = stations(d);
  const pos = new Float32Array(zs.length * RING * 3);
  const tags: { h: number; z: number; inArch: boolean; archDist: number }[] = [];
  zs.forEach((z, si) => {
    const half = surface.section(z);
    for (let r = 0; r < RING; r++) {
      const h = r < HALF ? r : RING - r;
      const v = half[h]!;
      const o = (si * RING + r) * 3;
      pos[o] = r < HALF ? v.x : -v.x;
      pos[o + 1] = v.y;
      pos[o + 2] = v.z;
      tags.push({ h, z, inArch: v.inArch, archDist: v.archDist });
    }
  });
  const index: number[] = [];
  const labels: Label[] = [];
  for (let si = 0; si + 1 < zs.length; si++) {
    for (let r = 0; r < RING; r++) {
      const a = si * RING + r, b = si * RING + ((r + 1) % RING);
      const c = a + RING, e = b + RING;
      // Left half faces outward with this winding (the normals test checks it).
      // One label per quad, so material borders run along stations and rings: straight, not saw-toothed.
      const q = [a, b, c, e].map((v) => tags[v]!);
      const hMin = Math.min(...q.map((x) => x.h));
      const zc = (q[0]!.z + q[2]!.z) / 2;
      // Liner only where the whole quad lies on or inside the arch circle: the black edge follows the circle.
      const inArch = q.some((x) => x.inArch) && q.every((x) => x.inArch || x.archDist === ARCH_LIP);
      const archDist = Math.min(...q.map((x) => (x.archDist >= 0 ? x.archDist : 1)));
      const l = label(d, p, hMin, zc, inArch, archDist);
      index.push(a, b, c, b, e, c);
      labels.push(l, l);
    }
  }
  const geo = new BufferGeometry();
  geo.setAttribute('position', new BufferAttribute(pos, 3));
  geo.setIndex(index);
  geo.computeVertexNormals();
  const parts = splitByLabel(geo, labels);
  const prim = (m: Label) => (parts.get(m) ? [{ geometry: parts.get(m)!, material: m }] : []);
  return [
    { name: 'body/interior', primitives: [{ geometry: interiorShell(zs, pos), material: 'interior' }] },
    { name: 'body/shell', primitives: [...prim('paint'), ...prim('trim'), ...prim('liner')] },
    { name: 'glass/greenhouse', primitives: prim('glass') },
    { name: 'body/light_front', primitives: prim('headlight') },
    { name: 'body/light_rear', primitives: prim('taillight') },
    ...mirrors(d, surface),
  ];
}

/**
 * Dark cabin lining: a coarse copy of the upper body 2 cm inside the skin,
 * double-sided, so tinted glass shows a dark cabin instead of the studio
 * behind the car.
 */
function interiorShell(zs: number[], pos: Float32Array): BufferGeometry {
  const stride = 4, h0 = IDX.P4 - 10;
  const rows: number[] = [];
  for (let si = 0; si < zs.length; si += stride) rows.push(si);
  const ringIdx: number[] = [];
  for (let r = 0; r < RING; r++) { const h = r < HALF ? r : RING - r; if (h >= h0) ringIdx.push(r); }
  const out = new Float32Array(rows.length * ringIdx.length * 3);
  rows.forEach((si, i) => ringIdx.forEach((r, j) => {
    const o = (si * RING + r) * 3, q = (i * ringIdx.length + j) * 3;
    out[q] = pos[o]! * 0.95; out[q + 1] = pos[o + 1]! - 0.02; out[q + 2] = pos[o + 2]! * 0.985;
  }));
  const index: number[] = [];
  const n = ringIdx.length;
  for (let i = 0; i + 1 < rows.length; i++)
    for (let j = 0; j + 1 < n; j++) {
      const a = i * n + j, b = a + 1, c = a + n, e = c + 1;
      index.push(a, b, c, b, e, c);
    }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(out, 3));
  g.setIndex(index);
  g.computeVertexNormals();
  return g;
}

function mirrors(d: Dims, s: BodySurface): PartNode[] {
  const p = s.profile;
  const z = d.zAxleF - (d.style === 'suv' ? 0.78 : 0.7);
  const y = p.ySh(z) + 0.075;
  const x = s.halfWidthAt(z, p.ySh(z) - 0.01);
  const head = place(new SphereGeometry(1, 20, 12), [0, 0, 0], undefined, [0.1, 0.06, 0.055]);
  const stalk = place(new CylinderGeometry(0.014, 0.018, 0.11, 10), [-0.06, -0.03, 0.01], quatAxis([0, 0, 1], Math.PI / 2 - 0.3));
  const out: PartNode[] = [];
  for (const side of [1, -1] as const) {
    const g = place(merge([head, stalk]), [0, 0, 0], undefined, [side, 1, 1]);
    if (side < 0) flipWinding(g);
    out.push({
      name: side > 0 ? 'body/mirror_left' : 'body/mirror_right',
      translation: [side * (x + 0.07), y, z],
      primitives: [{ geometry: g, material: 'paint' }],
    });
  }
  return out;
}

/** Mirroring with a negative scale turns faces inside out; swap two indices per triangle. */
export function flipWinding(g: BufferGeometry): void {
  const idx = g.getIndex()!;
  const a = idx.array;
  for (let i = 0; i < a.length; i += 3) { const t = a[i + 1]!; a[i + 1] = a[i + 2]!; a[i + 2] = t; }
  idx.needsUpdate = true;
  g.computeVertexNormals();
}
