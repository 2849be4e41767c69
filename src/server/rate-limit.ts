/**
 * Fixed-window request counter per key (token, address). In memory, so per server instance; the
 * clock is injected so tests need no waiting.
 */
export class RateLimiter {
  private windowStartMs = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number,
  ) {}

  /** Counts a hit on every key; returns seconds until the window resets if any key is over the limit. */
  hit(keys: readonly string[]): { limited: false; remaining: number } | { limited: true; retryAfterS: number } {
    const nowMs = this.now();
    if (nowMs - this.windowStartMs >= 60_000 || nowMs < this.windowStartMs) {
      this.windowStartMs = nowMs - (nowMs % 60_000);
      this.counts.clear();
    }
    let highest = 0;
    for (const key of keys) {
      const n = (this.counts.get(key) ?? 0) + 1;
      this.counts.set(key, n);
      highest = Math.max(highest, n);
    }
    if (highest > this.limitPerMinute) return { limited: true, retryAfterS: Math.max(1, Math.ceil((this.windowStartMs + 60_000 - nowMs) / 1000)) };
    return { limited: false, remaining: this.limitPerMinute - highest };
  }
}
