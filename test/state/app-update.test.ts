import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUpdateState, startAppUpdates, storageReport, type RegisterSW } from '../../src/state/app-update.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';

/** A fake vite-plugin-pwa registerSW: the test plays the browser's part through `events`. */
function fakeRegister() {
  const applied: boolean[] = [];
  let events: Parameters<RegisterSW>[0] = {};
  const register: RegisterSW = (options) => {
    events = options;
    return async (reload) => {
      applied.push(reload ?? false);
    };
  };
  return { register, applied, events: () => events };
}

const swNavigator = { serviceWorker: {} } as unknown as Navigator;
let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
});

describe('kiosk updates', () => {
  it('applies a waiting version only at the next session reset, once', () => {
    const sw = fakeRegister();
    stops.push(startAppUpdates(sw.register, { nav: swNavigator }));
    resetKioskSession();
    expect(sw.applied).toEqual([]); // nothing waiting: a reset changes nothing
    sw.events().onNeedRefresh!();
    expect(appUpdateState().waiting).toBe(true);
    expect(sw.applied).toEqual([]); // not under the customer's finger
    resetKioskSession();
    expect(sw.applied).toEqual([true]);
    resetKioskSession();
    expect(sw.applied).toEqual([true]);
  });

  it('asks the browser for a new version on a timer, since a kiosk page never navigates', () => {
    vi.useFakeTimers();
    const sw = fakeRegister();
    const registration = { update: vi.fn(async () => undefined) } as unknown as ServiceWorkerRegistration;
    stops.push(startAppUpdates(sw.register, { nav: swNavigator, checkMs: 1000 }));
    sw.events().onRegisteredSW!('/sw.js', registration);
    vi.advanceTimersByTime(3500);
    expect(registration.update).toHaveBeenCalledTimes(3);
  });

  it('does nothing where the browser has no service workers (a phone on plain HTTP)', () => {
    const register = vi.fn() as unknown as RegisterSW;
    stops.push(startAppUpdates(register, { nav: {} as Navigator }));
    expect(register).not.toHaveBeenCalled();
  });
});

describe('storage report', () => {
  it('asks for persistence once when not yet persisted, and reports usage and quota', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist, estimate: async () => ({ usage: 21e6, quota: 6e10 }) } as unknown as StorageManager;
    expect(await storageReport(storage)).toEqual({ persisted: true, usageBytes: 21e6, quotaBytes: 6e10 });
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says so when the browser refuses, and null without the API', async () => {
    const storage = { persisted: async () => false, persist: async () => false, estimate: async () => ({}) } as unknown as StorageManager;
    expect(await storageReport(storage)).toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
    expect(await storageReport(undefined)).toBeNull();
  });

  it('only reports when told not to ask (the heartbeat, every minute)', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist, estimate: async () => ({ usage: 5, quota: 10 }) } as unknown as StorageManager;
    expect(await storageReport(storage, { ask: false })).toEqual({ persisted: false, usageBytes: 5, quotaBytes: 10 });
    expect(persist).not.toHaveBeenCalled();
  });
});
