import { create } from 'zustand';
import { decodeAnswers, type Answers, type Plan, type Prices } from '../plan/index.ts';
import type { PlanReply } from './plan-protocol.ts';
import { onSessionReset } from './session-reset.ts';
import { useStoreSettings } from './settings-store.ts';
import type { SimFailure } from './sim-protocol.ts';

/** Questionnaire, the plan, or a share link that could not be read. */
export type NeedsPhase = 'questions' | 'plan' | 'link-error';

interface PlanInputs {
  answers: Answers;
  /** Index of the question card shown. */
  step: number;
  phase: NeedsPhase;
  /** Kiosk questionnaire, or a plan opened from a share link (a phone). */
  origin: 'kiosk' | 'link';
  prices: Prices;
}

interface PlanResult {
  plan: Plan | null;
  /** The answers (as a share token) the shown plan was computed for. */
  planKey: string | null;
  /** Answers key of each request in flight, by sequence number. */
  pendingKeys: Record<number, string>;
  failure: SimFailure | null;
  computing: boolean;
  requestedSeq: number;
  shownSeq: number;
}

interface PlanState extends PlanInputs, PlanResult {
  /** Sets answers; `undefined` values remove the answer (skipped). */
  setAnswers: (patch: Partial<Answers>) => void;
  /** Replaces all answers (a card's skip or confirm). */
  replaceAnswers: (answers: Answers) => void;
  goTo: (step: number) => void;
  /** Shows the plan for the current answers. */
  showPlan: () => void;
  /** Back from the plan to the questions, answers kept. */
  editAnswers: () => void;
  setPrices: (prices: Prices) => void;
  /** Opens a share token (`#/plan?a=<token>`): its plan, or a link error. */
  openLink: (token: string) => void;
  requested: (seq: number, answersKey: string) => void;
  receive: (reply: PlanReply) => void;
  reset: () => void;
}

/** The store's prices (store settings): where every customer's cost comparison starts. */
export const storePrices = (): Prices => useStoreSettings.getState().settings.prices;

const INITIAL: Omit<PlanInputs, 'prices'> & Omit<PlanResult, 'requestedSeq' | 'shownSeq'> = {
  answers: {},
  step: 0,
  phase: 'questions',
  origin: 'kiosk',
  plan: null,
  planKey: null,
  pendingKeys: {},
  failure: null,
  computing: false,
};

/** Drops keys whose value is undefined, so a skipped answer is absent (what the schema means). */
export function withoutUndefined(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Answers;
}

/**
 * The needs diagnosis: answers as the customer gives them, prices as edited, and the newest plan
 * the worker computed. An older reply never replaces a newer one.
 */
export const usePlanStore = create<PlanState>()((set, get) => ({
  ...INITIAL,
  prices: storePrices(),
  requestedSeq: 0,
  shownSeq: 0,
  setAnswers: (patch) => set({ answers: withoutUndefined({ ...get().answers, ...patch }) }),
  replaceAnswers: (answers) => set({ answers: withoutUndefined(answers) }),
  goTo: (step) => set({ step: Math.max(0, step) }),
  showPlan: () => set({ phase: 'plan' }),
  editAnswers: () => set({ phase: 'questions', origin: 'kiosk' }),
  setPrices: (prices) => set({ prices }),
  openLink: (token) => {
    const answers = decodeAnswers(token);
    set(answers ? { ...INITIAL, prices: storePrices(), answers, phase: 'plan', origin: 'link' } : { ...INITIAL, prices: storePrices(), phase: 'link-error', origin: 'link' });
  },
  requested: (seq, answersKey) =>
    set({ requestedSeq: Math.max(seq, get().requestedSeq), computing: true, pendingKeys: { ...get().pendingKeys, [seq]: answersKey } }),
  receive: (reply) => {
    const { shownSeq, requestedSeq, pendingKeys } = get();
    const key = pendingKeys[reply.seq] ?? null;
    const rest = Object.fromEntries(Object.entries(pendingKeys).filter(([seq]) => Number(seq) > reply.seq));
    if (reply.seq <= shownSeq) return set({ pendingKeys: rest });
    set({
      shownSeq: reply.seq,
      computing: reply.seq < requestedSeq,
      pendingKeys: rest,
      ...(reply.ok ? { plan: reply.plan, planKey: key, failure: null } : { failure: reply.failure, planKey: key }),
    });
  },
  // Sequence numbers keep counting across resets so a late reply cannot bring back a plan.
  reset: () => set({ ...INITIAL, prices: storePrices(), shownSeq: get().requestedSeq }),
}));

onSessionReset(() => usePlanStore.getState().reset());

// New store prices (the settings arrived after the start) replace the old ones unless the customer changed them.
useStoreSettings.subscribe((s, prev) => {
  if (s.settings.prices === prev.settings.prices) return;
  const current = usePlanStore.getState().prices;
  const untouched = (Object.keys(current) as (keyof Prices)[]).every((k) => current[k] === prev.settings.prices[k]);
  if (untouched) usePlanStore.getState().setPrices(s.settings.prices);
});
