import { beforeEach, describe, expect, it } from 'vitest';
import { useCurveStore } from '../../src/state/curve-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';

const BREAKDOWN = {
  aero: 4, rolling: 3, grade: 0, inertia: 2, drivetrain: 1, battery: 0.3,
  climate: 0, batteryThermal: 0, auxiliaries: 0.3, regen: -1.5,
};
const ok = (seq: number, ambientC: number[], rangeKm: number[]) =>
  ({ seq, ok: true, ambientC, rangeKm, referenceBreakdownKwhPer100km: BREAKDOWN }) as const;

describe('curve store', () => {
  beforeEach(() => useCurveStore.getState().reset());

  it('keeps showing the old curve, marked stale, until the newest arrives', () => {
    const s = useCurveStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 1);
    s.receive(ok(base + 1, [-10, 0], [300, 350]));
    s.requested(base + 2);
    expect(useCurveStore.getState()).toMatchObject({ stale: true, curve: { rangeKm: [300, 350] } });
    s.receive(ok(base + 2, [-10, 0], [320, 360]));
    expect(useCurveStore.getState()).toMatchObject({ stale: false, curve: { rangeKm: [320, 360] } });
  });

  it('ignores a reply older than the one shown', () => {
    const s = useCurveStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive(ok(base + 2, [0], [1]));
    s.receive(ok(base + 1, [0], [2]));
    expect(useCurveStore.getState().curve?.rangeKm).toEqual([1]);
  });

  it('records a failure without a curve', () => {
    const s = useCurveStore.getState();
    s.requested(s.requestedSeq + 1);
    s.receive({ seq: useCurveStore.getState().requestedSeq, ok: false, failure: { kind: 'sim', message: 'x' } });
    expect(useCurveStore.getState()).toMatchObject({ failed: true, curve: null });
  });

  it('is cleared by the kiosk session reset', () => {
    const s = useCurveStore.getState();
    s.requested(s.requestedSeq + 1);
    s.receive(ok(useCurveStore.getState().requestedSeq, [0], [1]));
    resetKioskSession();
    expect(useCurveStore.getState().curve).toBeNull();
  });
});
