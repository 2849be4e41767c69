/**
 * Exponential backoff with jitter, shared by the kiosk outbox and the server's CRM worker.
 * Pure: the random draw comes in as an argument.
 */

/**
 * Delay before the next attempt after `failures` failed ones: `baseMs * 2^(failures-1)`, capped at
 * `maxMs`, scaled by a jitter factor in [0.5, 1) from `random` in [0, 1) ("equal jitter", AWS
 * Architecture Blog, "Exponential Backoff and Jitter", 2015), so kiosks that lost the network
 * together do not retry together.
 */
export function backoffDelayMs(failures: number, baseMs: number, maxMs: number, random: number): number {
  const ceilingMs = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceilingMs * (0.5 + random / 2));
}
