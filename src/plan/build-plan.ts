/**
 * The tailored plan: from the answers and the line-up to a recommended trim (and a second option),
 * the customer's commute range in their winter and summer, a charging plan, running costs and test
 * drives. Pure: the simulator runs inside, nothing else is consulted.
 */
import type { VehicleSpec } from '../sim/index.ts';
import type { Answers } from './answers-schema.ts';
import { chargingPlan, type ChargingPlan } from './charging.ts';
import { commuteFigures, tripRangeKm, type CommuteFigures } from './commute.ts';
import { DEFAULT_FUEL_L_PER_100KM, DEFAULT_YEARLY_KM, yearlyCost, type YearlyCost } from './costs.ts';
import { DEFAULT_PRICES, type Prices } from './prices.ts';
import { rankCandidates, type Candidate, type Reason, type Scored } from './recommend.ts';
import { DEFAULT_REGION, REGIONS, type RegionId } from './regions.ts';
import { testDrives, type TestDrive } from './test-drives.ts';

export interface PlanOption {
  vehicleId: string;
  reasons: Reason[];
  winter: CommuteFigures;
  /** The same winter commute with battery and cabin warmed on the charger (home or work charging). */
  winterPreconditioned: CommuteFigures | null;
  summer: CommuteFigures;
  /** Highway range at 110 km/h in the customer's winter, full to 10 %. */
  winterTripKm: number;
  charging: ChargingPlan;
  cost: YearlyCost;
  testDrives: TestDrive[];
}

export interface Plan {
  region: RegionId;
  dailyKm: number;
  /** Answers the plan had to assume because they were skipped. */
  assumed: ('region' | 'dailyKm' | 'yearlyKm' | 'fuelLPer100km')[];
  recommended: PlanOption;
  alternative: PlanOption | null;
}

/** A Chinese urban commute: about 20 km each way. */
export const DEFAULT_DAILY_KM = 40;
const DRIVING_DAYS_PER_YEAR = 300;
/** Two trims are "close" when their scores differ by less than this. */
const CLOSE_SCORE = 0.35;

export function buildPlan(answers: Answers, lineup: readonly VehicleSpec[], prices: Prices = DEFAULT_PRICES): Plan {
  if (lineup.length === 0) throw new RangeError('the line-up is empty');
  const assumed: Plan['assumed'] = [];
  const region = answers.region ?? (assumed.push('region'), DEFAULT_REGION);
  const dailyKm = answers.dailyKm ?? (assumed.push('dailyKm'), DEFAULT_DAILY_KM);
  const yearlyKm = answers.yearlyKm ?? (assumed.push('yearlyKm'), Math.max(DEFAULT_YEARLY_KM, dailyKm * 300));
  const fuel = answers.fuelLPer100km ?? (assumed.push('fuelLPer100km'), DEFAULT_FUEL_L_PER_100KM);
  const { winterC, summerC } = REGIONS[region];
  const midC = (winterC + summerC) / 2;

  const figures = new Map<string, { winter: CommuteFigures; summer: CommuteFigures; yearlyWall: number; candidate: Candidate }>();
  for (const vehicle of lineup) {
    const winter = commuteFigures(vehicle, winterC, dailyKm);
    const summer = commuteFigures(vehicle, summerC, dailyKm);
    const mid = commuteFigures(vehicle, midC, dailyKm);
    const yearlyWall = (winter.wallKwhPer100km + summer.wallKwhPer100km + 2 * mid.wallKwhPer100km) / 4;
    const candidate = { vehicle, winterTripKm: tripRangeKm(vehicle, winterC), yearlyWallKwhPer100km: yearlyWall };
    figures.set(vehicle.id, { winter, summer, yearlyWall, candidate });
  }
  const ranked = rankCandidates(answers, winterC, [...figures.values()].map((f) => f.candidate));
  const best = ranked[0]!;

  const option = (s: Scored): PlanOption => {
    const f = figures.get(s.vehicle.id)!;
    // Ride-hailing drivers say 30 km a day and 60 000 km a year: charge for whichever is more.
    const drivenPerDayKm = Math.max(dailyKm, yearlyKm / DRIVING_DAYS_PER_YEAR);
    const charging = chargingPlan(answers, s.vehicle, (f.yearlyWall / 100) * drivenPerDayKm);
    const canPrecondition = answers.homeCharging === 'wallbox' || answers.homeCharging === 'socket' || answers.workCharging === true;
    return {
      vehicleId: s.vehicle.id,
      reasons: s.reasons,
      winter: f.winter,
      winterPreconditioned: canPrecondition ? commuteFigures(s.vehicle, winterC, dailyKm, true) : null,
      summer: f.summer,
      winterTripKm: f.candidate.winterTripKm,
      charging,
      cost: yearlyCost(yearlyKm, fuel, f.yearlyWall, charging, prices),
      testDrives: testDrives(answers, s.vehicle, winterC),
    };
  };
  const second = secondOption(answers, winterC, ranked, [...figures.values()].map((f) => f.candidate));
  return { region, dailyKm, assumed, recommended: option(best), alternative: second ? option(second) : null };
}

/** A second trim when two are close, or one within budget when the answers contradict each other. */
function secondOption(answers: Answers, winterC: number, ranked: Scored[], candidates: Candidate[]): Scored | undefined {
  const [best, runnerUp] = ranked as [Scored, Scored | undefined];
  if (runnerUp && best.score - runnerUp.score < CLOSE_SCORE) return runnerUp;
  const budget = answers.budgetCny;
  // Seven seats on a five-seat budget: offer the best trim the budget buys.
  if (budget !== undefined && (best.vehicle.priceCny ?? 0) > budget) {
    return rankCandidates({ ...answers, sevenSeats: false }, winterC, candidates).find(
      (s) => (s.vehicle.priceCny ?? 0) <= budget && s.vehicle.id !== best.vehicle.id,
    );
  }
  return undefined;
}
