/**
 * Index a loaded twin by part name. GLTFLoader sanitises `Object3D.name`
 * ("battery/pack" -> "batterypack") but keeps the glTF name in
 * `userData.name`, which is what the convention is about.
 */
import { Box3, Vector3, type Object3D, type Mesh, type Material } from 'three';
import { MODULE_RE } from '../twin/part-names';

export interface PartIndex {
  byName: Map<string, Object3D>;
  names: string[];
  modules: Object3D[];
  meshes: Mesh[];
}

export function partName(o: Object3D): string | undefined {
  const n = o.userData?.name;
  return typeof n === 'string' ? n : undefined;
}

export function indexParts(root: Object3D): PartIndex {
  const byName = new Map<string, Object3D>();
  const meshes: Mesh[] = [];
  root.traverse((o) => {
    const n = partName(o);
    if (n && !byName.has(n)) byName.set(n, o);
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  const names = [...byName.keys()];
  const modules = names.filter((n) => MODULE_RE.test(n)).sort().map((n) => byName.get(n)!);
  return { byName, names, modules, meshes };
}

/** Part an object belongs to: the nearest ancestor (or itself) with a part name. */
export function owningPart(o: Object3D): string {
  let cur: Object3D | null = o;
  while (cur) {
    const n = partName(cur);
    if (n && n !== 'vehicle') return n;
    cur = cur.parent;
  }
  return '';
}

export function worldCentre(o: Object3D): Vector3 {
  const box = new Box3().setFromObject(o);
  return box.isEmpty() ? o.getWorldPosition(new Vector3()) : box.getCenter(new Vector3());
}

export function materialsOf(m: Mesh): Material[] {
  return Array.isArray(m.material) ? m.material : [m.material];
}
