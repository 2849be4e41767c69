import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { Box3, Color, Mesh, Vector3, type MeshStandardMaterial, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { USDZLoader } from 'three/examples/jsm/loaders/USDZLoader.js';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssetSet } from '../../scripts/xr-assets/cache.ts';
import { glbToUsdz, usdPrimName, usdzSets } from '../../scripts/xr-assets/usdz.ts';

const ids = (JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: string[] }).vehicles;

interface Bundle {
  geometry: { motors: { id: string }[]; paints: { id: string; hex: string }[]; defaultPaint?: string; lengthMm: number; widthMm: number; heightMm: number };
  twin: { hotspots: { part: string }[] };
}

function load(usdz: Uint8Array): Object3D {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    // USDZLoader is three's alias (deprecated since r179, with a console warning) of USDLoader.
    return new USDZLoader().parse(usdz.buffer.slice(usdz.byteOffset, usdz.byteOffset + usdz.byteLength) as ArrayBuffer);
  } finally {
    warn.mockRestore();
  }
}

async function glbScene(id: string): Promise<Object3D> {
  await MeshoptDecoder.ready;
  const b = readFileSync(`public/models/${id}/model.glb`);
  const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, '');
  return gltf.scene;
}

/** Stored (uncompressed) zip entries whose data starts on a 64-byte boundary, as USDZ requires. */
function zipEntries(bytes: Uint8Array): { name: string; method: number; dataOffset: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { name: string; method: number; dataOffset: number }[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const dataOffset = at + 30 + nameLength + extraLength;
    out.push({ name, method, dataOffset });
    at = dataOffset + size;
  }
  return out;
}

