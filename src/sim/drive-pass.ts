/**
 * One pass of a trace turned into per-step wheel and motor energy. Everything here depends only on
 * the vehicle and the fixed conditions of a scenario, not on battery or cabin state, so a range run
 * computes it once and repeats it.
 */
import { G_MPS2, KMH_PER_MPS } from './constants.ts';
import { motorLossW } from './motor.ts';
import { regenBlendFraction } from './road-load.ts';
import type { Trace } from './trace.ts';
import type { VehicleParams } from './vehicle.ts';

export interface DriveConditions {
  readonly massKg: number;
  readonly airDensityKgM3: number;
  /** Head wind, m/s. */
  readonly windMps: number;
  /** Rolling resistance relative to the homologation test. */
  readonly rollingFactor: number;
}

/** Per-step arrays and per-pass sums of one pass; energies in J, powers in W. */
export interface DrivePass {
  readonly steps: number;
  readonly dtS: number;
  readonly distanceM: Float64Array;
  /** Electric power the inverter draws for traction (≥ 0). */
  readonly tractionW: Float64Array;
  /** Electric power regenerative braking could return, before the battery's limit (≥ 0). */
  readonly regenW: Float64Array;
  readonly aeroJ: Float64Array;
  readonly rollingJ: Float64Array;
  readonly gradeJ: Float64Array;
  /** Positive wheel work not spent on drag or climbing: energy put into speed. */
  readonly inertiaJ: Float64Array;
  readonly drivetrainJ: Float64Array;
  readonly total: PassTotals;
  /** Seconds in which the trace asked for more than the motor's peak power. */
  readonly overPowerS: number;
}

export interface PassTotals {
  distanceM: number;
  aeroJ: number;
  rollingJ: number;
  gradeJ: number;
  inertiaJ: number;
  drivetrainJ: number;
}

export function drivePass(v: VehicleParams, trace: Trace, c: DriveConditions): DrivePass {
  const steps = trace.speedKmh.length - 1;
  const dt = trace.dtS;
  const arrays = Array.from({ length: 8 }, () => new Float64Array(steps));
  const [distanceM, tractionW, regenW, aeroJ, rollingJ, gradeJ, inertiaJ, drivetrainJ] = arrays as [
    Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
  ];
  const total: PassTotals = { distanceM: 0, aeroJ: 0, rollingJ: 0, gradeJ: 0, inertiaJ: 0, drivetrainJ: 0 };
  const massRatio = c.massKg / v.testMassKg;
  const effectiveMassKg = c.massKg * (1 + v.rotatingMassFraction);
  const halfRhoCdA = 0.5 * c.airDensityKgM3 * v.dragAreaM2;
  let overPowerS = 0;

  for (let i = 0; i < steps; i++) {
    const v0 = trace.speedKmh[i]! / KMH_PER_MPS;
    const v1 = trace.speedKmh[i + 1]! / KMH_PER_MPS;
    const speed = (v0 + v1) / 2;
    if (speed <= 0) continue;
    const grade = trace.gradePct ? (trace.gradePct[i]! + trace.gradePct[i + 1]!) / 200 : 0;
    const cosTheta = 1 / Math.sqrt(1 + grade * grade);
    const air = speed + c.windMps;
    const fAero = halfRhoCdA * air * Math.abs(air);
    const fRoll = (v.f0N * massRatio * cosTheta + v.f1NPerKmh * speed * KMH_PER_MPS) * c.rollingFactor;
    const fGrade = c.massKg * G_MPS2 * grade * cosTheta;
    const fInertia = (effectiveMassKg * (v1 - v0)) / dt;
    const wheelW = (fAero + fRoll + fGrade + fInertia) * speed;
    const d = speed * dt;
    distanceM[i] = d;
    aeroJ[i] = fAero * d;
    rollingJ[i] = fRoll * d;
    gradeJ[i] = fGrade * d;
    if (wheelW >= 0) {
      const shaftW = wheelW / v.gearEfficiency;
      const electricW = shaftW + motorLossW(v, shaftW, speed);
      if (shaftW > v.motorPeakW) overPowerS += dt;
      tractionW[i] = electricW;
      inertiaJ[i] = wheelW * dt - aeroJ[i]! - rollingJ[i]! - gradeJ[i]!;
      drivetrainJ[i] = (electricW - wheelW) * dt;
    } else {
      inertiaJ[i] = -aeroJ[i]! - rollingJ[i]! - gradeJ[i]!;
      const shaftW = Math.min(-wheelW * regenBlendFraction(v.regenMaxFraction, speed) * v.gearEfficiency, v.regenMaxW);
      regenW[i] = Math.max(0, shaftW - motorLossW(v, shaftW, speed, true));
    }
    total.distanceM += d;
    total.aeroJ += aeroJ[i]!;
    total.rollingJ += rollingJ[i]!;
    total.gradeJ += gradeJ[i]!;
    total.inertiaJ += inertiaJ[i]!;
    total.drivetrainJ += drivetrainJ[i]!;
  }
  return { steps, dtS: dt, distanceM, tractionW, regenW, aeroJ, rollingJ, gradeJ, inertiaJ, drivetrainJ, total, overPowerS };
}

/** Sums of the first `k` steps of a pass (the last, partial pass of a range run). */
export function partialTotals(p: DrivePass, k: number, fraction: number): PassTotals {
  const t: PassTotals = { distanceM: 0, aeroJ: 0, rollingJ: 0, gradeJ: 0, inertiaJ: 0, drivetrainJ: 0 };
  for (let i = 0; i <= k && i < p.steps; i++) {
    const w = i === k ? fraction : 1;
    t.distanceM += w * p.distanceM[i]!;
    t.aeroJ += w * p.aeroJ[i]!;
    t.rollingJ += w * p.rollingJ[i]!;
    t.gradeJ += w * p.gradeJ[i]!;
    t.inertiaJ += w * p.inertiaJ[i]!;
    t.drivetrainJ += w * p.drivetrainJ[i]!;
  }
  return t;
}
