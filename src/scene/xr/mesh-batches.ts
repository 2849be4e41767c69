/**
 * Fewer draw calls in XR, where three draws every mesh once per eye (no multiview) and a Quest-class
 * headset has about 100 draws per frame for both eyes. Meshes that share a material are merged into
 * one mesh per material (their geometry baked into the root's frame), and the originals hidden; the
 * originals come back, and the batches go, when the view changes or the session ends. Instanced
 * meshes (the pack's cells) are one draw already and stay as they are.
 */
import { BufferAttribute, BufferGeometry, Matrix4, Mesh, type Material, type Object3D } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** A geometry with every attribute as plain float32 (quantized or interleaved glTF data read out). */
function plainGeometry(source: BufferGeometry): BufferGeometry {
  const g = new BufferGeometry();
  for (const [name, attr] of Object.entries(source.attributes)) {
    const out = new Float32Array(attr.count * attr.itemSize);
    for (let i = 0; i < attr.count; i++) for (let k = 0; k < attr.itemSize; k++) out[i * attr.itemSize + k] = attr.getComponent(i, k);
    g.setAttribute(name, new BufferAttribute(out, attr.itemSize));
  }
  if (source.index) g.setIndex(new BufferAttribute(Uint32Array.from(source.index.array as ArrayLike<number>), 1));
  return g;
}

/** What must agree for meshes to merge: the material, the render order, the attributes, indexed or not. */
function batchKey(mesh: Mesh): string | null {
  const material = mesh.material as Material | Material[];
  if (Array.isArray(material) || (mesh as { isInstancedMesh?: boolean }).isInstancedMesh || (mesh as { isSkinnedMesh?: boolean }).isSkinnedMesh) return null;
  if (mesh.morphTargetInfluences?.length || Object.keys(mesh.geometry.morphAttributes).length) return null;
  const attrs = Object.keys(mesh.geometry.attributes).sort().join(',');
  return `${material.uuid}|${mesh.renderOrder}|${attrs}|${mesh.geometry.index ? 'i' : 'n'}`;
}

const toRoot = new Matrix4();

/**
 * Merges `meshes` (in `root`'s subtree) by material into new meshes expressed in `root`'s frame.
 * Meshes that cannot merge (instanced, multi-material, morphed) or have no partner are left out.
 * Returns the new meshes (not yet added) and the originals they replace.
 */
export function mergeByMaterial(root: Object3D, meshes: readonly Mesh[]): { merged: Mesh[]; replaced: Mesh[] } {
  root.updateWorldMatrix(true, true);
  const rootInverse = root.matrixWorld.clone().invert();
  const groups = new Map<string, Mesh[]>();
  for (const mesh of meshes) {
    const key = batchKey(mesh);
    if (key === null) continue;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(mesh);
  }
  const merged: Mesh[] = [];
  const replaced: Mesh[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const parts = list.map((mesh) => plainGeometry(mesh.geometry).applyMatrix4(toRoot.multiplyMatrices(rootInverse, mesh.matrixWorld)));
    const geometry = mergeGeometries(parts, false);
    for (const p of parts) p.dispose();
    if (!geometry) continue;
    const first = list[0]!;
    const batch = new Mesh(geometry, first.material);
    batch.name = 'xr-batch';
    batch.renderOrder = first.renderOrder;
    batch.frustumCulled = false; // a merged car spans the view; culling it saves nothing
    merged.push(batch);
    replaced.push(...list);
  }
  return { merged, replaced };
}

/** Batches of a subtree that can be undone: `build` hides what it merged, `clear` puts it back. */
export class MeshBatches {
  private merged: Mesh[] = [];
  private replaced: Mesh[] = [];

  constructor(private readonly root: Object3D) {}

  /** Merges the visible meshes among `meshes` (after a view is applied and the scene is still). */
  build(meshes: readonly Mesh[]): void {
    this.clear();
    const visible = meshes.filter((m) => isShownWithin(m, this.root));
    const { merged, replaced } = mergeByMaterial(this.root, visible);
    for (const m of merged) this.root.add(m);
    for (const m of replaced) m.visible = false;
    this.merged = merged;
    this.replaced = replaced;
  }

  /** Removes the batches and shows the originals they replaced. */
  clear(): void {
    for (const m of this.merged) {
      m.removeFromParent();
      m.geometry.dispose();
    }
    for (const m of this.replaced) m.visible = true;
    this.merged = [];
    this.replaced = [];
  }

  get active(): boolean {
    return this.merged.length > 0;
  }
}

/** Whether a mesh and its ancestors up to `root` are visible (what the view shows; the rig above may hide the whole car for a while). */
function isShownWithin(o: Object3D, root: Object3D): boolean {
  for (let cur: Object3D | null = o; cur && cur !== root; cur = cur.parent) if (!cur.visible) return false;
  return root.visible;
}