describe('the USDZ of each car, for iOS Quick Look', () => {
  let cache: string;
  let sets: AssetSet[];
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'xr-usdz-'));
    sets = await usdzSets(cache, 'generator', 'public');
    for (const s of sets) console.log(`usdz ${s.name}: ${s.summary}; ${(s.bytes / 1048576).toFixed(2)} MiB, ${s.ms!.toFixed(0)} ms`);
  }, 180_000);
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const usdzOf = (id: string) => {
    const set = sets.find((s) => s.files.includes(`models/${id}/model.usdz`))!;
    return new Uint8Array(readFileSync(join(set.dir, `models/${id}/model.usdz`)));
  };

  it('is made for every bundle, next to its GLB', () => {
    expect(sets.flatMap((s) => s.files).sort()).toEqual(ids.map((id) => `models/${id}/model.usdz`).sort());
  });

  it.each(ids)('%s opens in USDZLoader with the parts its hotspots name, the pack and every motor', (id) => {
    const bundle = JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as Bundle;
    const scene = load(usdzOf(id));
    const names = new Set<string>();
    scene.traverse((o) => names.add(o.name));
    const parts = new Set(['body/shell', 'battery/pack', 'battery/module_01/cells', ...bundle.geometry.motors.map((m) => `motor/${m.id}`), ...bundle.twin.hotspots.map((h) => h.part)]);
    for (const part of parts) expect(names.has(usdPrimName(part)), `${part} as ${usdPrimName(part)}`).toBe(true);
  });

  it.each(ids)('%s is the size of the car in metres, 1:1 (bounding box within 2 % of the GLB)', async (id) => {
    const bundle = JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as Bundle;
    const usd = new Box3().setFromObject(load(usdzOf(id)));
    const glb = new Box3().setFromObject(await glbScene(id));
    const [su, sg] = [usd.getSize(new Vector3()), glb.getSize(new Vector3())];
    for (const axis of ['x', 'y', 'z'] as const) expect(Math.abs(su[axis] - sg[axis]) / sg[axis], axis).toBeLessThan(0.02);
    expect(usd.getCenter(new Vector3()).distanceTo(glb.getCenter(new Vector3()))).toBeLessThan(0.05);
    expect(su.z).toBeCloseTo(bundle.geometry.lengthMm / 1000, 1);
  });

  it.each(ids)('%s wears its default paint', (id) => {
    const { geometry } = JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as Bundle;
    const paint = geometry.paints.find((p) => p.id === geometry.defaultPaint) ?? geometry.paints[0]!;
    const want = new Color(paint.hex);
    const shell = load(usdzOf(id)).getObjectByName(usdPrimName('body/shell'))!;
    const colours: Color[] = [];
    shell.traverse((o) => {
      if (o instanceof Mesh) colours.push((o.material as MeshStandardMaterial).color);
    });
    expect(colours.some((c) => Math.abs(c.r - want.r) + Math.abs(c.g - want.g) + Math.abs(c.b - want.b) < 0.01), paint.id).toBe(true);
  });

  it.each(ids)('%s expands the instanced cells into real geometry (one cell per instance)', async (id) => {
    const glb = await glbScene(id);
    const usd = load(usdzOf(id));
    const cells = (root: Object3D) => {
      let triangles = 0;
      root.getObjectByName(root === glb ? 'batterymodule_01cells' : usdPrimName('battery/module_01/cells'))!.traverse((o) => {
        if (o instanceof Mesh) {
          const t = (o.geometry.index?.count ?? o.geometry.getAttribute('position').count) / 3;
          triangles += t * ('count' in o && typeof o.count === 'number' && (o as { isInstancedMesh?: boolean }).isInstancedMesh ? o.count : 1);
        }
      });
      return triangles;
    };
    expect(cells(usd)).toBe(cells(glb));
    expect(cells(usd)).toBeGreaterThan(12);
  });

  it.each(ids)('%s keeps double-sided surfaces (interior, arch liners, rims) visible from both sides, as two faces', async (id) => {
    const triangles = (root: Object3D, name: string) => {
      let n = 0;
      root.getObjectByName(name)!.traverse((o) => {
        if (o instanceof Mesh) n += (o.geometry.index?.count ?? o.geometry.getAttribute('position').count) / 3;
      });
      return n;
    };
    const glb = await glbScene(id);
    const usd = load(usdzOf(id));
    expect(triangles(usd, usdPrimName('body/interior'))).toBe(2 * triangles(glb, 'bodyinterior'));
    expect(triangles(usd, usdPrimName('body/shell'))).toBeGreaterThan(triangles(glb, 'bodyshell'));
    expect(triangles(usd, usdPrimName('glass/greenhouse'))).toBe(triangles(glb, 'glassgreenhouse'));
  });

  it('is a Quick Look archive: model.usda first, every entry stored and aligned to 64 bytes, metres and +Y up', () => {
    const bytes = usdzOf(ids[0]!);
    const entries = zipEntries(bytes);
    expect(entries[0]!.name).toBe('model.usda');
    for (const e of entries) {
      expect(e.method, e.name).toBe(0);
      expect(e.dataOffset % 64, e.name).toBe(0);
    }
    const usda = new TextDecoder().decode(bytes.subarray(entries[0]!.dataOffset, entries[0]!.dataOffset + 400));
    expect(usda).toMatch(/metersPerUnit = 1\b/);
    expect(usda).toMatch(/upAxis = "Y"/);
  });

  it('refuses a GLB with textures, saying why', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2a6b9b40000000049454e44ae426082', 'hex');
    const texture = doc.createTexture('t').setImage(new Uint8Array(png)).setMimeType('image/png');
    const material = doc.createMaterial('paint').setBaseColorTexture(texture);
    const position = doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])).setBuffer(buffer);
    const mesh = doc.createMesh().addPrimitive(doc.createPrimitive().setAttribute('POSITION', position).setMaterial(material));
    doc.createScene().addChild(doc.createNode('body/shell').setMesh(mesh));
    const glb = await new NodeIO().writeBinary(doc);
    await expect(glbToUsdz(glb, null, 'models/x/model.glb')).rejects.toThrow(/models\/x\/model\.glb has 1 texture/);
  });
});
