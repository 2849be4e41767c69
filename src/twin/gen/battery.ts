/**
 * Battery pack: tray with rounded corners, lid, side-impact beams, skid
 * plate, cold plate, and `moduleCount` modules laid out rows x columns x
 * layers, each with a cover and its cells as one EXT_mesh_gpu_instancing
 * node. Node origins sit at part centres so the exploded view can move them.
 */
import { BoxGeometry, BufferGeometry, ExtrudeGeometry, Shape } from 'three';
import type { VehicleGeometry } from '../geometry-schema';
import type { Dims } from './dims';
import { merge, place } from './geometry-utils';
import { moduleName, PACK, PACK_LID, SKID_PLATE } from '../part-names';
import type { PartNode } from './types';

const WALL = 0.035;
const BEAM = 0.06;
const GAP = 0.018;

/** Rounded-rectangle slab in the XZ plane, `h` thick, centred, bevelled edges. */
export function roundedSlab(w: number, l: number, h: number, r: number, bevel = 0.006): BufferGeometry {
  const s = new Shape();
  const x = w / 2 - r, z = l / 2 - r;
  s.moveTo(-x, -l / 2);
  s.lineTo(x, -l / 2);
  s.absarc(x, -z, r, -Math.PI / 2, 0, false);
  s.lineTo(w / 2, z);
  s.absarc(x, z, r, 0, Math.PI / 2, false);
  s.lineTo(-x, l / 2);
  s.absarc(-x, z, r, Math.PI / 2, Math.PI, false);
  s.lineTo(-w / 2, -z);
  s.absarc(-x, -z, r, Math.PI, Math.PI * 1.5, false);
  const b = Math.min(bevel, h / 3);
  const g = new ExtrudeGeometry(s, { depth: h - 2 * b, bevelEnabled: b > 0, bevelThickness: b, bevelSize: b, bevelSegments: 2, curveSegments: 6 });
  g.rotateX(-Math.PI / 2); // shape XY -> XZ plane (shape y -> -z), depth -> +Y
  g.translate(0, -(h - 2 * b) / 2, 0);
  return g;
}

export interface ModuleLayout {
  /** Module size: x across, y up, z along the car. */
  size: [number, number, number];
  centres: [number, number, number][];
  /** Cell translations inside a module (local), and the drawn cell size x, y, z. */
  cells: Float32Array;
  cellSize: [number, number, number];
}

/** Where modules and cells go inside the pack (pack-local frame, origin at pack centre). */
export function moduleLayout(d: Dims, g: VehicleGeometry): ModuleLayout {
  const { rows, columns, layers } = g.pack.arrangement;
  const innerW = d.pack.width - 2 * (WALL + BEAM), innerL = d.pack.length - 2 * WALL;
  const innerH = d.pack.height - 0.03;
  const mx = (innerW - (columns - 1) * GAP) / columns;
  const mz = (innerL - (rows - 1) * GAP) / rows;
  const my = (innerH - (layers - 1) * 0.01) / layers;
  const centres: [number, number, number][] = [];
  for (let l = 0; l < layers; l++)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++)
        centres.push([-innerW / 2 + mx / 2 + c * (mx + GAP), -d.pack.height / 2 + 0.012 + my / 2 + l * (my + 0.01), innerL / 2 - mz / 2 - r * (mz + GAP)]);

  // Cells stand upright, thickness stacked along the module's long side, rows across the short side.
  const cell = g.pack.cell;
  const cylindrical = cell.format === 'cylindrical';
  const long = Math.max(mx, mz) - 0.03, short = Math.min(mx, mz) - 0.03;
  const t = cell.widthMm / 1000, cl = (cylindrical ? cell.widthMm : cell.lengthMm) / 1000;
  const n = g.pack.cellsPerModule;
  let across = Math.max(1, Math.min(n, Math.floor(short / (cl + 0.006))));
  let along = Math.ceil(n / across);
  while (along * (t + 0.002) > long && across < n) { across++; along = Math.ceil(n / across); }
  const pitchAlong = Math.min(t + 0.002, long / along), pitchAcross = Math.min(cl + 0.006, short / across);
  const ch = Math.min(cell.heightMm / 1000, my - 0.02);
  const size: [number, number, number] = [pitchAcross - 0.006, ch, pitchAlong - 0.002];
  const longIsX = mx >= mz;
  const cells = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = i % along, b = Math.floor(i / along);
    const u = -((along - 1) * pitchAlong) / 2 + a * pitchAlong;
    const v = -((across - 1) * pitchAcross) / 2 + b * pitchAcross;
    cells.set(longIsX ? [u, -my / 2 + 0.006 + ch / 2, v] : [v, -my / 2 + 0.006 + ch / 2, u], i * 3);
  }
  const cellSize: [number, number, number] = longIsX ? [size[2], size[1], size[0]] : size;
  return { size: [mx, my, mz], centres, cells, cellSize };
}

