/**
 * Geometry section of a vehicle bundle (`vehicle.json` -> `geometry`).
 *
 * Everything the twin generator needs to build a car that matches the range
 * physics: outer dimensions, wheels, battery pack, high-voltage harness,
 * motors and paint. Lengths are millimetres, angles degrees.
 *
 * Vehicle frame (used by every position in this file):
 *   origin on the ground, on the centre line, half-way between the axles;
 *   `forwardMm` towards the front bumper, `leftMm` to the driver's left
 *   (LHD market), `upMm` up. In the GLB this is glTF's +Z, +X, +Y (1 m units).
 *
 * Pure zod, no three/React/DOM: the lead's vehicle schema imports it.
 */
import { z } from 'zod';

const mm = z.number().finite().positive();

/** Text in both kiosk languages; zh-CN is the primary one. */
export const LocalizedTextSchema = z.object({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});

export const PointMmSchema = z.object({
  forwardMm: z.number().finite(),
  leftMm: z.number().finite(),
  upMm: z.number().finite(),
});

export const WheelSchema = z.object({
  /** Rim diameter in inches, as on the tyre sidewall (R19 -> 19). */
  rimDiameterIn: z.number().min(14).max(24),
  /** Tyre section width in mm (245/45 R19 -> 245). */
  tyreWidthMm: mm.max(355),
  /** Sidewall height as a percentage of section width (245/45 R19 -> 45). */
  tyreAspectPct: z.number().min(25).max(80),
  /** Number of rim spokes (visual only). */
  spokeCount: z.number().int().min(3).max(12).default(5),
});

export const CellFormatSchema = z.enum(['prismatic', 'pouch', 'cylindrical', 'blade']);

export const CellSchema = z.object({
  format: CellFormatSchema,
  chemistry: z.enum(['LFP', 'NMC', 'NCA', 'LMFP', 'sodium-ion']),
  /** Prismatic/pouch/blade: size along the module's long side. Cylindrical: diameter. */
  lengthMm: mm,
  /** Prismatic/pouch/blade: thickness (stacking direction). Cylindrical: diameter. */
  widthMm: mm,
  heightMm: mm,
  nominalVoltageV: z.number().positive(),
  capacityAh: z.number().positive(),
});

export const ModuleArrangementSchema = z.object({
  /** Modules along the car's length. */
  rows: z.number().int().min(1).max(20),
  /** Modules across the car's width. */
  columns: z.number().int().min(1).max(6),
  /** Stacked module layers (2 gives the taller "step" pack under rear seats). */
  layers: z.number().int().min(1).max(2).default(1),
});

export const PackSchema = z
  .object({
    /** Outer enclosure footprint along the car. */
    lengthMm: mm,
    /** Outer enclosure footprint across the car. */
    widthMm: mm,
    heightMm: mm,
    /** Pack centre ahead of the wheelbase mid-point (negative: towards the rear). */
    centreForwardMm: z.number().finite().default(0),
    moduleCount: z.number().int().min(1).max(64),
    arrangement: ModuleArrangementSchema,
    cell: CellSchema,
    /** Cells per module, stacked along the module's long side. */
    cellsPerModule: z.number().int().min(1).max(400),
    /** Side-impact beams (extruded aluminium) along each sill of the enclosure. */
    sideBeams: z.boolean().default(true),
  })
  .superRefine((p, ctx) => {
    const slots = p.arrangement.rows * p.arrangement.columns * p.arrangement.layers;
    if (slots !== p.moduleCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['moduleCount'],
        message: `moduleCount ${p.moduleCount} does not match arrangement ${p.arrangement.rows}x${p.arrangement.columns}x${p.arrangement.layers} = ${slots}`,
      });
    }
  });

export const MotorSchema = z.object({
  /** Part id: becomes `motor/<id>` in the model (e.g. `front`, `rear`). */
  id: z.string().regex(/^[a-z0-9_]+$/),
  axle: z.enum(['front', 'rear']),
  kind: z.enum(['pmsm', 'induction', 'eesm']),
  peakPowerKw: z.number().positive(),
  /** Motor centre offset ahead of its axle line (negative: behind). */
  forwardOfAxleMm: z.number().finite().default(0),
});

