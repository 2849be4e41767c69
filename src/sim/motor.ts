/**
 * Motor + inverter efficiency as a function of load and speed.
 *
 * Without a measured map the losses follow the classic loss model of Larminie & Lowry,
 * "Electric Vehicle Technology Explained" (2nd ed., §7.2): P_loss = k_c·T² + k_i·ω + k_w·ω³ + C,
 * copper losses growing with torque squared, iron losses with speed, windage with speed cubed,
 * and a constant for the inverter. Torque and speed are normalised to the motor's peak force at
 * the wheels and the top speed, the coefficients to peak power, so one set serves 70 kW and 400 kW
 * drives; they give a peak of ~96 % at mid load and ~85 % at light city load, as published maps of
 * current permanent-magnet drives do.
 */
import { interp1 } from './interp.ts';
import type { MotorEfficiencyMap } from './vehicle-schema.ts';

const K_CONSTANT = 0.0015;
const K_IRON = 0.011;
const K_COPPER = 0.09;
const K_WINDAGE = 0.0035;

export interface MotorModel {
  readonly motorPeakW: number;
  readonly peakForceN: number;
  readonly topSpeedMps: number;
  readonly motorEfficiencyMap: MotorEfficiencyMap | undefined;
}

/**
 * Motor + inverter loss, W, at mechanical shaft power `mechW` (≥ 0) and vehicle speed `speedMps` (> 0).
 * A map's efficiency is output over input: motoring, the shaft power is the output; generating
 * (regenerative braking), it is the input.
 */
export function motorLossW(m: MotorModel, mechW: number, speedMps: number, generating = false): number {
  if (mechW <= 0) return 0;
  const map = m.motorEfficiencyMap;
  if (map) {
    const eta = mapEfficiency(map, mechW / m.motorPeakW, speedMps * 3.6);
    return generating ? mechW * (1 - eta) : mechW * (1 / eta - 1);
  }
  const s = speedMps / m.topSpeedMps;
  const tau = mechW / speedMps / m.peakForceN;
  return m.motorPeakW * (K_CONSTANT + K_IRON * s + K_COPPER * tau * tau + K_WINDAGE * s * s * s);
}

function mapEfficiency(map: MotorEfficiencyMap, powerFraction: number, speedKmh: number): number {
  if (!('speedKmh' in map)) return interp1(map.powerFraction, map.efficiency, powerFraction);
  const rows = map.efficiency.map((row) => interp1(map.powerFraction, row, powerFraction));
  return interp1(map.speedKmh, rows, speedKmh);
}
