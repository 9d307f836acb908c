import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A database that is there but slow to hand out a connection (a machine busy starting everything at once)
 * or restarting: worth waiting for at start-up. Anything else (a wrong password, a missing table) is not.
 */
export function isTransientConnectionError(error: unknown): boolean {
  const { message = '', code = '' } = (error ?? {}) as { message?: string; code?: string };
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P03' || // the database system is starting up
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  );
}

export interface StartupRetry {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the next attempt, after the `failed`-th failure. */
  waitMs: (failed: number) => number;
}

/** Up to about a minute: 0.5, 1, 2, 4, then 5 s between attempts. */
export const DATABASE_STARTUP_RETRY: StartupRetry = {
  attempts: 15,
  waitMs: (failed) => Math.min(5_000, 500 * 2 ** (failed - 1)),
};

/**
 * A service's start-up work on its database (building rollups, training the classifier), done again while
 * the database answers with transient connection errors, rather than the service exiting on the first:
 * on two cores starting four services, the portal's build and PostgreSQL, a connection can take longer
 * than the pool's limit. Other errors end the start at once.
 */
export async function retryingStartup<T>(
  work: () => Promise<T>,
  onRetry: (error: unknown, failed: number) => void,
  { attempts, waitMs }: StartupRetry = DATABASE_STARTUP_RETRY,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<T> {
  for (let failed = 0; ;) {
    try {
      return await work();
    } catch (error) {
      failed += 1;
      if (!isTransientConnectionError(error) || failed >= attempts) throw error;
      onRetry(error, failed);
      await wait(waitMs(failed));
    }
  }
}
