/**
 * Rep mode's sign-in: a rep or manager token checked against the lead server (`GET /api/me`).
 * The token is kept in sessionStorage, so a reload keeps the rep signed in while closing the
 * browser forgets it; the kiosk's idle reset signs out, so the next customer never finds the
 * lead list open. Kiosk tokens are refused: they may only create leads.
 */
import { create } from 'zustand';
import { ApiError, createLeadApi, type LeadApi } from '../leads/api-client.ts';
import { onSessionReset } from './session-reset.ts';

export const REP_TOKEN_KEY = 'showroom-twin.rep-token';

export type RepRole = 'rep' | 'manager';
export type SignInProblem = 'empty' | 'refused' | 'kiosk-token' | 'unreachable';

interface RepSessionState {
  token: string | null;
  role: RepRole | null;
  /** The store a token is bound to; null for a manager of every store. */
  storeId: string | null;
  status: 'signed-out' | 'checking' | 'signed-in';
  problem: SignInProblem | null;
  signIn: (token: string) => Promise<boolean>;
  /** Signs in again with the token kept in sessionStorage, if any (after a reload). */
  restore: () => Promise<void>;
  signOut: () => void;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage disabled: the rep signs in again after a reload
  }
}

export const useRepSession = create<RepSessionState>()((set, get) => ({
  token: null,
  role: null,
  storeId: null,
  status: 'signed-out',
  problem: null,

  async signIn(raw) {
    const token = raw.trim();
    if (!token) {
      set({ problem: 'empty' });
      return false;
    }
    set({ status: 'checking', problem: null });
    try {
      const me = await createLeadApi({ token: () => token }).me();
      if (me.role === 'kiosk') {
        set({ status: 'signed-out', problem: 'kiosk-token' });
        return false;
      }
      storage()?.setItem(REP_TOKEN_KEY, token);
      set({ token, role: me.role, storeId: me.storeId, status: 'signed-in', problem: null });
      return true;
    } catch (e) {
      const refused = e instanceof ApiError && (e.status === 401 || e.status === 403);
      if (refused) storage()?.removeItem(REP_TOKEN_KEY);
      set({ status: 'signed-out', token: null, role: null, storeId: null, problem: refused ? 'refused' : 'unreachable' });
      return false;
    }
  },

  async restore() {
    const saved = storage()?.getItem(REP_TOKEN_KEY);
    if (saved && get().status === 'signed-out') await get().signIn(saved);
  },

  signOut() {
    storage()?.removeItem(REP_TOKEN_KEY);
    set({ token: null, role: null, storeId: null, status: 'signed-out', problem: null });
  },
}));

/** The API as the signed-in rep; a call after sign-out goes without a token and gets a 401. */
export const repApi: LeadApi = createLeadApi({ token: () => useRepSession.getState().token });

onSessionReset(() => useRepSession.getState().signOut());
