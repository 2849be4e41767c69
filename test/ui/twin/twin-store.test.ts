import { beforeEach, describe, expect, it } from 'vitest';
import { useTwinStore } from '../../../src/ui/twin/twin-store.ts';
import { sessionEventTypes, useSessionEvents } from '../../../src/state/session-events.ts';
import { resetKioskSession } from '../../../src/state/session-reset.ts';

describe('twin store behaviour events', () => {
  beforeEach(() => {
    useSessionEvents.getState().clear();
    useTwinStore.getState().setView('exterior');
  });

  it('records viewed-xray when the customer opens the x-ray or exploded view', () => {
    const before = sessionEventTypes().filter((t) => t === 'viewed-xray').length;
    useTwinStore.getState().setView('xray');
    useTwinStore.getState().setView('exterior');
    useTwinStore.getState().setView('exploded');
    expect(sessionEventTypes().filter((t) => t === 'viewed-xray').length).toBe(before + 2);
  });

  it('records nothing for the exterior or section views', () => {
    const before = sessionEventTypes().length;
    useTwinStore.getState().setView('section');
    expect(sessionEventTypes().length).toBe(before);
  });
});

describe('twin store: the XR scenario the in-world panel starts with', () => {
  beforeEach(() => useTwinStore.getState().setXrScenario(null));

  it('keeps the scenario and, for the commute, the plan answers', () => {
    useTwinStore.getState().setXrScenario('commute', { dailyKm: 60, region: 'harbin' });
    expect(useTwinStore.getState()).toMatchObject({ xrScenario: 'commute', planAnswers: { dailyKm: 60, region: 'harbin' } });
    useTwinStore.getState().setXrScenario('summer-city');
    expect(useTwinStore.getState()).toMatchObject({ xrScenario: 'summer-city', planAnswers: null });
  });

  it('keeps them across a change of trim', () => {
    useTwinStore.getState().setXrScenario('winter-highway');
    useTwinStore.getState().setVehicle('vela-x7-standard');
    expect(useTwinStore.getState().xrScenario).toBe('winter-highway');
  });

  it('forgets them when the kiosk session ends (the next customer has another plan)', () => {
    useTwinStore.getState().setXrScenario('commute', { dailyKm: 60 });
    resetKioskSession();
    expect(useTwinStore.getState()).toMatchObject({ xrScenario: null, planAnswers: null });
  });
});