export const HarnessRouteSchema = z.object({
  /** Part id: becomes `hv/<id>` (e.g. `pack_to_rear_inverter`). */
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Polyline through the car, vehicle frame; smoothed into a tube. */
  points: z.array(PointMmSchema).min(2),
  diameterMm: mm.max(60).default(22),
});

export const PaintSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: LocalizedTextSchema,
  /** sRGB base colour `#rrggbb`. */
  hex: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  metalness: z.number().min(0).max(1).default(0.6),
  roughness: z.number().min(0).max(1).default(0.35),
});

export const VehicleGeometrySchema = z
  .object({
    bodyStyle: z.enum(['sedan', 'suv']),
    /** Bumper to bumper. */
    lengthMm: mm,
    /** Body width without mirrors. */
    widthMm: mm,
    /** Ground to roof (without antenna) at kerb weight. */
    heightMm: mm,
    wheelbaseMm: mm,
    trackFrontMm: mm,
    trackRearMm: mm,
    groundClearanceMm: mm,
    /** Bumper to front axle; defaults to 45 % of the overhangs. */
    frontOverhangMm: mm.optional(),
    wheel: WheelSchema,
    pack: PackSchema,
    motors: z.array(MotorSchema).min(1).max(4),
    harness: z.array(HarnessRouteSchema).min(1),
    chargePort: z
      .object({ side: z.enum(['left', 'right']), end: z.enum(['front', 'rear']), v2l: z.boolean().default(true) })
      .default({ side: 'left', end: 'rear', v2l: true }),
    paints: z.array(PaintSchema).min(1),
    defaultPaint: z.string().optional(),
  })
  .superRefine((g, ctx) => {
    if (g.wheelbaseMm >= g.lengthMm * 0.8) {
      ctx.addIssue({ code: 'custom', path: ['wheelbaseMm'], message: 'wheelbase must be shorter than 80 % of length' });
    }
    if (Math.max(g.trackFrontMm, g.trackRearMm) >= g.widthMm) {
      ctx.addIssue({ code: 'custom', path: ['trackFrontMm'], message: 'track must be narrower than the body' });
    }
    if (g.pack.lengthMm >= g.wheelbaseMm) {
      ctx.addIssue({ code: 'custom', path: ['pack', 'lengthMm'], message: 'pack must fit between the axles' });
    }
    if (g.pack.widthMm >= g.widthMm - 150) {
      ctx.addIssue({ code: 'custom', path: ['pack', 'widthMm'], message: 'pack must leave room for the sills' });
    }
    if (g.groundClearanceMm + g.pack.heightMm >= g.heightMm * 0.5) {
      ctx.addIssue({ code: 'custom', path: ['pack', 'heightMm'], message: 'pack sits too high for the body' });
    }
    if (g.frontOverhangMm !== undefined && g.frontOverhangMm >= g.lengthMm - g.wheelbaseMm) {
      ctx.addIssue({ code: 'custom', path: ['frontOverhangMm'], message: 'front overhang leaves no rear overhang' });
    }
    const ids = new Set<string>();
    for (const [i, m] of g.motors.entries()) {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['motors', i, 'id'], message: `duplicate motor id ${m.id}` });
      ids.add(m.id);
    }
    const hv = new Set<string>();
    for (const [i, h] of g.harness.entries()) {
      if (hv.has(h.id)) ctx.addIssue({ code: 'custom', path: ['harness', i, 'id'], message: `duplicate harness id ${h.id}` });
      hv.add(h.id);
    }
    if (g.defaultPaint !== undefined && !g.paints.some((p) => p.id === g.defaultPaint)) {
      ctx.addIssue({ code: 'custom', path: ['defaultPaint'], message: `defaultPaint ${g.defaultPaint} is not in paints` });
    }
  });

export type VehicleGeometry = z.infer<typeof VehicleGeometrySchema>;
export type VehicleGeometryInput = z.input<typeof VehicleGeometrySchema>;
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type PointMm = z.infer<typeof PointMmSchema>;
