import { beforeEach, describe, expect, it } from 'vitest';
import { currentOverrides, useRangeStore } from '../../src/state/range-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import type { RangeResult } from '../../src/state/sim-protocol.ts';

const result = (rangeKm: number): RangeResult => ({
  rangeKm,
  batteryKwhPer100km: 15,
  wallKwhPer100km: 16.5,
  breakdownKwhPer100km: {
    aero: 5, rolling: 4, grade: 0, inertia: 3, drivetrain: 1.5, battery: 0.5,
    climate: 2, batteryThermal: 0, auxiliaries: 0.5, regen: -1.5,
  },
});

describe('range store', () => {
  beforeEach(() => useRangeStore.getState().reset());

  it('takes over a preset temperature and climate setting', () => {
    useRangeStore.getState().selectPreset('harbin', { ambientC: -20, climateOn: true });
    expect(useRangeStore.getState()).toMatchObject({ presetId: 'harbin', ambientC: -20, climateOn: true });
  });

  it('shows a reply and stays computing while a newer request is pending', () => {
    const s = useRangeStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 1);
    s.requested(base + 2);
    s.receive({ seq: base + 1, ok: true, result: result(300) });
    expect(useRangeStore.getState()).toMatchObject({ computing: true });
    expect(useRangeStore.getState().result?.rangeKm).toBe(300);
    s.receive({ seq: base + 2, ok: true, result: result(280) });
    expect(useRangeStore.getState()).toMatchObject({ computing: false });
    expect(useRangeStore.getState().result?.rangeKm).toBe(280);
  });

  it('never lets an older reply replace a newer one', () => {
    const s = useRangeStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive({ seq: base + 2, ok: true, result: result(280) });
    s.receive({ seq: base + 1, ok: true, result: result(300) });
    expect(useRangeStore.getState().result?.rangeKm).toBe(280);
  });

  it('shows a failure and clears it with the next good result', () => {
    const s = useRangeStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 2);
    s.receive({ seq: base + 1, ok: false, failure: { kind: 'sim', message: 'x' } });
    expect(useRangeStore.getState().failure).toEqual({ kind: 'sim', message: 'x' });
    s.receive({ seq: base + 2, ok: true, result: result(280) });
    expect(useRangeStore.getState().failure).toBeNull();
  });

  it('is cleared by the kiosk session reset, and a late reply does not come back', () => {
    const s = useRangeStore.getState();
    s.selectVehicle('vela-s5-standard');
    s.setAmbientC(5);
    const seq = s.requestedSeq + 1;
    s.requested(seq);
    resetKioskSession();
    useRangeStore.getState().receive({ seq, ok: true, result: result(300) });
    expect(useRangeStore.getState()).toMatchObject({ vehicleId: null, ambientC: null, result: null });
  });

  it('takes over a preset drive and load, lets a control override one, and a new preset resets them', () => {
    const s = useRangeStore.getState();
    s.selectPreset('family', {
      ambientC: 26, climateOn: true, drive: { constantSpeedKmh: 110 }, setpointC: 24, seatHeating: false,
      people: 5, luggageKg: 100, preconditioned: false,
    });
    s.setLoad({ people: 2, drive: { cycle: 'WLTC' } });
    expect(currentOverrides(useRangeStore.getState())).toEqual({
      ambientC: 26, climateOn: true, drive: { cycle: 'WLTC' }, setpointC: 24, seatHeating: false,
      people: 2, luggageKg: 100, preconditioned: false,
    });
    s.selectPreset('harbin', { ambientC: -20, climateOn: true });
    expect(currentOverrides(useRangeStore.getState())).toEqual({ ambientC: -20, climateOn: true });
  });

  it('has no overrides before a preset is chosen', () => {
    expect(currentOverrides(useRangeStore.getState())).toBeNull();
  });
});
