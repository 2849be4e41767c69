/**
 * `models/<id>/model.usdz` for every bundle, for iOS AR Quick Look (`<a rel="ar">`): the bundle's
 * own model.glb through three's GLTFLoader (meshopt) and USDZExporter, in Node. What Node lacks
 * and what the exporter does not handle:
 * - no canvas: the exporter draws every texture to one to encode it. The generated GLBs have no
 *   textures (checked), so none is needed; a GLB with textures is refused with the reason.
 * - InstancedMesh (EXT_mesh_gpu_instancing, the cells): the exporter would write one cell. Each is
 *   expanded into one merged mesh of all its instances, keeping the node and its part name.
 * - double-sided materials (interior, arch liners, rims): the exporter writes every face one-sided
 *   (and warns), so Quick Look would show holes. Such meshes get a reversed copy of each face.
 * - part names: USD prim names allow only letters, digits and `_`, and three's GLTFLoader drops
 *   the `/` of a node name ("body/shell" -> "bodyshell"). Prims are named `usdPrimName(part)`,
 *   "body__shell", so the parts of docs/part-naming.md can be found again.
 * The car wears the bundle's default paint; units stay metres (1:1), +Y up, on a horizontal plane.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferAttribute, BufferGeometry, DoubleSide, FrontSide, InstancedMesh, Matrix4, Mesh, REVISION, type Material, type MeshStandardMaterial, type Object3D } from 'three';
import { USDZExporter } from 'three/examples/jsm/exporters/USDZExporter.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { PART_NAME_RE } from '../../src/twin/part-names.ts';
import { cachedSet, hashInputs, type AssetSet } from './cache.ts';
import { readBundles } from './fonts.ts';

/** The USD prim name of a part: `/` becomes `__` ("battery/module_01/cells" -> "battery__module_01__cells"). */
export function usdPrimName(part: string): string {
  return part.replace(/\//g, '__');
}

export interface Paint {
  hex: string;
  metalness?: number;
  roughness?: number;
}

/** The textures a GLB's JSON chunk declares. */
function textureCount(glb: Uint8Array): number {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67) throw new Error('not a GLB');
  const length = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + length))) as { images?: unknown[]; textures?: unknown[] };
  return Math.max(json.images?.length ?? 0, json.textures?.length ?? 0);
}

/** Float copies of every attribute (quantized ones are normalized integers), for merging. */
function floatGeometry(source: BufferGeometry): BufferGeometry {
  const g = new BufferGeometry();
  for (const [name, attr] of Object.entries(source.attributes)) {
    const a = attr as BufferAttribute;
    const out = new Float32Array(a.count * a.itemSize);
    for (let i = 0; i < a.count; i++) for (let c = 0; c < a.itemSize; c++) out[i * a.itemSize + c] = a.getComponent(i, c);
    g.setAttribute(name, new BufferAttribute(out, a.itemSize));
  }
  if (source.index) g.setIndex(Array.from(source.index.array as ArrayLike<number>));
  return g;
}

/** Replaces each InstancedMesh by one Mesh holding every instance; returns the instances expanded. */
function expandInstances(root: Object3D): number {
  const found: InstancedMesh[] = [];
  root.traverse((o) => {
    if (o instanceof InstancedMesh) found.push(o);
  });
  let expanded = 0;
  for (const im of found) {
    const base = floatGeometry(im.geometry);
    const m = new Matrix4();
    const parts: BufferGeometry[] = [];
    for (let i = 0; i < im.count; i++) {
      im.getMatrixAt(i, m);
      parts.push(base.clone().applyMatrix4(m));
    }
    const merged = mergeGeometries(parts);
    if (!merged) throw new Error(`could not merge the instances of ${im.userData.name ?? im.name}`);
    const mesh = new Mesh(merged, im.material);
    mesh.name = im.name;
    mesh.userData = { ...im.userData };
    mesh.position.copy(im.position);
    mesh.quaternion.copy(im.quaternion);
    mesh.scale.copy(im.scale);
    for (const child of [...im.children]) mesh.add(child);
    im.parent!.add(mesh);
    im.removeFromParent();
    expanded += im.count;
  }
  return expanded;
}

/** The geometry with a reversed copy of every face (normals negated): double-sided without a flag. */
function withBackFaces(source: BufferGeometry): BufferGeometry {
  const front = floatGeometry(source);
  if (!front.index) front.setIndex(Array.from({ length: front.getAttribute('position').count }, (_, i) => i));
  const back = front.clone();
  const normal = back.getAttribute('normal') as BufferAttribute | undefined;
  if (normal) for (let i = 0; i < normal.array.length; i++) (normal.array as Float32Array)[i] = -normal.array[i]!;
  const index = back.index!.array as ArrayLike<number>;
  const flipped: number[] = [];
  for (let i = 0; i < index.length; i += 3) flipped.push(index[i]!, index[i + 2]!, index[i + 1]!);
  back.setIndex(flipped);
  return mergeGeometries([front, back])!;
}

