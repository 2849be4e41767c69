/// <reference lib="webworker" />
/**
 * The simulator off the main thread: a full range run takes milliseconds, but a slider sends a
 * request per frame and the kiosk must never drop one. Parses with the simulator's own parsers.
 */
import { parseScenario } from '../scenario/index.ts';
import { parseVehicle, simulate } from '../sim/index.ts';
import { toFailure } from './failure.ts';
import type { SimEnvelope, SimReply } from './sim-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SimEnvelope>) => {
  const { seq, request } = event.data;
  let reply: SimReply;
  try {
    const vehicle = parseVehicle(request.vehicle, request.vehicleSource);
    const scenario = parseScenario(request.scenario, request.scenarioSource);
    const r = simulate(vehicle, scenario);
    reply = {
      seq,
      ok: true,
      result: {
        rangeKm: r.rangeKm,
        batteryKwhPer100km: r.batteryKwhPer100km,
        wallKwhPer100km: r.wallKwhPer100km,
        breakdownKwhPer100km: { ...r.breakdownKwhPer100km },
      },
    };
  } catch (error) {
    reply = { seq, ok: false, failure: toFailure(error) };
  }
  scope.postMessage(reply);
};
