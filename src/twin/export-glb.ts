/**
 * Geometry section -> compressed GLB bytes: generate, convert, dedup,
 * prune, then meshopt (EXT_meshopt_compression + quantisation). Node-side
 * (gltf-transform's NodeIO); the browser only ever loads the result.
 */
import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { dedup, meshopt, prune } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type { VehicleGeometry } from './geometry-schema';
import { generateTwin } from './generate';
import { toGltfDocument } from './to-gltf';

export async function twinIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
    'meshopt.encoder': MeshoptEncoder,
    'meshopt.decoder': MeshoptDecoder,
  });
}

export async function buildTwinDocument(g: VehicleGeometry, compress = true): Promise<Document> {
  const doc = toGltfDocument(generateTwin(g));
  await doc.transform(dedup(), prune({ keepLeaves: true, keepAttributes: true }));
  if (compress) {
    await MeshoptEncoder.ready;
    await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  }
  return doc;
}

export async function exportTwinGlb(g: VehicleGeometry): Promise<Uint8Array> {
  const io = await twinIO();
  return io.writeBinary(await buildTwinDocument(g));
}
