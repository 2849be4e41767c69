import { createCoalescingClient, type CoalescingClient, type WorkerPort } from './coalescing-client.ts';
import { useRangeStore } from './range-store.ts';
import type { SimEnvelope, SimReply, SimRequest } from './sim-protocol.ts';

let client: CoalescingClient<SimRequest> | null = null;

function getClient(): CoalescingClient<SimRequest> {
  if (!client) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    client = createCoalescingClient<SimRequest, SimReply>(
      worker as unknown as WorkerPort<SimEnvelope, SimReply>,
      ({ reply }) => useRangeStore.getState().receive(reply),
      (seq, message) =>
        useRangeStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return client;
}

/**
 * Asks the simulator worker for a range; the result lands in the range store. Call it as often
 * as the inputs change: requests are coalesced, only the newest waiting one is computed.
 */
export function requestRange(request: SimRequest): void {
  const seq = getClient().submit(request);
  useRangeStore.getState().requested(seq);
}
