/**
 * What an XR session has chosen: the AR placement, the figures of the in-world panel's range scenario
 * (the scenario itself is the twin store's, which the deep link also carries), the VR seat and the
 * open hotspot card. Discrete state only (poses per frame live in refs
 * and plain objects); cleared when a session ends, so re-entering AR starts scanning again
 * (pmndrs/xr#490). The twin screen's own state (trim, view, paint) lives in the twin store and is
 * never cleared by XR.
 */
import { create } from 'zustand';
import { INITIAL_PLACEMENT, placementReducer, type PlacementEvent, type PlacementState } from './placement.ts';
import type { XrRange } from './xr-range.ts';

export type SeatId = 'stand' | 'driver' | 'rear' | 'frunk';

interface XrSessionState {
  placement: PlacementState;
  dispatch: (event: PlacementEvent) => void;
  /** The simulator's figures for the twin store's range scenario (`xrScenario`). */
  range: XrRange | null;
  setRange: (range: XrRange | null) => void;
  /** The seat preset the user is at; null once they teleported away from it. */
  seat: SeatId | null;
  setSeat: (seat: SeatId | null) => void;
  hotspotId: string | null;
  openHotspot: (id: string | null) => void;
  /** Back to the start of a session (placement and seat); the scenario choice stays. */
  endSession: () => void;
}

export const useXrSession = create<XrSessionState>()((set) => ({
  placement: INITIAL_PLACEMENT,
  dispatch: (event) => set((s) => {
    const placement = placementReducer(s.placement, event);
    return placement === s.placement ? s : { placement };
  }),
  range: null,
  setRange: (range) => set({ range }),
  seat: 'stand',
  setSeat: (seat) => set({ seat }),
  hotspotId: null,
  openHotspot: (hotspotId) => set({ hotspotId }),
  endSession: () => set({ placement: INITIAL_PLACEMENT, seat: 'stand', hotspotId: null }),
}));
