/**
 * China Standard Time days (UTC+8, no daylight saving): the funnel's days on the server and the
 * periods a rep picks. Pure and shared.
 */
const CST_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an instant in China Standard Time. */
export function cstDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of a CST day in epoch milliseconds. */
export function cstDayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS;
}
