/** Test-drive scenarios worth trying, from what the customer said. */
import type { VehicleSpec } from '../sim/index.ts';
import type { Answers } from './answers-schema.ts';

export type TestDrive = 'highway-assist' | 'v2l-camping' | 'child-seat-fit' | 'third-row' | 'city-parking' | 'winter-range-demo' | 'fast-charging' | 'performance-launch';

export function testDrives(answers: Answers, vehicle: VehicleSpec, winterC: number): TestDrive[] {
  const drives: TestDrive[] = [];
  if ((answers.longestTripKm ?? 0) >= 200 || (answers.dailyKm ?? 0) >= 60) drives.push('highway-assist');
  if (answers.camping && (vehicle.v2lKw ?? 0) > 0) drives.push('v2l-camping');
  if (answers.children) drives.push('child-seat-fit');
  if (answers.sevenSeats && (vehicle.seats ?? 5) >= 7) drives.push('third-row');
  if (winterC <= -5) drives.push('winter-range-demo');
  if (answers.homeCharging === 'none' && !answers.workCharging) drives.push('fast-charging');
  if (answers.priorities?.[0] === 'technology' && vehicle.drivetrain.motorPeakKw >= 300) drives.push('performance-launch');
  if (drives.length < 2) drives.push('city-parking');
  return drives;
}