/** Makes every double-sided mesh one-sided with back faces of its own; shared geometries stay shared. */
function bakeDoubleSides(root: Object3D): void {
  const baked = new Map<BufferGeometry, BufferGeometry>();
  const materials = new Set<Material>();
  root.traverse((o) => {
    if (!(o instanceof Mesh) || Array.isArray(o.material) || (o.material as Material).side !== DoubleSide) return;
    let g = baked.get(o.geometry);
    if (!g) baked.set(o.geometry, (g = withBackFaces(o.geometry)));
    o.geometry = g;
    materials.add(o.material as Material);
  });
  for (const m of materials) m.side = FrontSide;
}

/** Part names on the prims; a part's unnamed meshes (its primitives) are `<part>_<n>`. */
function namePrims(root: Object3D): void {
  root.traverse((o) => {
    const part = o.userData.name as unknown;
    if (typeof part === 'string' && PART_NAME_RE.test(part)) {
      o.name = usdPrimName(part);
      o.children.forEach((child, i) => {
        if (typeof child.userData.name !== 'string') child.name = `${o.name}_${i + 1}`;
      });
    }
  });
}

export interface UsdzResult {
  usdz: Uint8Array;
  triangles: number;
  instances: number;
}

/** One GLB (`label` names it in errors) as a Quick Look USDZ, in `paint` (or the GLB's own). */
export async function glbToUsdz(glb: Uint8Array, paint: Paint | null, label: string): Promise<UsdzResult> {
  const textures = textureCount(glb);
  if (textures > 0) {
    throw new Error(`${label} has ${textures} texture${textures === 1 ? '' : 's'}: three's USDZExporter draws textures to a canvas, which Node has not, so only untextured models (as src/twin generates them) get a USDZ`);
  }
  await MeshoptDecoder.ready;
  const buffer = glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.byteLength) as ArrayBuffer;
  const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(buffer, '');
  const scene = gltf.scene;
  const instances = expandInstances(scene);
  bakeDoubleSides(scene);
  namePrims(scene);
  let triangles = 0;
  scene.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    triangles += (o.geometry.index?.count ?? o.geometry.getAttribute('position').count) / 3;
    const materials = (Array.isArray(o.material) ? o.material : [o.material]) as MeshStandardMaterial[];
    for (const m of materials) {
      if (m.name !== 'paint' || !paint) continue;
      m.color.set(paint.hex);
      if (paint.metalness !== undefined) m.metalness = paint.metalness;
      if (paint.roughness !== undefined) m.roughness = paint.roughness;
    }
  });
  scene.updateMatrixWorld(true);
  const usdz = await new USDZExporter().parseAsync(scene, {
    quickLookCompatible: true,
    includeAnchoringProperties: true,
    ar: { anchoring: { type: 'plane' }, planeAnchoring: { alignment: 'horizontal' } },
  });
  return { usdz: new Uint8Array(usdz), triangles, instances };
}

interface PaintSpec extends Paint {
  id: string;
}

/** The paint the twin screen starts with: `defaultPaint`, else the first. */
export function defaultPaint(vehicle: unknown): PaintSpec | null {
  const g = (vehicle as { geometry?: { paints?: PaintSpec[]; defaultPaint?: string } }).geometry;
  const paints = Array.isArray(g?.paints) ? g.paints : [];
  return paints.find((p) => p.id === g?.defaultPaint) ?? paints[0] ?? null;
}

/** One set per bundle (`usdz/<id>`, holding `models/<id>/model.usdz`), each remade when its GLB or paint changes. */
export async function usdzSets(cacheRoot: string, generatorKey: string, publicDir: string): Promise<AssetSet[]> {
  const sets: AssetSet[] = [];
  for (const { id, json } of readBundles(publicDir)) {
    const glbPath = join(publicDir, 'models', id, 'model.glb');
    const paint = defaultPaint(json);
    const key = hashInputs([generatorKey, REVISION, JSON.stringify(paint), { file: glbPath }]);
    sets.push(
      await cachedSet(cacheRoot, `usdz/${id}`, key, async (dir) => {
        const { usdz, triangles, instances } = await glbToUsdz(new Uint8Array(readFileSync(glbPath)), paint, `models/${id}/model.glb`);
        const out = join(dir, 'models', id);
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'model.usdz'), usdz);
        return `${id}: ${Math.round(triangles / 1000)}k triangles (${instances} cell instances expanded), paint ${paint?.id ?? 'as in the GLB'}`;
      }),
    );
  }
  return sets;
}
