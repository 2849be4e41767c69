import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VehicleGeometrySchema } from '../../src/twin/geometry-schema';
import { TwinSchema } from '../../src/twin/twin-schema';
import { exportTwinGlb, twinIO } from '../../src/twin/export-glb';
import { MODULE_RE } from '../../src/twin/part-names';

const ids = (JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: string[] }).vehicles;

describe.each(ids)('bundle %s', (id) => {
  const bundle = JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as { geometry: unknown; twin: unknown; battery: { chemistry: string }; drivetrain: { motorCount: number } };
  const geometry = VehicleGeometrySchema.parse(bundle.geometry);

  it('ships a model.glb that `npm run models` would write byte for byte (regenerate after editing geometry)', async () => {
    const committed = readFileSync(`public/models/${id}/model.glb`);
    expect(Buffer.from(await exportTwinGlb(geometry)).equals(committed)).toBe(true);
  });

  it('agrees with the range physics: cell chemistry and motor count', () => {
    expect(geometry.pack.cell.chemistry).toBe(bundle.battery.chemistry);
    expect(geometry.motors).toHaveLength(bundle.drivetrain.motorCount);
  });

  it('has about eight hotspots, zh-CN and en, each pinned to a part the GLB contains', async () => {
    const twin = TwinSchema.parse(bundle.twin);
    expect(twin.hotspots.length).toBeGreaterThanOrEqual(8);
    const doc = await (await twinIO()).readBinary(new Uint8Array(readFileSync(`public/models/${id}/model.glb`)));
    const names = new Set(doc.getRoot().listNodes().map((n) => n.getName()));
    expect([...names].filter((n) => MODULE_RE.test(n))).toHaveLength(geometry.pack.moduleCount);
    for (const h of twin.hotspots) {
      expect(names.has(h.part), `${h.id} -> ${h.part}`).toBe(true);
      expect(h.title['zh-CN'].length).toBeGreaterThan(1);
      expect(h.body.en.length).toBeGreaterThan(20);
    }
  });
});
