/**
 * Messages between the needs screen and the plan worker (`plan-worker.ts`). The line-up travels
 * as the raw vehicle bundles; the worker parses them with the simulator's parser, like the range
 * worker does, and validates answers and prices with the plan's own schemas.
 */
import type { Answers, Plan, Prices } from '../plan/index.ts';
import type { SimFailure } from './sim-protocol.ts';

export interface PlanRequest {
  answers: Answers;
  vehicles: { raw: unknown; source: string }[];
  prices: Prices;
}

export type PlanReply = { seq: number; ok: true; plan: Plan } | { seq: number; ok: false; failure: SimFailure };

export interface PlanEnvelope {
  seq: number;
  request: PlanRequest;
}
