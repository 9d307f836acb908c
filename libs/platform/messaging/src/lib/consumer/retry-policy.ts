export interface RetryPolicy {
  /** Attempts in all, the first included, before the event goes to the dead-letter topic. */
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

/** Exponential backoff with full jitter, so replicas retrying the same failure do not stampede. */
export function backoffMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    policy.maxBackoffMs,
    policy.initialBackoffMs * 2 ** Math.max(0, failedAttempts - 1),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
