import { create } from 'zustand';
import { onSessionReset } from './session-reset.ts';
import type { RangeResult, SimFailure, SimReply } from './sim-protocol.ts';

interface RangeSettings {
  vehicleId: string | null;
  presetId: string | null;
  /** Ambient temperature chosen on the slider, °C. */
  ambientC: number | null;
  climateOn: boolean | null;
}

interface RangeState extends RangeSettings {
  result: RangeResult | null;
  failure: SimFailure | null;
  /** True while a newer request than the shown result is being computed. */
  computing: boolean;
  /** Sequence number of the newest request submitted and of the reply shown. */
  requestedSeq: number;
  shownSeq: number;
  selectVehicle: (id: string) => void;
  /** Selects a preset and takes over its temperature and climate setting. */
  selectPreset: (id: string, defaults: { ambientC: number; climateOn: boolean }) => void;
  setAmbientC: (ambientC: number) => void;
  setClimateOn: (on: boolean) => void;
  requested: (seq: number) => void;
  receive: (reply: SimReply) => void;
  reset: () => void;
}

const INITIAL: RangeSettings & Pick<RangeState, 'result' | 'failure' | 'computing' | 'requestedSeq' | 'shownSeq'> = {
  vehicleId: null,
  presetId: null,
  ambientC: null,
  climateOn: null,
  result: null,
  failure: null,
  computing: false,
  requestedSeq: 0,
  shownSeq: 0,
};

/**
 * Range lab settings and the latest simulator result. Replies can arrive out of date (the
 * slider moved on); an older reply never replaces a newer one.
 */
export const useRangeStore = create<RangeState>()((set, get) => ({
  ...INITIAL,
  selectVehicle: (vehicleId) => set({ vehicleId }),
  selectPreset: (presetId, defaults) => set({ presetId, ...defaults }),
  setAmbientC: (ambientC) => set({ ambientC }),
  setClimateOn: (climateOn) => set({ climateOn }),
  requested: (seq) => set({ requestedSeq: Math.max(seq, get().requestedSeq), computing: true }),
  receive: (reply) => {
    const { shownSeq, requestedSeq } = get();
    if (reply.seq <= shownSeq) return;
    set({
      shownSeq: reply.seq,
      computing: reply.seq < requestedSeq,
      ...(reply.ok ? { result: reply.result, failure: null } : { failure: reply.failure }),
    });
  },
  // Sequence numbers keep counting across resets so a late reply cannot resurrect old state.
  reset: () => set({ ...INITIAL, requestedSeq: get().requestedSeq, shownSeq: get().requestedSeq }),
}));

onSessionReset(() => useRangeStore.getState().reset());
