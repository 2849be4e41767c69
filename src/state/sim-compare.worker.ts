/// <reference lib="webworker" />
/** Compare columns in their own worker: up to three full range runs per request. */
import { parseScenario } from '../scenario/index.ts';
import { parseVehicle, simulate } from '../sim/index.ts';
import { toFailure } from './failure.ts';
import type { CompareEnvelope, CompareReply } from './sim-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CompareEnvelope>) => {
  const { seq, request } = event.data;
  let reply: CompareReply;
  try {
    const vehicle = parseVehicle(request.vehicle, request.vehicleSource);
    const results = request.scenarios.map(({ scenario, source }) => {
      const r = simulate(vehicle, parseScenario(scenario, source));
      return {
        rangeKm: r.rangeKm,
        batteryKwhPer100km: r.batteryKwhPer100km,
        wallKwhPer100km: r.wallKwhPer100km,
        breakdownKwhPer100km: { ...r.breakdownKwhPer100km },
      };
    });
    reply = { seq, ok: true, results };
  } catch (error) {
    reply = { seq, ok: false, failure: toFailure(error) };
  }
  scope.postMessage(reply);
};
