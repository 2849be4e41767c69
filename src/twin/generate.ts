/**
 * Vehicle geometry section -> named part tree (see docs/part-naming.md).
 * Deterministic: no clock, no randomness; the same geometry gives the same
 * vertices, and `toGltf` turns them into the same bytes.
 */
import type { VehicleGeometry } from './geometry-schema';
import { deriveDims } from './gen/dims';
import { bodySurface, buildBody } from './gen/body';
import { buildWheels } from './gen/wheels';
import { buildPack } from './gen/battery';
import { buildHarness, buildMotors } from './gen/drivetrain';
import { buildChargePort, buildCrash, buildThermal } from './gen/structure';
import type { PartNode } from './gen/types';

export interface GeneratedTwin {
  root: PartNode;
  /** Paint colour baked into the GLB (the viewer recolours at runtime). */
  paintHex: string;
}

export function generateTwin(g: VehicleGeometry): GeneratedTwin {
  const d = deriveDims(g);
  const surface = bodySurface(d);
  const pack = buildPack(d, g);
  if (!g.pack.sideBeams) pack.children = pack.children?.filter((c) => !c.name.startsWith('battery/side_beam'));
  const children: PartNode[] = [
    ...buildBody(d, surface),
    ...buildWheels(d, g),
    pack,
    ...buildHarness(d, g),
    ...buildMotors(d, g),
    ...buildCrash(d, surface),
    ...buildThermal(d),
    buildChargePort(d, g, surface),
  ];
  const paint = g.paints.find((p) => p.id === g.defaultPaint) ?? g.paints[0]!;
  return {
    root: { name: 'vehicle', children, extras: { bodyStyle: g.bodyStyle, lengthMm: g.lengthMm, widthMm: g.widthMm, heightMm: g.heightMm } },
    paintHex: paint.hex,
  };
}
