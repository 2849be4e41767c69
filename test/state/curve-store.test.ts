import { beforeEach, describe, expect, it } from 'vitest';
import { useCurveStore } from '../../src/state/curve-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';

describe('curve store', () => {
  beforeEach(() => useCurveStore.getState().reset());

  it('keeps showing the old curve, marked stale, until the newest arrives', () => {
    const s = useCurveStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 1);
    s.receive({ seq: base + 1, ok: true, ambientC: [-10, 0], rangeKm: [300, 350] });
    s.requested(base + 2);
    expect(useCurveStore.getState()).toMatchObject({ stale: true, curve: { rangeKm: [300, 350] } });
    s.receive({ seq: base + 2, ok: true, ambientC: [-10, 0], rangeKm: [320, 360] });
    expect(useCurveStore.getState()).toMatchObject({ stale: false, curve: { rangeKm: [320, 360] } });
  });

  it('ignores a reply older than the one shown', () => {
    const s = useCurveStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive({ seq: base + 2, ok: true, ambientC: [0], rangeKm: [1] });
    s.receive({ seq: base + 1, ok: true, ambientC: [0], rangeKm: [2] });
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
    s.receive({ seq: useCurveStore.getState().requestedSeq, ok: true, ambientC: [0], rangeKm: [1] });
    resetKioskSession();
    expect(useCurveStore.getState().curve).toBeNull();
  });
});