function moduleHousing(mx: number, my: number, mz: number): BufferGeometry {
  const t = 0.008;
  return merge([
    place(new BoxGeometry(mx, 0.006, mz), [0, -my / 2 + 0.003, 0]),
    place(new BoxGeometry(t * 2, my, mz), [-mx / 2 + t, 0, 0]),
    place(new BoxGeometry(t * 2, my, mz), [mx / 2 - t, 0, 0]),
    place(new BoxGeometry(mx, my * 0.92, t * 2), [0, -my * 0.04, -mz / 2 + t]),
    place(new BoxGeometry(mx, my * 0.92, t * 2), [0, -my * 0.04, mz / 2 - t]),
  ]);
}

export function buildPack(d: Dims, g: VehicleGeometry): PartNode {
  const P = d.pack;
  const lay = moduleLayout(d, g);
  const [mx, my, mz] = lay.size;
  const housing = moduleHousing(mx, my, mz);
  const cover = roundedSlab(mx - 0.004, mz - 0.004, 0.008, 0.01, 0.002);
  // Plain boxes: hundreds of instances, so every triangle counts (12 per cell).
  const cell = new BoxGeometry(lay.cellSize[0], lay.cellSize[1], lay.cellSize[2]);
  const modules: PartNode[] = lay.centres.map((c, i) => ({
    name: moduleName(i + 1),
    translation: c,
    primitives: [{ geometry: housing, material: 'module' }],
    children: [
      { name: `${moduleName(i + 1)}/cover`, translation: [0, my / 2 - 0.002, 0], primitives: [{ geometry: cover, material: 'module' }] },
      { name: `${moduleName(i + 1)}/cells`, primitives: [{ geometry: cell, material: 'cell' }], instances: lay.cells },
    ],
  }));
  const trayFloor = roundedSlab(P.width, P.length, 0.012, 0.06);
  const wallH = P.height - 0.012;
  const tray = merge([
    place(trayFloor, [0, -P.height / 2 + 0.006, 0]),
    place(new BoxGeometry(WALL, wallH, P.length - 0.1), [-P.width / 2 + WALL / 2, 0.006, 0]),
    place(new BoxGeometry(WALL, wallH, P.length - 0.1), [P.width / 2 - WALL / 2, 0.006, 0]),
    place(new BoxGeometry(P.width - 0.1, wallH, WALL), [0, 0.006, P.length / 2 - WALL / 2]),
    place(new BoxGeometry(P.width - 0.1, wallH, WALL), [0, 0.006, -P.length / 2 + WALL / 2]),
  ]);
  const beam = roundedSlab(BEAM, P.length - 0.12, P.height * 0.8, 0.01, 0.004);
  const children: PartNode[] = [
    { name: PACK_LID, translation: [0, P.height / 2 - 0.003, 0], primitives: [{ geometry: roundedSlab(P.width - 0.01, P.length - 0.01, 0.006, 0.06, 0.002), material: 'pack' }] },
    { name: SKID_PLATE, translation: [0, -P.height / 2 - 0.004, 0], primitives: [{ geometry: roundedSlab(P.width + 0.02, P.length + 0.02, 0.005, 0.07, 0.002), material: 'trim' }] },
    { name: 'thermal/cold_plate', translation: [0, -P.height / 2 + 0.014, 0], primitives: [{ geometry: roundedSlab(P.width - 2 * (WALL + BEAM), P.length - 2 * WALL, 0.004, 0.02, 0.001), material: 'thermal' }] },
    { name: 'battery/side_beam_left', translation: [P.width / 2 - WALL - BEAM / 2, 0, 0], primitives: [{ geometry: beam, material: 'crash' }] },
    { name: 'battery/side_beam_right', translation: [-(P.width / 2 - WALL - BEAM / 2), 0, 0], primitives: [{ geometry: beam, material: 'crash' }] },
    ...modules,
  ];
  return {
    name: PACK,
    translation: [0, P.yBottom + P.height / 2, P.zCentre],
    primitives: [{ geometry: tray, material: 'pack' }],
    children,
    extras: { moduleCount: g.pack.moduleCount, cellsPerModule: g.pack.cellsPerModule, cellFormat: g.pack.cell.format },
  };
}
