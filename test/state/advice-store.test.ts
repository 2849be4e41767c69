import { beforeEach, describe, expect, it } from 'vitest';
import { useAdviceStore } from '../../src/state/advice-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import type { AdviceItem } from '../../src/state/sim-protocol.ts';

const item = (gainKm: number): AdviceItem => ({ kind: 'precondition', rangeKm: 300 + gainKm, gainKm, gainPct: gainKm / 3 });

describe('advice store', () => {
  beforeEach(() => useAdviceStore.getState().reset());

  it('shows a reply, stale while a newer request is pending, and never an older one over a newer', () => {
    const s = useAdviceStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 1);
    s.requested(base + 2);
    s.receive({ seq: base + 1, ok: true, advice: [item(10)] });
    expect(useAdviceStore.getState()).toMatchObject({ stale: true, advice: [item(10)] });
    s.receive({ seq: base + 2, ok: true, advice: [item(20)] });
    s.receive({ seq: base + 1, ok: true, advice: [item(10)] });
    expect(useAdviceStore.getState()).toMatchObject({ stale: false, advice: [item(20)] });
  });

  it('shows a failure and clears it with the next good reply', () => {
    const s = useAdviceStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive({ seq: base + 1, ok: false, failure: { kind: 'sim', message: 'x' } });
    expect(useAdviceStore.getState()).toMatchObject({ advice: null, failure: { kind: 'sim', message: 'x' } });
    s.receive({ seq: base + 2, ok: true, advice: [] });
    expect(useAdviceStore.getState()).toMatchObject({ advice: [], failure: null });
  });

  it('is cleared by the kiosk session reset, and a late reply does not come back', () => {
    const s = useAdviceStore.getState();
    const seq = s.requestedSeq + 1;
    s.requested(seq);
    resetKioskSession();
    useAdviceStore.getState().receive({ seq, ok: true, advice: [item(5)] });
    expect(useAdviceStore.getState().advice).toBeNull();
  });
});
