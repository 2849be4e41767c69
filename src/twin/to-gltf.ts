/**
 * Part tree -> glTF document (gltf-transform). Materials from the table in
 * gen/materials.ts, clear-coat paint (KHR_materials_clearcoat), emissive
 * lights (KHR_materials_emissive_strength), cells as EXT_mesh_gpu_instancing.
 * Compression happens in export-glb.ts.
 */
import { Document, type Material, type Mesh, type Node } from '@gltf-transform/core';
import { EXTMeshGPUInstancing, KHRMaterialsClearcoat, KHRMaterialsEmissiveStrength } from '@gltf-transform/extensions';
import type { BufferGeometry } from 'three';
import { MATERIALS, hexToLinear } from './gen/materials';
import { clean } from './gen/geometry-utils';
import type { MaterialId, PartNode, Primitive } from './gen/types';
import type { GeneratedTwin } from './generate';

export function toGltfDocument(twin: GeneratedTwin): Document {
  const doc = new Document();
  const buffer = doc.createBuffer();
  doc.getRoot().getAsset().generator = 'showroom-twin generator (npm run models)';
  const clearcoat = doc.createExtension(KHRMaterialsClearcoat);
  const strength = doc.createExtension(KHRMaterialsEmissiveStrength);
  const instancing = doc.createExtension(EXTMeshGPUInstancing);
  const materials = new Map<MaterialId, Material>();
  const meshes = new Map<Primitive[], Mesh>();

  const material = (id: MaterialId): Material => {
    const found = materials.get(id);
    if (found) return found;
    const spec = MATERIALS[id];
    const rgb = hexToLinear(id === 'paint' ? twin.paintHex : spec.color);
    const m = doc.createMaterial(id)
      .setBaseColorFactor([...rgb, spec.alpha ?? 1])
      .setMetallicFactor(spec.metallic)
      .setRoughnessFactor(spec.roughness)
      .setDoubleSided(spec.doubleSided ?? false);
    if (spec.alpha !== undefined) m.setAlphaMode('BLEND');
    if (spec.emissive) {
      m.setEmissiveFactor(hexToLinear(spec.emissive));
      if ((spec.emissiveStrength ?? 1) > 1) m.setExtension('KHR_materials_emissive_strength', strength.createEmissiveStrength().setEmissiveStrength(spec.emissiveStrength!));
    }
    if (spec.clearcoat) m.setExtension('KHR_materials_clearcoat', clearcoat.createClearcoat().setClearcoatFactor(spec.clearcoat.factor).setClearcoatRoughnessFactor(spec.clearcoat.roughness));
    materials.set(id, m);
    return m;
  };

  const accessor = (name: string, g: BufferGeometry, attr: 'position' | 'normal') =>
    doc.createAccessor(name).setType('VEC3').setArray(new Float32Array(g.getAttribute(attr).array as ArrayLike<number>)).setBuffer(buffer);

  const mesh = (name: string, prims: Primitive[]): Mesh => {
    const found = meshes.get(prims);
    if (found) return found;
    const m = doc.createMesh(name);
    for (const p of prims) {
      const g = clean(p.geometry);
      const n = g.getAttribute('position').count;
      const idx = g.getIndex()!.array as ArrayLike<number>;
      const indices = doc.createAccessor().setType('SCALAR').setBuffer(buffer)
        .setArray(n > 65535 ? Uint32Array.from(idx) : Uint16Array.from(idx));
      m.addPrimitive(doc.createPrimitive()
        .setAttribute('POSITION', accessor(`${name}:${p.material}:pos`, g, 'position'))
        .setAttribute('NORMAL', accessor(`${name}:${p.material}:nor`, g, 'normal'))
        .setIndices(indices)
        .setMaterial(material(p.material)));
    }
    meshes.set(prims, m);
    return m;
  };

  const build = (part: PartNode): Node => {
    const node = doc.createNode(part.name);
    if (part.translation) node.setTranslation(part.translation);
    if (part.rotation) node.setRotation(part.rotation);
    if (part.primitives && part.primitives.length > 0) node.setMesh(mesh(part.name, part.primitives));
    if (part.instances) {
      const t = doc.createAccessor(`${part.name}:instances`).setType('VEC3').setArray(part.instances).setBuffer(buffer);
      node.setExtension('EXT_mesh_gpu_instancing', instancing.createInstancedMesh().setAttribute('TRANSLATION', t));
    }
    if (part.extras) node.setExtras(part.extras);
    for (const c of part.children ?? []) node.addChild(build(c));
    return node;
  };

  doc.createScene('vehicle').addChild(build(twin.root));
  return doc;
}
