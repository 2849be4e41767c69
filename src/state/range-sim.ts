import { createCoalescingClient, type CoalescingClient, type WorkerPort } from './coalescing-client.ts';
import { useAdviceStore } from './advice-store.ts';
import { useCompareStore } from './compare-store.ts';
import { useCurveStore } from './curve-store.ts';
import { useRangeStore } from './range-store.ts';
import type {
  AdviceEnvelope,
  AdviceReply,
  AdviceRequest,
  CompareEnvelope,
  CompareReply,
  CompareRequest,
  CurveEnvelope,
  CurveReply,
  CurveRequest,
  SimEnvelope,
  SimReply,
  SimRequest,
} from './sim-protocol.ts';

let rangeClient: CoalescingClient<SimRequest> | null = null;
let curveClient: CoalescingClient<CurveRequest> | null = null;
let adviceClient: CoalescingClient<AdviceRequest> | null = null;
let compareClient: CoalescingClient<CompareRequest> | null = null;

function getCompareClient(): CoalescingClient<CompareRequest> {
  if (!compareClient) {
    const worker = new Worker(new URL('./sim-compare.worker.ts', import.meta.url), { type: 'module' });
    compareClient = createCoalescingClient<CompareRequest, CompareReply>(
      worker as unknown as WorkerPort<CompareEnvelope, CompareReply>,
      ({ reply }) => useCompareStore.getState().receive(reply),
      (seq, message) =>
        useCompareStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return compareClient;
}

/** Asks the compare worker for every column's result (coalesced the same way). */
export function requestCompare(request: CompareRequest): void {
  const seq = getCompareClient().submit(request);
  useCompareStore.getState().requested(seq);
}

function getAdviceClient(): CoalescingClient<AdviceRequest> {
  if (!adviceClient) {
    const worker = new Worker(new URL('./sim-advice.worker.ts', import.meta.url), { type: 'module' });
    adviceClient = createCoalescingClient<AdviceRequest, AdviceReply>(
      worker as unknown as WorkerPort<AdviceEnvelope, AdviceReply>,
      ({ reply }) => useAdviceStore.getState().receive(reply),
      (seq, message) =>
        useAdviceStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return adviceClient;
}

function getRangeClient(): CoalescingClient<SimRequest> {
  if (!rangeClient) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    rangeClient = createCoalescingClient<SimRequest, SimReply>(
      worker as unknown as WorkerPort<SimEnvelope, SimReply>,
      ({ reply }) => useRangeStore.getState().receive(reply),
      (seq, message) =>
        useRangeStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return rangeClient;
}

function getCurveClient(): CoalescingClient<CurveRequest> {
  if (!curveClient) {
    const worker = new Worker(new URL('./curve.worker.ts', import.meta.url), { type: 'module' });
    curveClient = createCoalescingClient<CurveRequest, CurveReply>(
      worker as unknown as WorkerPort<CurveEnvelope, CurveReply>,
      ({ reply }) => useCurveStore.getState().receive(reply),
      (seq, message) =>
        useCurveStore.getState().receive({ seq, ok: false, failure: { kind: 'sim', message } }),
    );
  }
  return curveClient;
}

/**
 * Asks the simulator worker for a range; the result lands in the range store. Call it as often
 * as the inputs change: requests are coalesced, only the newest waiting one is computed.
 */
export function requestRange(request: SimRequest): void {
  const seq = getRangeClient().submit(request);
  useRangeStore.getState().requested(seq);
}

/** Asks the curve worker for a range-versus-temperature curve (coalesced the same way). */
export function requestCurve(request: CurveRequest): void {
  const seq = getCurveClient().submit(request);
  useCurveStore.getState().requested(seq);
}

/** Asks the advice worker what each change would give back (coalesced the same way). */
export function requestAdvice(request: AdviceRequest): void {
  const seq = getAdviceClient().submit(request);
  useAdviceStore.getState().requested(seq);
}
