import { create } from 'zustand';

/**
 * Whether the kiosk shows attract mode: the car's headline facts and "touch to start", over the
 * screen the customer left (kept: a touch resumes there) or over a fresh home screen after a reset.
 */
interface KioskModeState {
  attract: boolean;
  enterAttract: () => void;
  leaveAttract: () => void;
}

export const useKioskMode = create<KioskModeState>()((set) => ({
  attract: false,
  enterAttract: () => set({ attract: true }),
  leaveAttract: () => set({ attract: false }),
}));
