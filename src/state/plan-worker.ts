/// <reference lib="webworker" />
/**
 * `buildPlan` off the main thread: it runs some thirty simulations (about 50 ms), and price
 * edits on the plan screen ask for a new plan on every tap.
 */
import { AnswersSchema, buildPlan, PricesSchema } from '../plan/index.ts';
import { parseVehicle } from '../sim/index.ts';
import { toFailure } from './failure.ts';
import type { PlanEnvelope, PlanReply } from './plan-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PlanEnvelope>) => {
  const { seq, request } = event.data;
  let reply: PlanReply;
  try {
    const lineup = request.vehicles.map((v) => parseVehicle(v.raw, v.source));
    const plan = buildPlan(AnswersSchema.parse(request.answers), lineup, PricesSchema.parse(request.prices));
    reply = { seq, ok: true, plan };
  } catch (error) {
    reply = { seq, ok: false, failure: toFailure(error) };
  }
  scope.postMessage(reply);
};
