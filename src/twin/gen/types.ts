/** Intermediate scene description the generator builds before glTF export. */
import type { BufferGeometry } from 'three';

export type MaterialId =
  | 'paint' | 'trim' | 'liner' | 'glass' | 'interior' | 'headlight' | 'taillight'
  | 'tyre' | 'rim' | 'rim_dark' | 'brake' | 'caliper'
  | 'pack' | 'module' | 'cell' | 'hv' | 'motor' | 'crash' | 'thermal' | 'port';

export interface Primitive {
  geometry: BufferGeometry;
  material: MaterialId;
}

export type Vec3 = [number, number, number];

/** A named glTF node; geometry is in the node's local frame (metres, glTF axes). */
export interface PartNode {
  name: string;
  translation?: Vec3;
  /** Quaternion x, y, z, w. */
  rotation?: [number, number, number, number];
  primitives?: Primitive[];
  /** EXT_mesh_gpu_instancing translations (x, y, z per instance), local frame. */
  instances?: Float32Array;
  children?: PartNode[];
  extras?: Record<string, unknown>;
}
