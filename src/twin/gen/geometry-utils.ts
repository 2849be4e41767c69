/** Geometry plumbing for the generator: merge, split by triangle, transform. */
import { BufferAttribute, BufferGeometry, Matrix4, Quaternion, Vector3 } from 'three';

/** Keep only position, normal and index (no uvs: the twin has no textures). */
export function clean(g: BufferGeometry): BufferGeometry {
  const out = new BufferGeometry();
  const pos = g.getAttribute('position');
  out.setAttribute('position', new BufferAttribute(Float32Array.from(pos.array as ArrayLike<number>), 3));
  if (!g.getAttribute('normal')) g.computeVertexNormals();
  const nor = Float32Array.from(g.getAttribute('normal').array as ArrayLike<number>);
  // Degenerate triangles (closed loft tips) leave zero or NaN normals; glTF needs unit vectors.
  for (let i = 0; i < nor.length; i += 3) {
    const l = Math.hypot(nor[i]!, nor[i + 1]!, nor[i + 2]!);
    if (!(l > 1e-6)) { nor[i] = 0; nor[i + 1] = 1; nor[i + 2] = 0; } else { nor[i]! /= l; nor[i + 1]! /= l; nor[i + 2]! /= l; }
  }
  out.setAttribute('normal', new BufferAttribute(nor, 3));
  const idx = g.getIndex();
  const n = pos.count;
  const index = idx ? Array.from(idx.array as ArrayLike<number>) : Array.from({ length: n }, (_, i) => i);
  out.setIndex(index);
  return out;
}

/** Concatenate geometries (indexed output; non-indexed inputs get sequential indices). */
export function merge(parts: BufferGeometry[]): BufferGeometry {
  const cleaned = parts.map(clean);
  let vcount = 0, icount = 0;
  for (const g of cleaned) { vcount += g.getAttribute('position').count; icount += g.getIndex()!.count; }
  const pos = new Float32Array(vcount * 3), nor = new Float32Array(vcount * 3);
  const idx: number[] = new Array(icount);
  let vo = 0, io = 0;
  for (const g of cleaned) {
    pos.set(g.getAttribute('position').array as Float32Array, vo * 3);
    nor.set(g.getAttribute('normal').array as Float32Array, vo * 3);
    const gi = g.getIndex()!.array;
    for (let i = 0; i < gi.length; i++) idx[io++] = gi[i]! + vo;
    vo += g.getAttribute('position').count;
  }
  const out = new BufferGeometry();
  out.setAttribute('position', new BufferAttribute(pos, 3));
  out.setAttribute('normal', new BufferAttribute(nor, 3));
  out.setIndex(idx);
  return out;
}

/** Apply translation / rotation (Euler-free: axis-angle list) / scale to a geometry copy. */
export function place(g: BufferGeometry, t: [number, number, number], q?: Quaternion, s?: [number, number, number]): BufferGeometry {
  const m = new Matrix4().compose(new Vector3(...t), q ?? new Quaternion(), new Vector3(...(s ?? [1, 1, 1])));
  const c = g.clone();
  c.applyMatrix4(m);
  return c;
}

/**
 * Split an indexed geometry into one compact geometry per triangle label;
 * shared vertices are copied so each piece keeps the smooth normals of the
 * whole surface.
 */
export function splitByLabel<L extends string>(g: BufferGeometry, labels: L[]): Map<L, BufferGeometry> {
  const pos = g.getAttribute('position').array as Float32Array;
  const nor = g.getAttribute('normal').array as Float32Array;
  const index = g.getIndex()!.array;
  const out = new Map<L, BufferGeometry>();
  const order = [...new Set(labels)];
  for (const label of order) {
    const remap = new Map<number, number>();
    const p: number[] = [], n: number[] = [], idx: number[] = [];
    for (let t = 0; t < labels.length; t++) {
      if (labels[t] !== label) continue;
      for (let k = 0; k < 3; k++) {
        const v = index[t * 3 + k]!;
        let nv = remap.get(v);
        if (nv === undefined) {
          nv = remap.size;
          remap.set(v, nv);
          p.push(pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!);
          n.push(nor[v * 3]!, nor[v * 3 + 1]!, nor[v * 3 + 2]!);
        }
        idx.push(nv);
      }
    }
    const piece = new BufferGeometry();
    piece.setAttribute('position', new BufferAttribute(new Float32Array(p), 3));
    piece.setAttribute('normal', new BufferAttribute(new Float32Array(n), 3));
    piece.setIndex(idx);
    out.set(label, piece);
  }
  return out;
}

export function quatAxis(axis: [number, number, number], angle: number): Quaternion {
  return new Quaternion().setFromAxisAngle(new Vector3(...axis).normalize(), angle);
}
