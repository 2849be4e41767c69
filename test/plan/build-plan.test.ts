import { describe, expect, it } from 'vitest';
import { buildPlan, DEFAULT_DAILY_KM, REGIONS, type Answers } from '../../src/plan/index.ts';
import { commuteScenario } from '../../src/plan/commute.ts';
import { simulate } from '../../src/sim/index.ts';
import { lineup } from './helpers.ts';

const cars = lineup();
const byId = (id: string) => cars.find((c) => c.id === id)!;

describe('buildPlan', () => {
  it('a Harbin family with seven seats and camping gets a seven-seat SUV with V2L and a winter demo', () => {
    const answers: Answers = { dailyKm: 60, longestTripKm: 350, homeCharging: 'wallbox', region: 'harbin', children: true, sevenSeats: true, camping: true, budgetCny: 320_000, priorities: ['safety', 'comfort'] };
    const plan = buildPlan(answers, cars);
    const rec = plan.recommended;
    expect(byId(rec.vehicleId).seats).toBe(7);
    expect(rec.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['seven-seats', 'v2l-camping', 'within-budget']));
    expect(rec.testDrives).toEqual(expect.arrayContaining(['child-seat-fit', 'third-row', 'v2l-camping', 'winter-range-demo']));
    expect(rec.charging.mode).toBe('home-wallbox');
    expect(rec.charging.offPeak).toBe(true);
    expect(rec.winterPreconditioned!.rangeKm).toBeGreaterThan(rec.winter.rangeKm);
    expect(rec.summer.rangeKm).toBeGreaterThan(rec.winter.rangeKm);
  });

  it("the winter commute range is the simulator's figure for that commute in that region", () => {
    const plan = buildPlan({ dailyKm: 50, region: 'beijing' }, cars);
    const vehicle = byId(plan.recommended.vehicleId);
    const leg = simulate(vehicle, commuteScenario(REGIONS.beijing.winterC, 25), { distanceKm: 25 });
    expect(plan.recommended.winter.ambientC).toBe(REGIONS.beijing.winterC);
    expect(plan.recommended.winter.rangeKm).toBeCloseTo(leg.energy.usableKwhAtEnd / (leg.batteryKwhPer100km / 100), 9);
    expect(plan.recommended.winter.daysBetweenCharges).toBe(Math.floor((leg.energy.usableKwhAtEnd * 0.8) / ((leg.batteryKwhPer100km / 100) * 50)));
  });

  it('skipped answers fall back to stated assumptions and still give a full plan', () => {
    const plan = buildPlan({}, cars);
    expect(plan.assumed).toEqual(['region', 'dailyKm', 'yearlyKm', 'fuelLPer100km']);
    expect(plan.dailyKm).toBe(DEFAULT_DAILY_KM);
    expect(plan.recommended.reasons.length).toBeGreaterThan(0);
    expect(plan.recommended.cost.savingCny).toBeGreaterThan(0);
  });

  it('contradictory answers (seven seats on a small budget) keep the hard need and offer one that fits the budget', () => {
    const cheapest = Math.min(...cars.map((c) => c.priceCny!));
    const plan = buildPlan({ sevenSeats: true, budgetCny: cheapest + 1000 }, cars);
    expect(byId(plan.recommended.vehicleId).seats).toBe(7);
    expect(plan.recommended.reasons.map((r) => r.code)).toContain('over-budget');
    expect(plan.alternative).not.toBeNull();
    expect(byId(plan.alternative!.vehicleId).priceCny).toBeLessThanOrEqual(cheapest + 1000);
  });

  it('stays within budget when a trim fits, and without home charging plans public DC sessions', () => {
    const plan = buildPlan({ budgetCny: 200_000, homeCharging: 'none', dailyKm: 40, region: 'guangzhou' }, cars);
    expect(byId(plan.recommended.vehicleId).priceCny).toBeLessThanOrEqual(200_000);
    expect(plan.recommended.charging.mode).toBe('public-dc');
    expect(plan.recommended.testDrives).toContain('fast-charging');
  });

  it('a ride-hailing driver gets the most efficient trim and charging sized to the yearly distance', () => {
    const plan = buildPlan({ rideHailing: true, dailyKm: 30, yearlyKm: 60_000, homeCharging: 'wallbox', region: 'chengdu' }, cars);
    const few = buildPlan({ rideHailing: true, dailyKm: 30, yearlyKm: 9_000, homeCharging: 'wallbox', region: 'chengdu' }, cars);
    expect(plan.recommended.reasons.map((r) => r.code)).toContain('efficient-for-ride-hailing');
    expect(plan.recommended.charging.sessionsPerWeek * plan.recommended.charging.sessionMinutes).toBeGreaterThan(
      few.recommended.charging.sessionsPerWeek * few.recommended.charging.sessionMinutes,
    );
  });

  it('costs follow the editable prices', () => {
    const answers: Answers = { dailyKm: 40, homeCharging: 'wallbox', yearlyKm: 15_000, fuelLPer100km: 8 };
    const cheap = buildPlan(answers, cars);
    const dear = buildPlan(answers, cars, { petrolCnyPerL: 7.6, homePeakCnyPerKwh: 1.2, homeOffPeakCnyPerKwh: 0.6, publicDcCnyPerKwh: 2, offPeakShare: 0.9 });
    expect(cheap.recommended.cost.fuelCny).toBeCloseTo(15_000 / 100 * 8 * 7.6, 6);
    expect(dear.recommended.cost.electricityCny).toBeGreaterThan(cheap.recommended.cost.electricityCny);
  });

  it('a colder region never gives a longer winter commute range for the same trim', () => {
    const harbin = buildPlan({ region: 'harbin', dailyKm: 40 }, cars);
    const shanghai = buildPlan({ region: 'shanghai', dailyKm: 40 }, [byId(harbin.recommended.vehicleId)]);
    expect(harbin.recommended.winter.rangeKm).toBeLessThan(shanghai.recommended.winter.rangeKm);
  });

  it('refuses an empty line-up', () => {
    expect(() => buildPlan({}, [])).toThrow(/empty/);
  });
});
