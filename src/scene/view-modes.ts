/**
 * What each view does to the loaded twin: visibility and material swaps.
 * Original materials stay untouched (apart from the paint colour); x-ray
 * and section use cached clones, so switching views never leaks materials.
 */
import { Color, DoubleSide, MeshStandardMaterial, type Material, type Mesh, type Plane } from 'three';
import type { TwinView } from '../twin/twin-schema';
import { owningPart, type PartIndex } from './part-index';

type Category = 'shell' | 'glass' | 'wheel' | 'pack' | 'lid' | 'module' | 'cover' | 'cells' | 'hv' | 'inner' | 'port' | 'skid' | 'other';

export function categoryOf(part: string): Category {
  if (part.startsWith('glass/')) return 'glass';
  if (part.startsWith('body/')) return 'shell';
  if (part.startsWith('wheel/')) return 'wheel';
  if (part === 'battery/pack') return 'pack';
  if (part === 'battery/pack_lid') return 'lid';
  if (part === 'battery/skid_plate') return 'skid';
  if (/^battery\/module_\d+\/cover$/.test(part)) return 'cover';
  if (/^battery\/module_\d+\/cells$/.test(part)) return 'cells';
  if (part.startsWith('battery/')) return 'module';
  if (part.startsWith('hv/')) return 'hv';
  if (part.startsWith('motor/') || part.startsWith('crash/') || part.startsWith('thermal/')) return 'inner';
  if (part === 'charge_port') return 'port';
  return 'other';
}

const ghost = new MeshStandardMaterial({ color: new Color('#dce6f0'), roughness: 0.15, metalness: 0, transparent: true, opacity: 0.1, depthWrite: false, side: DoubleSide, forceSinglePass: true, name: 'xray-ghost' });
const ghostGlass = new MeshStandardMaterial({ color: new Color('#b8c8d8'), roughness: 0.05, metalness: 0, transparent: true, opacity: 0.06, depthWrite: false, name: 'xray-glass' });
const clipCache = new WeakMap<Material, Material>();
const fadeCache = new WeakMap<Material, Material>();

/** Structure drawn faintly in x-ray so the pack and the orange wiring stand out. */
function faded(m: Material): Material {
  let c = fadeCache.get(m);
  if (!c) {
    c = m.clone();
    c.transparent = true;
    c.opacity = 0.35;
    c.depthWrite = false;
    fadeCache.set(m, c);
  }
  return c;
}
const glowCache = new WeakMap<Material, Material>();

function clipped(m: Material, plane: Plane): Material {
  let c = clipCache.get(m);
  if (!c) {
    c = m.clone();
    c.side = DoubleSide;
    clipCache.set(m, c);
  }
  c.clippingPlanes = [plane];
  const src = m as MeshStandardMaterial, dst = c as MeshStandardMaterial;
  if (src.color && dst.color) dst.color.copy(src.color);
  return c;
}

function glowing(m: Material): Material {
  let c = glowCache.get(m);
  if (!c) {
    c = m.clone();
    (c as MeshStandardMaterial).emissiveIntensity = 2.5;
    // Drawn over everything: the HV wiring is what x-ray is for.
    c.depthTest = false;
    c.transparent = true;
    glowCache.set(m, c);
  }
  return c;
}

export function originalMaterial(mesh: Mesh): Material | Material[] {
  if (!mesh.userData.twinOriginal) mesh.userData.twinOriginal = mesh.material;
  return mesh.userData.twinOriginal as Material | Material[];
}

/** Apply a view to every mesh of the twin. `plane` is the section plane (used by `section`). */
export function applyView(index: PartIndex, view: TwinView, plane: Plane): void {
  for (const mesh of index.meshes) {
    const orig = originalMaterial(mesh);
    const cat = categoryOf(owningPart(mesh));
    const map = (f: (m: Material) => Material) => (Array.isArray(orig) ? orig.map(f) : f(orig));
    let visible = true;
    let material: Material | Material[] = orig;
    const interior = owningPart(mesh) === 'body/interior';
    const internal = cat === 'module' || cat === 'cover' || cat === 'cells' || cat === 'hv' || cat === 'inner' || cat === 'lid';
    if (view === 'exterior') {
      visible = !internal;
    } else if (view === 'xray' || view === 'exploded') {
      if (interior) visible = false;
      if (cat === 'shell' || cat === 'port') material = ghost;
      else if (cat === 'glass') material = ghostGlass;
      else if (cat === 'hv') material = map(glowing);
      else if (cat === 'inner' && owningPart(mesh).startsWith('crash/')) material = map(faded);
      visible = !interior && !(cat === 'lid' && view === 'xray') && !(cat === 'cover' && view === 'xray');
      if (view === 'exploded' && (cat === 'inner' || cat === 'hv')) visible = false;
    } else if (view === 'section') {
      if (cat !== 'hv' && cat !== 'inner') material = map((m) => clipped(m, plane));
      visible = cat !== 'cover';
    }
    mesh.visible = visible;
    mesh.material = material;
    mesh.renderOrder = cat === 'hv' && view === 'xray' ? 10 : 0;
  }
}

/** Recolour the clear-coated paint (material named `paint` by the generator or convention). */
export function applyPaint(index: PartIndex, hex: string): void {
  for (const mesh of index.meshes) {
    const orig = originalMaterial(mesh);
    for (const m of Array.isArray(orig) ? orig : [orig]) {
      if (m.name === 'paint') (m as MeshStandardMaterial).color.set(hex);
    }
  }
}
