/** What one count found, as the standard RateLimit headers report it. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Counts units (the gateway counts operations, `rateUnits`) per key (an API client, a staff member, a
 * client address) in fixed windows. Only the current window's counts are kept, so memory is bounded by
 * the callers of one window however many requests pass. Each gateway replica counts for itself: with N replicas behind a balancer the effective
 * limit is up to N times the configured one (docs/api/limits.md).
 */
export class FixedWindowRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Counts `units` more for the key; what goes over the limit is counted too, so a caller that keeps
   * sending stays refused until the window ends. Zero units reports where the key stands.
   */
  take(key: string, units = 1, now = Date.now()): RateDecision {
    const windowStart = now - (now % this.windowMs);
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.counts = new Map();
    }
    const used = (this.counts.get(key) ?? 0) + units;
    if (units > 0) this.counts.set(key, used);
    return {
      allowed: used <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetSeconds: Math.max(1, Math.ceil((windowStart + this.windowMs - now) / 1_000)),
    };
  }

  /** How many callers the current window holds (for the memory benchmark and metrics). */
  get trackedKeys(): number {
    return this.counts.size;
  }
}
