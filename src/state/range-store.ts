import { create } from 'zustand';
import { onSessionReset } from './session-reset.ts';
import { acceptReply } from './reply-order.ts';
import type { DriveChoice, ScenarioOverrides } from './range-scenario.ts';
import type { RangeResult, SimFailure, SimReply } from './sim-protocol.ts';

/** Drive, cabin and load choices; null until a preset sets them. */
export interface LoadSettings {
  drive: DriveChoice | null;
  setpointC: number | null;
  seatHeating: boolean | null;
  people: number | null;
  luggageKg: number | null;
  preconditioned: boolean | null;
}

interface RangeSettings extends LoadSettings {
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
  /** Selects a preset and takes over all its settings (temperature, climate, drive, load). */
  selectPreset: (id: string, defaults: ScenarioOverrides) => void;
  /** A control moved: it overrides the preset until another preset is picked. */
  setLoad: (patch: Partial<{ [K in keyof LoadSettings]: NonNullable<LoadSettings[K]> }>) => void;
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
  drive: null,
  setpointC: null,
  seatHeating: null,
  people: null,
  luggageKg: null,
  preconditioned: null,
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
  selectPreset: (presetId, d) =>
    set({
      presetId,
      ambientC: d.ambientC,
      climateOn: d.climateOn,
      drive: d.drive ?? null,
      setpointC: d.setpointC ?? null,
      seatHeating: d.seatHeating ?? null,
      people: d.people ?? null,
      luggageKg: d.luggageKg ?? null,
      preconditioned: d.preconditioned ?? null,
    }),
  setLoad: (patch) => set(patch),
  setAmbientC: (ambientC) => set({ ambientC }),
  setClimateOn: (climateOn) => set({ climateOn }),
  requested: (seq) => set({ requestedSeq: Math.max(seq, get().requestedSeq), computing: true }),
  receive: (reply) => {
    const order = acceptReply(get(), reply.seq);
    if (!order) return;
    set({
      shownSeq: order.shownSeq,
      computing: order.stale,
      ...(reply.ok ? { result: reply.result, failure: null } : { failure: reply.failure }),
    });
  },
  // Sequence numbers keep counting across resets so a late reply cannot resurrect old state.
  reset: () => set({ ...INITIAL, requestedSeq: get().requestedSeq, shownSeq: get().requestedSeq }),
}));

/** The store's settings as scenario overrides (null when no preset was chosen yet). */
export function currentOverrides(s: RangeSettings): ScenarioOverrides | null {
  if (s.ambientC === null || s.climateOn === null) return null;
  return {
    ambientC: s.ambientC,
    climateOn: s.climateOn,
    ...(s.drive && { drive: s.drive }),
    ...(s.setpointC !== null && { setpointC: s.setpointC }),
    ...(s.seatHeating !== null && { seatHeating: s.seatHeating }),
    ...(s.people !== null && { people: s.people }),
    ...(s.luggageKg !== null && { luggageKg: s.luggageKg }),
    ...(s.preconditioned !== null && { preconditioned: s.preconditioned }),
  };
}

onSessionReset(() => useRangeStore.getState().reset());
