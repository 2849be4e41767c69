import { create } from 'zustand';
import { leadTags, type Answers, type LeadTags, type Plan, type PlanOption } from '../plan/index.ts';
import { onSessionReset } from './session-reset.ts';
import type { SessionEvent } from './session-events.ts';

type Scalar = string | number | boolean | null;

/**
 * What the lead keeps of the plan: flat scalars and lists, the shape the lead schema's `plan`
 * accepts (src/leads/lead-schema.ts). Whole kilometres and yuan: the rep reads it, the plan can
 * be rebuilt from the answers.
 */
export type PlanSummary = Record<string, Scalar | Scalar[]>;

/** The hand-over to the lead-capture form: nothing personal yet, contact comes from the form. */
export interface LeadDraft {
  answers: Answers;
  plan: PlanSummary;
  tags: LeadTags;
  events: SessionEvent[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? Math.round(x) : null);

export function planSummary(plan: Plan): PlanSummary {
  const r: PlanOption = plan.recommended;
  return {
    vehicleId: r.vehicleId,
    alternativeVehicleId: plan.alternative?.vehicleId ?? null,
    region: plan.region,
    dailyKm: plan.dailyKm,
    assumed: [...plan.assumed],
    reasons: r.reasons.map((x) => x.code),
    winterAmbientC: r.winter.ambientC,
    winterRangeKm: finite(r.winter.rangeKm),
    summerRangeKm: finite(r.summer.rangeKm),
    winterPreconditionedRangeKm: r.winterPreconditioned ? finite(r.winterPreconditioned.rangeKm) : null,
    winterDaysBetweenCharges: finite(r.winter.daysBetweenCharges),
    winterTripKm: finite(r.winterTripKm),
    chargingMode: r.charging.mode,
    chargingSessionsPerWeek: r.charging.sessionsPerWeek,
    fuelCnyPerYear: finite(r.cost.fuelCny),
    electricityCnyPerYear: finite(r.cost.electricityCny),
    savingCnyPerYear: finite(r.cost.savingCny),
    testDrives: [...r.testDrives],
  };
}

/** Answers, plan summary, tags from answers and session behaviour, and the events themselves. */
export function buildLeadDraft(answers: Answers, plan: Plan, events: readonly SessionEvent[]): LeadDraft {
  return {
    answers: { ...answers },
    plan: planSummary(plan),
    tags: leadTags(answers, events.map((e) => e.type)),
    events: [...events],
  };
}

interface LeadDraftState {
  draft: LeadDraft | null;
  keep: (draft: LeadDraft) => void;
  clear: () => void;
}

/**
 * The lead draft waiting for the lead-capture form (its own screen). Kept in memory for this
 * session only: it is dropped when the customer walks away, and nothing is sent from here.
 */
export const useLeadDraft = create<LeadDraftState>()((set) => ({
  draft: null,
  keep: (draft) => set({ draft }),
  clear: () => set({ draft: null }),
}));

onSessionReset(() => useLeadDraft.getState().clear());
