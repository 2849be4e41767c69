/**
 * Which trim fits: hard needs first (seven seats), then a weighted score over what the answers say
 * matters. Every score term that tips the balance becomes a reason the kiosk can show.
 */
import type { VehicleSpec } from '../sim/index.ts';
import type { Answers } from './answers-schema.ts';

export type ReasonCode =
  | 'seven-seats'
  | 'family-space'
  | 'within-budget'
  | 'over-budget'
  | 'long-trip-in-winter'
  | 'cold-region-heat-pump'
  | 'v2l-camping'
  | 'efficient-for-ride-hailing'
  | 'lfp-cycle-life'
  | 'performance'
  | 'comfort'
  | 'lowest-running-cost'
  | 'range-without-home-charging'
  | 'best-value';

export interface Reason {
  code: ReasonCode;
  /** Numbers the message shows (km, CNY, kW). */
  values?: Record<string, number>;
}

/** What the plan knows about one trim in this customer's conditions. */
export interface Candidate {
  vehicle: VehicleSpec;
  /** Highway range in the customer's winter, km. */
  winterTripKm: number;
  /** Commute consumption averaged over the year, wall-plug kWh/100 km. */
  yearlyWallKwhPer100km: number;
}

export interface Scored {
  vehicle: VehicleSpec;
  score: number;
  reasons: Reason[];
}

const PRIORITY_WEIGHTS = [1, 0.6, 0.35, 0.2];

export function rankCandidates(answers: Answers, winterC: number, candidates: Candidate[]): Scored[] {
  const needSeven = answers.sevenSeats === true;
  const pool = needSeven && candidates.some((c) => (c.vehicle.seats ?? 5) >= 7) ? candidates.filter((c) => (c.vehicle.seats ?? 5) >= 7) : candidates;
  const cheapest = Math.min(...pool.map((c) => c.vehicle.priceCny ?? Infinity));
  const mostEfficient = Math.min(...pool.map((c) => c.yearlyWallKwhPer100km));
  const priority = (p: string) => {
    const i = answers.priorities?.indexOf(p as never) ?? -1;
    return i < 0 ? 0 : PRIORITY_WEIGHTS[i]!;
  };

  return pool
    .map((c) => {
      const v = c.vehicle;
      const price = v.priceCny ?? 0;
      const terms: { score: number; reason?: Reason }[] = [];
      if (needSeven && (v.seats ?? 5) >= 7) terms.push({ score: 1, reason: { code: 'seven-seats', values: { seats: v.seats ?? 7 } } });
      if (answers.children && !needSeven && v.bodyStyle === 'suv') terms.push({ score: 0.3, reason: { code: 'family-space' } });
      if (answers.budgetCny !== undefined && v.priceCny !== undefined) {
        const over = (price - answers.budgetCny) / answers.budgetCny;
        terms.push(over > 0 ? { score: -3 * over - 0.5, reason: { code: 'over-budget', values: { overCny: price - answers.budgetCny } } } : { score: 0.3, reason: { code: 'within-budget', values: { priceCny: price } } });
      }
      if (answers.longestTripKm) {
        const ratio = Math.min(1.3, c.winterTripKm / answers.longestTripKm);
        terms.push({ score: ratio >= 1 ? 0.6 + 0.5 * (ratio - 1) : ratio - 1, reason: ratio >= 1 ? { code: 'long-trip-in-winter', values: { rangeKm: c.winterTripKm, tripKm: answers.longestTripKm } } : undefined });
      }
      if (winterC <= -10 && v.hvac.heatPump) terms.push({ score: 0.25, reason: { code: 'cold-region-heat-pump', values: { winterC } } });
      if (answers.camping && (v.v2lKw ?? 0) > 0) terms.push({ score: 0.1 * (v.v2lKw ?? 0), reason: { code: 'v2l-camping', values: { kw: v.v2lKw! } } });
      if (answers.rideHailing) {
        terms.push({ score: 2 * (mostEfficient / c.yearlyWallKwhPer100km - 1) + 0.3, reason: { code: 'efficient-for-ride-hailing', values: { kwhPer100km: c.yearlyWallKwhPer100km } } });
        if (v.battery.chemistry === 'LFP') terms.push({ score: 0.4, reason: { code: 'lfp-cycle-life' } });
      }
      const noHomeCharging = answers.homeCharging === 'none' && !answers.workCharging;
      if (noHomeCharging) terms.push({ score: c.winterTripKm / 400 - 0.5, reason: { code: 'range-without-home-charging', values: { rangeKm: c.winterTripKm } } });
      terms.push({ score: priority('technology') * (v.drivetrain.motorPeakKw / 300), reason: priority('technology') > 0 && v.drivetrain.motorPeakKw >= 300 ? { code: 'performance', values: { kw: v.drivetrain.motorPeakKw } } : undefined });
      terms.push({ score: priority('comfort') * ((v.seats ?? 5) >= 7 || v.drivetrain.drive === 'AWD' ? 0.5 : 0), reason: priority('comfort') > 0 && ((v.seats ?? 5) >= 7 || v.drivetrain.drive === 'AWD') ? { code: 'comfort' } : undefined });
      terms.push({ score: priority('safety') * (v.drivetrain.drive === 'AWD' ? 0.3 : 0) });
      const costWeight = priority('cost') + (answers.budgetCny === undefined ? 0 : 0.2);
      terms.push({ score: costWeight * (cheapest / Math.max(price, 1) - 1) * 2 + priority('cost') * (mostEfficient / c.yearlyWallKwhPer100km - 1), reason: priority('cost') >= 0.6 && c.yearlyWallKwhPer100km === mostEfficient ? { code: 'lowest-running-cost', values: { kwhPer100km: c.yearlyWallKwhPer100km } } : undefined });
      const score = terms.reduce((a, t) => a + t.score, 0);
      const reasons = terms
        .filter((t): t is { score: number; reason: Reason } => t.reason !== undefined && (t.score > 0 || t.reason.code === 'over-budget'))
        .sort((a, b) => b.score - a.score)
        .map((t) => t.reason);
      if (reasons.length === 0 && price === cheapest) reasons.push({ code: 'best-value', values: { priceCny: price } });
      return { vehicle: v, score, reasons };
    })
    .sort((a, b) => b.score - a.score || (a.vehicle.priceCny ?? 0) - (b.vehicle.priceCny ?? 0));
}
