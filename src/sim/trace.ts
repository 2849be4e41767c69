/** A drive as a speed trace: named cycle, constant speed or custom samples. */
import type { Drive } from '../scenario/scenario-schema.ts';
import { CYCLES } from './cycles/index.ts';

export interface Trace {
  readonly dtS: number;
  readonly speedKmh: readonly number[];
  readonly gradePct: readonly number[] | undefined;
}

/**
 * The trace one pass of the drive follows; a range run repeats it.
 * A constant speed is one step of `constantStepS` seconds (1 s unless a sweep asks for coarser).
 */
export function traceOf(drive: Drive, constantStepS = 1): Trace {
  if ('cycle' in drive) {
    const c = CYCLES[drive.cycle];
    return { dtS: c.dtS, speedKmh: c.speedKmh, gradePct: undefined };
  }
  if ('constantSpeedKmh' in drive) {
    const v = drive.constantSpeedKmh;
    return { dtS: constantStepS, speedKmh: [v, v], gradePct: undefined };
  }
  return { dtS: drive.trace.dtS, speedKmh: drive.trace.speedKmh, gradePct: drive.trace.gradePct };
}

/** Distance of one pass, km (trapezoidal: mean speed of each step). */
export function traceDistanceKm(t: Trace): number {
  let m = 0;
  for (let i = 0; i + 1 < t.speedKmh.length; i++) m += ((t.speedKmh[i]! + t.speedKmh[i + 1]!) / 2 / 3.6) * t.dtS;
  return m / 1000;
}
