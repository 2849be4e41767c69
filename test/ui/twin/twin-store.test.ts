import { beforeEach, describe, expect, it } from 'vitest';
import { useTwinStore } from '../../../src/ui/twin/twin-store.ts';
import { sessionEventTypes, useSessionEvents } from '../../../src/state/session-events.ts';

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
