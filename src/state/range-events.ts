import { recordEvent, sessionEventTypes } from './session-events.ts';

/** A result at or below this ambient temperature counts as "viewed winter range", °C. */
export const WINTER_AMBIENT_C = 0;

/**
 * Called when a final (not intermediate) range result is on screen. Records
 * 'viewed-winter-range' once per session: the session store keeps every event, and a slider
 * dragged through the cold would otherwise fill a lead's 200-event budget.
 */
export function noteRangeShown(ambientC: number): boolean {
  if (ambientC > WINTER_AMBIENT_C) return false;
  if (sessionEventTypes().includes('viewed-winter-range')) return false;
  return recordEvent('viewed-winter-range');
}
