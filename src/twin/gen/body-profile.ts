/**
 * Side, plan and section lines of the body as smooth functions of Z, per
 * body style. Numbers are proportions of the stated dimensions, read off
 * typical 2024 EV sedans (fastback) and three-row SUVs; each line is a
 * monotone cubic so nothing overshoots the stated height or width.
 */
import type { Dims } from './dims';
import { monotoneCurve, clamp01, lerp, type Key } from './curves';

export interface BodyProfile {
  /** Underside of the sills / bumpers. */
  yBot(z: number): number;
  /** Floor above the pack, between the sills (equals yBot outside the pack). */
  yFloor(z: number): number;
  /** Shoulder (beltline) height; hood and deck surface sit just above it. */
  ySh(z: number): number;
  /** Roof centre line (hood/deck crown where there is no greenhouse). */
  yTop(z: number): number;
  /** Greenhouse (glass) height above the belt, 0 where there is no cabin. */
  glassH(z: number): number;
  /** Half width of the lower body. */
  hw(z: number): number;
  /** Half width of the roof. */
  hwRoof(z: number): number;
  /** Z of the B-pillar and of the last side-glass pillar, and the pillar half width. */
  pillars: { zB: number; zC: number; zD: number | null; halfWidth: number };
  /** Depth of the rounded nose and tail. */
  capFront: number; capRear: number;
}

const CROWN = 0.04;

export function bodyProfile(d: Dims): BodyProfile {
  const { zFront: zf, zRear: zr, zAxleF: zaf, zAxleR: zar, height: H, width: W, clearance: c } = d;
  const suv = d.style === 'suv';
  const k = (z: number, v: number): Key => [z, v];
  const sorted = (keys: Key[]) => monotoneCurve([...keys].sort((a, b) => a[0] - b[0]));

  const yBot = sorted(suv
    ? [k(zf, 0.40), k(zf - 0.32, 0.31), k(zaf, c + 0.05), k(zaf - 0.55, c), k(zar + 0.5, c), k(zar, c + 0.06), k(zr + 0.3, 0.42), k(zr, 0.50)]
    : [k(zf, 0.27), k(zf - 0.3, 0.2), k(zaf, c + 0.03), k(zaf - 0.55, c), k(zar + 0.5, c), k(zar, c + 0.04), k(zr + 0.3, 0.31), k(zr, 0.42)]);
  const ySh = sorted(suv
    ? [k(zf, 0.43 * H), k(zf - 0.3, 0.49 * H), k(zaf, 0.525 * H), k(zaf - 0.6, 0.56 * H), k(0, 0.575 * H), k(zar, 0.59 * H), k(zr + 0.15, 0.595 * H), k(zr, 0.575 * H)]
    : [k(zf, 0.42 * H), k(zf - 0.25, 0.49 * H), k(zaf, 0.54 * H), k(zaf - 0.6, 0.6 * H), k(0, 0.615 * H), k(zar, 0.655 * H), k(zar - 0.4, 0.68 * H), k(zr + 0.1, 0.69 * H), k(zr, 0.66 * H)]);
  const roof = sorted(suv
    ? [k(zaf + 0.05, 0.5 * H), k(zaf - 0.35, 0.6 * H), k(zaf - 1.1, 0.97 * H), k(zaf - 1.6, H), k(zar + 0.1, 0.993 * H), k(zr + 0.34, 0.965 * H), k(zr + 0.09, 0.78 * H), k(zr, 0.6 * H)]
    : [k(zaf + 0.1, 0.5 * H), k(zaf - 0.3, 0.6 * H), k(zaf - 1.05, 0.955 * H), k(zaf - 1.55, H), k(zar + 1.0, 0.98 * H), k(zar + 0.35, 0.83 * H), k(zar - 0.3, 0.705 * H), k(zr, 0.6 * H)]);
  const hwFrac = sorted(suv
    ? [k(zf, 0.76), k(zf - 0.12, 0.88), k(zf - 0.42, 0.965), k(zaf, 0.99), k(zaf - 0.5, 1), k(zar + 0.4, 1), k(zar, 0.995), k(zr + 0.4, 0.97), k(zr + 0.12, 0.92), k(zr, 0.84)]
    : [k(zf, 0.7), k(zf - 0.12, 0.83), k(zf - 0.42, 0.94), k(zaf, 0.985), k(zaf - 0.5, 1), k(zar + 0.4, 1), k(zar, 0.99), k(zr + 0.4, 0.95), k(zr + 0.12, 0.88), k(zr, 0.8)]);
  const roofFrac = sorted(suv
    ? [k(zaf - 0.35, 0.86), k(zaf - 1.1, 0.8), k(zr + 0.4, 0.8), k(zr, 0.82)]
    : [k(zaf - 0.3, 0.84), k(zaf - 1.05, 0.72), k(zar + 0.9, 0.71), k(zar - 0.3, 0.8)]);

  const smax = (a: number, b: number, s: number) => 0.5 * (a + b + Math.sqrt((a - b) * (a - b) + s * s));
  const yTop = (z: number) => smax(ySh(z) + CROWN, roof(z), 0.03);
  const glassH = (z: number) => Math.max(0, yTop(z) - ySh(z) - CROWN - 0.005);

  const p = d.pack;
  const packFront = p.zCentre + p.length / 2 + 0.04;
  const packRear = p.zCentre - p.length / 2 - 0.04;
  const floorTop = p.yBottom + p.height + 0.012;
  const yFloor = (z: number) => {
    const inside = clamp01(Math.min((packFront - z) / 0.12, (z - packRear) / 0.12));
    const s = inside * inside * (3 - 2 * inside);
    return lerp(yBot(z), Math.max(yBot(z), floorTop), s);
  };

  const zB = lerp(zaf - (suv ? 0.35 : 0.3), suv ? zr + 0.3 : zar - 0.3, suv ? 0.3 : 0.4);
  return {
    yBot, yFloor, ySh, yTop, glassH,
    hw: (z) => (hwFrac(z) * W) / 2,
    hwRoof: (z) => (roofFrac(z) * W) / 2,
    pillars: suv
      ? { zB, zC: zar + 0.22, zD: zr + 0.34, halfWidth: 0.05 }
      : { zB, zC: zar + 0.22, zD: null, halfWidth: 0.05 },
    capFront: suv ? 0.13 : 0.14,
    capRear: suv ? 0.1 : 0.12,
  };
}
