import { describe, expect, it } from 'vitest';
import { VehicleGeometrySchema } from '../../src/twin/geometry-schema';
import { VELA_S5_GEOMETRY, VELA_X7_GEOMETRY } from '../../src/twin/geometry-examples';

describe('VehicleGeometrySchema', () => {
  it('accepts the Vela S5 and X7 reference geometries', () => {
    const s5 = VehicleGeometrySchema.parse(VELA_S5_GEOMETRY);
    const x7 = VehicleGeometrySchema.parse(VELA_X7_GEOMETRY);
    expect(s5.pack.moduleCount).toBe(8);
    expect(x7.bodyStyle).toBe('suv');
  });

  it('fills defaults (module layers, spokes, pack centre)', () => {
    const g = structuredClone(VELA_S5_GEOMETRY);
    delete (g.pack.arrangement as { layers?: number }).layers;
    delete (g.wheel as { spokeCount?: number }).spokeCount;
    const parsed = VehicleGeometrySchema.parse(g);
    expect(parsed.pack.arrangement.layers).toBe(1);
    expect(parsed.wheel.spokeCount).toBe(5);
  });

  it('rejects a module count that does not match the arrangement', () => {
    const g = structuredClone(VELA_S5_GEOMETRY);
    g.pack.moduleCount = 9;
    const r = VehicleGeometrySchema.safeParse(g);
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'pack.moduleCount')).toBe(true);
  });

  it('rejects a pack longer than the wheelbase and a bad paint colour', () => {
    const g = structuredClone(VELA_S5_GEOMETRY);
    g.pack.lengthMm = 3000;
    g.paints[0]!.hex = 'blue';
    const r = VehicleGeometrySchema.safeParse(g);
    const paths = r.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('pack.lengthMm');
    expect(paths).toContain('paints.0.hex');
  });

  it('rejects duplicate harness ids and an unknown default paint', () => {
    const g = structuredClone(VELA_X7_GEOMETRY);
    g.harness.push({ ...g.harness[0]! });
    g.defaultPaint = 'gold';
    const paths = VehicleGeometrySchema.safeParse(g).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('harness.4.id');
    expect(paths).toContain('defaultPaint');
  });
});
