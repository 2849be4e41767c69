/** The slice of `Worker` the client uses, so tests can pass a fake. */
export interface WorkerPort<Msg, Reply> {
  postMessage(message: Msg): void;
  onmessage: ((event: { data: Reply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

export interface CoalescedReply<Reply> {
  reply: Reply;
  /** True when no newer request was submitted after this one. */
  latest: boolean;
}

export interface CoalescingClient<Req> {
  /** Queues a request and returns its sequence number. */
  submit(request: Req): number;
  dispose(): void;
}

/**
 * A typed request/reply channel to a worker that keeps at most one request in flight and one
 * waiting. Submitting while busy replaces the waiting request: when a slider produces 60
 * requests a second, only the newest is computed next, never a backlog. Every reply is
 * delivered with its sequence number and whether it is still the latest, so the UI can show an
 * intermediate result while it waits for the final one.
 */
export function createCoalescingClient<Req, Reply extends { seq: number }>(
  port: WorkerPort<{ seq: number; request: Req }, Reply>,
  onReply: (r: CoalescedReply<Reply>) => void,
  onCrash: (seq: number, message: string) => void,
): CoalescingClient<Req> {
  let lastSeq = 0;
  let inFlight: number | null = null;
  let waiting: { seq: number; request: Req } | null = null;

  const send = (envelope: { seq: number; request: Req }) => {
    inFlight = envelope.seq;
    port.postMessage(envelope);
  };

  const next = () => {
    inFlight = null;
    if (waiting) {
      const w = waiting;
      waiting = null;
      send(w);
    }
  };

  port.onmessage = (event) => {
    const reply = event.data;
    next();
    onReply({ reply, latest: reply.seq === lastSeq });
  };
  port.onerror = (event) => {
    // The worker script failed (a load or uncaught error): report it against the newest request.
    const seq = lastSeq;
    next();
    onCrash(seq, event.message ?? 'worker error');
  };

  return {
    submit(request) {
      lastSeq += 1;
      const envelope = { seq: lastSeq, request };
      if (inFlight === null) send(envelope);
      else waiting = envelope;
      return lastSeq;
    },
    dispose() {
      port.onmessage = null;
      port.onerror = null;
      port.terminate();
    },
  };
}
