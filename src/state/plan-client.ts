import { encodeAnswers } from '../plan/index.ts';
import { createCoalescingClient, type CoalescingClient, type WorkerPort } from './coalescing-client.ts';
import type { PlanEnvelope, PlanReply, PlanRequest } from './plan-protocol.ts';
import { usePlanStore } from './plan-store.ts';

let client: CoalescingClient<PlanRequest> | null = null;

function getClient(): CoalescingClient<PlanRequest> {
  if (!client) {
    const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
    client = createCoalescingClient<PlanRequest, PlanReply>(
      worker as unknown as WorkerPort<PlanEnvelope, PlanReply>,
      ({ reply }) => usePlanStore.getState().receive(reply),
      (seq, message) => usePlanStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return client;
}

/**
 * Asks the plan worker for a plan; it lands in the plan store, tagged with the answers it was
 * computed for. Coalesced like the range requests: a burst of price edits computes the newest.
 */
export function requestPlan(request: PlanRequest): void {
  usePlanStore.getState().requested(getClient().submit(request), encodeAnswers(request.answers));
}
