import { beforeEach, describe, expect, it } from 'vitest';
import { noteRangeShown } from '../../src/state/range-events.ts';
import { sessionEventTypes, useSessionEvents } from '../../src/state/session-events.ts';

describe('noteRangeShown', () => {
  beforeEach(() => useSessionEvents.getState().clear());

  it('records viewed-winter-range for a result at or below 0 °C, once per session', () => {
    expect(noteRangeShown(5)).toBe(false);
    expect(sessionEventTypes()).toEqual([]);
    expect(noteRangeShown(0)).toBe(true);
    expect(noteRangeShown(-20)).toBe(false);
    expect(sessionEventTypes()).toEqual(['viewed-winter-range']);
    useSessionEvents.getState().clear();
    expect(noteRangeShown(-8)).toBe(true);
  });
});
