import { create } from 'zustand';
import { onSessionReset } from './session-reset.ts';
import { acceptReply } from './reply-order.ts';
import type { BreakdownKey, CurveReply } from './sim-protocol.ts';

export interface RangeCurve {
  ambientC: number[];
  rangeKm: number[];
  /** The energy breakdown of the same drive on a mild day, kWh/100 km. */
  referenceBreakdownKwhPer100km: Record<BreakdownKey, number>;
}

interface CurveState {
  curve: RangeCurve | null;
  /** True while a curve for newer settings is being computed (the old one is shown faded). */
  stale: boolean;
  failed: boolean;
  requestedSeq: number;
  shownSeq: number;
  requested: (seq: number) => void;
  receive: (reply: CurveReply) => void;
  reset: () => void;
}

/**
 * The range-versus-temperature curve for the current trim, preset and climate setting. It does
 * not depend on the slider, so dragging only moves the marker along it.
 */
export const useCurveStore = create<CurveState>()((set, get) => ({
  curve: null,
  stale: false,
  failed: false,
  requestedSeq: 0,
  shownSeq: 0,
  requested: (seq) => set({ requestedSeq: Math.max(seq, get().requestedSeq), stale: true }),
  receive: (reply) => {
    const order = acceptReply(get(), reply.seq);
    if (!order) return;
    set({
      ...order,
      ...(reply.ok
        ? {
            curve: {
              ambientC: reply.ambientC,
              rangeKm: reply.rangeKm,
              referenceBreakdownKwhPer100km: reply.referenceBreakdownKwhPer100km,
            },
            failed: false,
          }
        : { curve: null, failed: true }),
    });
  },
  reset: () =>
    set({ curve: null, stale: false, failed: false, shownSeq: get().requestedSeq }),
}));

onSessionReset(() => useCurveStore.getState().reset());
