import { create } from 'zustand';
import { onSessionReset } from './session-reset.ts';
import { acceptReply } from './reply-order.ts';
import type { AdviceItem, AdviceReply, SimFailure } from './sim-protocol.ts';

interface AdviceState {
  advice: AdviceItem[] | null;
  failure: SimFailure | null;
  /** True while advice for newer settings is being computed (the old advice is shown faded). */
  stale: boolean;
  requestedSeq: number;
  shownSeq: number;
  requested: (seq: number) => void;
  receive: (reply: AdviceReply) => void;
  reset: () => void;
}

/** What-if advice for the scenario on screen. An older reply never replaces a newer one. */
export const useAdviceStore = create<AdviceState>()((set, get) => ({
  advice: null,
  failure: null,
  stale: false,
  requestedSeq: 0,
  shownSeq: 0,
  requested: (seq) => set({ requestedSeq: Math.max(seq, get().requestedSeq), stale: true }),
  receive: (reply) => {
    const order = acceptReply(get(), reply.seq);
    if (!order) return;
    set({
      ...order,
      ...(reply.ok ? { advice: reply.advice, failure: null } : { advice: null, failure: reply.failure }),
    });
  },
  // Sequence numbers keep counting across resets so a late reply cannot resurrect old advice.
  reset: () => set({ advice: null, failure: null, stale: false, shownSeq: get().requestedSeq }),
}));

onSessionReset(() => useAdviceStore.getState().reset());
