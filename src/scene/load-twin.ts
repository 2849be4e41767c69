/**
 * GLB loading with the meshopt decoder from the `meshoptimizer` npm package
 * (bundled wasm, no CDN). Progress is bytes loaded / total when the server
 * sends a length.
 */
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'meshoptimizer/decoder';

let loader: GLTFLoader | null = null;

export function twinLoader(): GLTFLoader {
  if (!loader) loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  return loader;
}

export async function loadTwin(url: string, onProgress: (fraction: number) => void): Promise<GLTF> {
  await MeshoptDecoder.ready;
  return twinLoader().loadAsync(url, (e) => {
    if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
  });
}
