/**
 * Derived dimensions in metres in the glTF frame: +Y up, +Z forward, +X left,
 * origin on the ground, centre line, mid-wheelbase.
 */
import type { VehicleGeometry } from '../geometry-schema';

const MM = 0.001;
const INCH_M = 0.0254;

export interface Dims {
  style: VehicleGeometry['bodyStyle'];
  length: number; width: number; height: number; wheelbase: number;
  /** Z of front bumper tip, rear bumper tip, front axle, rear axle. */
  zFront: number; zRear: number; zAxleF: number; zAxleR: number;
  halfTrackF: number; halfTrackR: number;
  clearance: number;
  tyreRadius: number; rimRadius: number; tyreWidth: number;
  pack: { length: number; width: number; height: number; zCentre: number; yBottom: number };
}

/** Metres from the bundle's millimetre/inch geometry section. */
export function deriveDims(g: VehicleGeometry): Dims {
  const length = g.lengthMm * MM;
  const wheelbase = g.wheelbaseMm * MM;
  const overhangs = length - wheelbase;
  const frontOverhang = g.frontOverhangMm !== undefined ? g.frontOverhangMm * MM : overhangs * 0.45;
  const zAxleF = wheelbase / 2;
  const rimRadius = (g.wheel.rimDiameterIn * INCH_M) / 2;
  const tyreWidth = g.wheel.tyreWidthMm * MM;
  const tyreRadius = rimRadius + tyreWidth * (g.wheel.tyreAspectPct / 100);
  const clearance = g.groundClearanceMm * MM;
  return {
    style: g.bodyStyle,
    length, width: g.widthMm * MM, height: g.heightMm * MM, wheelbase,
    zFront: zAxleF + frontOverhang,
    zRear: zAxleF + frontOverhang - length,
    zAxleF, zAxleR: -zAxleF,
    halfTrackF: (g.trackFrontMm * MM) / 2, halfTrackR: (g.trackRearMm * MM) / 2,
    clearance,
    tyreRadius, rimRadius, tyreWidth,
    pack: {
      length: g.pack.lengthMm * MM, width: g.pack.widthMm * MM, height: g.pack.heightMm * MM,
      zCentre: g.pack.centreForwardMm * MM, yBottom: clearance + 0.004,
    },
  };
}
