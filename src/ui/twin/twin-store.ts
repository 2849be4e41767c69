import { create } from 'zustand';
import type { Answers } from '../../plan/answers-schema.ts';
import { recordEvent } from '../../state/session-events.ts';
import { onSessionReset } from '../../state/session-reset.ts';
import type { XrScenarioId } from '../../xr/scenarios.ts';
import type { CameraPreset, Hotspot, TwinView } from '../../twin/twin-schema';
import type { ViewAvailability } from '../../twin/part-names';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The pack shown at the simulated cell temperature of a scenario, at departure or after the drive. */
export interface PackThermal {
  presetId: string;
  phase: 'departure' | 'after';
}

interface TwinState {
  vehicleId: string | null;
  packThermal: PackThermal | null;
  /** Cell temperature the pack is tinted with, °C (null: no tint). */
  packTempC: number | null;
  setPackThermal: (t: PackThermal | null) => void;
  view: TwinView;
  paintHex: string | null;
  /** Camera request: a preset, bumped by `seq` so the same preset can be asked twice. */
  cameraRequest: { preset: CameraPreset; seq: number };
  selectedHotspot: Hotspot | null;
  /** Section plane position, 0 (rear bumper) .. 1 (front bumper). */
  section: number;
  status: LoadStatus;
  progress: number;
  error: string | null;
  firstFrame: boolean;
  availability: ViewAvailability[];
  contextLost: boolean;
  /** The range scenario the in-world panel starts with (a deep link's `scenario`), null: its own default. */
  xrScenario: XrScenarioId | null;
  /** The plan answers the commute scenario is computed from (a deep link's `a`), null: the plan store's. */
  planAnswers: Answers | null;
  /** Sets the XR scenario; answers are kept only with the commute. */
  setXrScenario: (id: XrScenarioId | null, answers?: Answers | null) => void;
  setVehicle: (id: string) => void;
  setView: (view: TwinView) => void;
  setPaint: (hex: string) => void;
  requestCamera: (preset: CameraPreset) => void;
  selectHotspot: (h: Hotspot | null) => void;
  setSection: (s: number) => void;
  patch: (p: Partial<TwinState>) => void;
}

/** Viewer state: discrete choices only; per-frame values live in refs (R3F pitfalls). */
export const useTwinStore = create<TwinState>()((set) => ({
  vehicleId: null,
  view: 'exterior',
  packThermal: null,
  packTempC: null,
  setPackThermal: (packThermal) => set(packThermal ? { packThermal, view: 'xray', selectedHotspot: null } : { packThermal, packTempC: null }),
  paintHex: null,
  cameraRequest: { preset: 'front34', seq: 0 },
  selectedHotspot: null,
  section: 0.55,
  status: 'idle',
  progress: 0,
  error: null,
  firstFrame: false,
  availability: [],
  contextLost: false,
  xrScenario: null,
  planAnswers: null,
  setXrScenario: (xrScenario, answers = null) => set({ xrScenario, planAnswers: xrScenario === 'commute' ? answers : null }),
  setVehicle: (vehicleId) => set({ vehicleId, status: 'loading', progress: 0, error: null, firstFrame: false, selectedHotspot: null, view: 'exterior', packThermal: null, packTempC: null }),
  setView: (view) => set({ view }),
  setPaint: (paintHex) => set({ paintHex }),
  requestCamera: (preset) => set((s) => ({ cameraRequest: { preset, seq: s.cameraRequest.seq + 1 }, selectedHotspot: null })),
  selectHotspot: (selectedHotspot) => set(selectedHotspot ? { selectedHotspot, view: selectedHotspot.view } : { selectedHotspot }),
  setSection: (section) => set({ section }),
  patch: (p) => set(p),
}));

// Looking inside the car (x-ray or the exploded pack) is a behaviour the sales team wants to know of.
useTwinStore.subscribe((s, prev) => {
  if (s.view !== prev.view && (s.view === 'xray' || s.view === 'exploded')) recordEvent('viewed-xray');
});

// The next customer starts from the panel's default scenario, without the last one's plan.
onSessionReset(() => useTwinStore.getState().setXrScenario(null));
