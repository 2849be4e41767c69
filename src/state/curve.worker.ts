/// <reference lib="webworker" />
/**
 * Range-versus-temperature curves, in their own worker: a winter city curve is a second of
 * work, and the range worker must stay free for the slider meanwhile.
 */
import { parseScenario } from '../scenario/index.ts';
import { parseVehicle, simulate } from '../sim/index.ts';
import { toFailure } from './failure.ts';
import type { CurveEnvelope, CurveReply } from './sim-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CurveEnvelope>) => {
  const { seq, request } = event.data;
  let reply: CurveReply;
  try {
    const vehicle = parseVehicle(request.vehicle, request.vehicleSource);
    const rangeKm = request.scenarios.map((s) => simulate(vehicle, parseScenario(s, request.scenarioSource)).rangeKm);
    const reference = simulate(vehicle, parseScenario(request.reference, request.scenarioSource));
    reply = {
      seq,
      ok: true,
      ambientC: request.ambientC,
      rangeKm,
      referenceBreakdownKwhPer100km: { ...reference.breakdownKwhPer100km },
    };
  } catch (error) {
    reply = { seq, ok: false, failure: toFailure(error) };
  }
  scope.postMessage(reply);
};
