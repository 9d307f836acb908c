import { sisUnavailable } from './rest-errors';

/** How one request is retried; the clock and the wait are injectable so tests run without waiting. */
export interface RetryPolicy {
  timeoutMs: number;
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** A response read whole: statuses that retrying does not change come back here, for the caller to judge. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Longer than this and an import job would sit idle for nothing: a SIS asking for it is unavailable now. */
const MAX_WAIT_MS = 5 * 60_000;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Sends a request until it gets an answer worth judging: 429, 408 and 5xx (but 501, which never changes),
 * network errors and timeouts are retried up to `maxRetries` times, waiting as `Retry-After` asks or, without
 * it, backing off exponentially with jitter (so many clients throttled together do not return together).
 * `send` is called afresh per attempt, with a signal that ends it after `timeoutMs`, body included.
 */
export async function sendWithRetry(
  endpoint: string,
  send: (signal: AbortSignal) => Promise<Response>,
  policy: RetryPolicy,
): Promise<HttpAnswer> {
  for (let attempt = 0; ; attempt += 1) {
    let failure: string;
    let status: number | null = null;
    let wait: number | undefined;
    try {
      const response = await send(AbortSignal.timeout(policy.timeoutMs));
      if (!isRetryable(response.status)) {
        return { status: response.status, headers: response.headers, text: await response.text() };
      }
      status = response.status;
      failure = response.status === 429 ? 'kept throttling (429)' : `kept failing (${response.status})`;
      wait = retryAfterMs(response.headers.get('retry-after'), policy.now());
      // Frees the connection for the next attempt.
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      failure = describeNetworkError(error, policy.timeoutMs);
    }
    const attempts = attempt + 1;
    if (attempt >= policy.maxRetries) {
      throw sisUnavailable(
        endpoint,
        status,
        `${endpoint} ${failure} after ${attempts} attempt${attempts > 1 ? 's' : ''}; try again later`,
      );
    }
    const delay = wait ?? backoffMs(attempt);
    if (delay > MAX_WAIT_MS) {
      throw sisUnavailable(
        endpoint,
        status,
        `${endpoint} ${failure} and asks to wait ${Math.ceil(delay / 1_000)} s; try again later`,
      );
    }
    await policy.sleep(delay);
  }
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** 1 s, 2 s, 4 s … up to 30 s, each between half and all of that ("equal jitter"). */
function backoffMs(attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  // Duck-typed rather than instanceof: fetch's errors come from Node's own realm, not always the caller's.
  const { name, message, cause } = errorParts(error);
  if (name === 'TimeoutError') return `did not answer within ${timeoutMs} ms`;
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is the cause.
  const reason = errorParts(cause);
  return `could not be reached (${reason.code ?? reason.message ?? message ?? String(error)})`;
}

function errorParts(error: unknown): { name?: string; message?: string; code?: string; cause?: unknown } {
  if (typeof error !== 'object' || error === null) return {};
  const { name, message, code, cause } = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return { name: text(name), message: text(message), code: text(code), cause };
}
