import { describe, expect, it } from 'vitest';
import { getBounds, type Document } from '@gltf-transform/core';
import type { InstancedMesh } from '@gltf-transform/extensions';
import { VehicleGeometrySchema, type VehicleGeometry } from '../../src/twin/geometry-schema';
import { VELA_S5_GEOMETRY, VELA_X7_GEOMETRY } from '../../src/twin/geometry-examples';
import { buildTwinDocument, exportTwinGlb, twinIO } from '../../src/twin/export-glb';
import { MODULE_RE, moduleName } from '../../src/twin/part-names';
import { validateGlb } from '../../scripts/models-validate';

const CASES: [string, VehicleGeometry][] = [
  ['Vela S5 (sedan)', VehicleGeometrySchema.parse(VELA_S5_GEOMETRY)],
  ['Vela X7 (SUV)', VehicleGeometrySchema.parse(VELA_X7_GEOMETRY)],
];

const REQUIRED = [
  'body/shell', 'body/interior', 'body/light_front', 'body/light_rear', 'body/mirror_left', 'body/mirror_right', 'glass/greenhouse',
  'wheel/front_left', 'wheel/front_right', 'wheel/rear_left', 'wheel/rear_right',
  'battery/pack', 'battery/pack_lid', 'battery/skid_plate', 'battery/side_beam_left', 'battery/side_beam_right',
  'hv/disconnect', 'crash/front', 'crash/rear', 'crash/cage', 'thermal/heat_pump', 'thermal/radiator', 'thermal/loop', 'thermal/cold_plate', 'charge_port',
];

const nodes = (doc: Document) => new Map(doc.getRoot().listNodes().map((n) => [n.getName(), n] as const));

describe.each(CASES)('generated twin: %s', (_, g) => {
  it('has every named part of the convention', async () => {
    const doc = await buildTwinDocument(g, false);
    const names = nodes(doc);
    const expected = [...REQUIRED, ...g.motors.map((m) => `motor/${m.id}`), ...g.harness.map((h) => `hv/${h.id}`)];
    for (const n of expected) expect(names.has(n), n).toBe(true);
  });

  it('has the stated module count, one instanced cell node per module, and the stated pack footprint', async () => {
    const doc = await buildTwinDocument(g, false);
    const names = nodes(doc);
    const modules = [...names.keys()].filter((n) => MODULE_RE.test(n));
    expect(modules).toHaveLength(g.pack.moduleCount);
    expect(modules.sort()[0]).toBe(moduleName(1));
    for (const m of modules) {
      const cells = names.get(`${m}/cells`)!;
      const inst = cells.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing');
      expect(inst?.getAttribute('TRANSLATION')?.getCount()).toBe(g.pack.cellsPerModule);
    }
    const pos = names.get('battery/pack')!.getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!;
    const [min, max] = [pos.getMin([]), pos.getMax([])];
    const lengthMm = (max[2]! - min[2]!) * 1000, widthMm = (max[0]! - min[0]!) * 1000;
    expect(Math.abs(lengthMm - g.pack.lengthMm) / g.pack.lengthMm).toBeLessThan(0.01);
    expect(Math.abs(widthMm - g.pack.widthMm) / g.pack.widthMm).toBeLessThan(0.01);
  });

  it('fits the stated length, width (without mirrors) and height within 1 %, standing on the ground', async () => {
    const doc = await buildTwinDocument(g, false);
    for (const n of ['body/mirror_left', 'body/mirror_right']) nodes(doc).get(n)!.dispose();
    const b = getBounds(doc.getRoot().listScenes()[0]!);
    const rel = (m: number, mm: number) => Math.abs(m * 1000 - mm) / mm;
    expect(rel(b.max[2] - b.min[2], g.lengthMm)).toBeLessThan(0.01);
    expect(rel(b.max[0] - b.min[0], g.widthMm)).toBeLessThan(0.01);
    expect(rel(b.max[1] - b.min[1], g.heightMm)).toBeLessThan(0.01);
    expect(Math.abs(b.min[1])).toBeLessThan(0.005);
  });

  it('passes the Khronos validator with no errors, compressed and uncompressed, within the size and triangle budget', async () => {
    const io = await twinIO();
    const raw = await validateGlb(await io.writeBinary(await buildTwinDocument(g, false)));
    expect(raw.messages.filter((m) => m.startsWith('error'))).toEqual([]);
    const glb = await exportTwinGlb(g);
    const packed = await validateGlb(glb);
    expect(packed.errors).toBe(0);
    expect(glb.byteLength).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(raw.triangles).toBeLessThanOrEqual(500_000);
  });

  it('gives the body outward-facing normals (left side +X, roof +Y)', async () => {
    const doc = await buildTwinDocument(g, false);
    const prim = nodes(doc).get('body/shell')!.getMesh()!.listPrimitives()[0]!;
    const pos = prim.getAttribute('POSITION')!, nor = prim.getAttribute('NORMAL')!;
    const n = pos.getCount();
    const p = (i: number) => pos.getElement(i, []) as number[], v = (i: number) => nor.getElement(i, []) as number[];
    const maxX = Math.max(...Array.from({ length: n }, (_, i) => p(i)[0]!));
    const maxY = Math.max(...Array.from({ length: n }, (_, i) => p(i)[1]!));
    const mean = (keep: (i: number) => boolean, axis: number) => {
      let sum = 0, count = 0;
      for (let i = 0; i < n; i++) if (keep(i)) { sum += v(i)[axis]!; count++; }
      return sum / count;
    };
    // Averaged over the widest and the highest skin: inverted winding would make these negative.
    expect(mean((i) => p(i)[0]! > maxX * 0.97, 0)).toBeGreaterThan(0.5);
    expect(mean((i) => p(i)[1]! > maxY - 0.03, 1)).toBeGreaterThan(0.5);
  });

  it('is deterministic: the same geometry gives the same bytes', async () => {
    const [a, b] = [await exportTwinGlb(g), await exportTwinGlb(g)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
