/// <reference lib="webworker" />
/**
 * Range advice in its own worker: up to nine simulator runs per request, so the range worker
 * stays free for the slider while advice catches up.
 */
import { parseScenario } from '../scenario/index.ts';
import { parseVehicle, rangeAdvice } from '../sim/index.ts';
import { toFailure } from './failure.ts';
import type { AdviceEnvelope, AdviceReply } from './sim-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AdviceEnvelope>) => {
  const { seq, request } = event.data;
  let reply: AdviceReply;
  try {
    const vehicle = parseVehicle(request.vehicle, request.vehicleSource);
    const scenario = parseScenario(request.scenario, request.scenarioSource);
    reply = { seq, ok: true, advice: rangeAdvice(vehicle, scenario).map((a) => ({ ...a })) };
  } catch (error) {
    reply = { seq, ok: false, failure: toFailure(error) };
  }
  scope.postMessage(reply);
};
