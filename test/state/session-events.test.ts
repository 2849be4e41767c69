import { beforeEach, describe, expect, it } from 'vitest';
import { leadTags } from '../../src/plan/index.ts';
import { MAX_SESSION_EVENTS, recordEvent, sessionEventTypes, useSessionEvents } from '../../src/state/session-events.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import type { BehaviourEvent } from '../../src/plan/index.ts';

describe('session events', () => {
  beforeEach(() => useSessionEvents.getState().clear());

  it('records behaviour events in order with the instant they happened', () => {
    expect(recordEvent('viewed-xray', new Date('2026-11-27T01:00:00Z'))).toBe(true);
    recordEvent('plan-viewed', new Date('2026-11-27T01:02:00Z'));
    expect(useSessionEvents.getState().events).toEqual([
      { type: 'viewed-xray', at: '2026-11-27T01:00:00.000Z' },
      { type: 'plan-viewed', at: '2026-11-27T01:02:00.000Z' },
    ]);
    expect(sessionEventTypes()).toEqual(['viewed-xray', 'plan-viewed']);
  });

  it('ignores an event type that is not a behaviour event instead of throwing', () => {
    expect(recordEvent('viewed-xrays' as BehaviourEvent)).toBe(false);
    expect(useSessionEvents.getState().events).toEqual([]);
  });

  it('keeps the newest events up to what a lead can carry', () => {
    for (let i = 0; i < MAX_SESSION_EVENTS + 5; i++) recordEvent(i === MAX_SESSION_EVENTS + 4 ? 'asked-financing' : 'viewed-winter-range');
    const { events } = useSessionEvents.getState();
    expect(events).toHaveLength(MAX_SESSION_EVENTS);
    expect(events.at(-1)!.type).toBe('asked-financing');
  });

  it('forgets the events when the kiosk session ends', () => {
    recordEvent('compared-scenarios');
    resetKioskSession();
    expect(useSessionEvents.getState().events).toEqual([]);
  });

  it('feeds the behaviour and value tags', () => {
    recordEvent('viewed-xray');
    recordEvent('viewed-winter-range');
    recordEvent('plan-viewed');
    const tags = leadTags({ dailyKm: 30 }, sessionEventTypes());
    expect(tags.behaviour).toEqual(['viewed-xray', 'viewed-winter-range']);
    expect(tags.value).toContain('ready-to-test-drive');
  });
});
