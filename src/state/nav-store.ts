import { create } from 'zustand';

export const HOME_SCREEN_ID = 'home';

interface NavState {
  screenId: string;
  go: (screenId: string) => void;
}

/** Which kiosk screen is shown. Screen ids come from `src/ui/screens.tsx`. */
export const useNavStore = create<NavState>()((set) => ({
  screenId: HOME_SCREEN_ID,
  go: (screenId) => set({ screenId }),
}));
