import autocannon from 'autocannon';
import { percentile } from '../stats';

/** One kind of request in the mix: how often at 1× a school day's peak, and how to make the next one. */
export interface LoadOperation {
  name: string;
  /** Requests a second at 1× (whole numbers: autocannon paces each connection per second). */
  perSecond: number;
  next(): { body: string; headers: Record<string, string> };
  /** Reads the answer (a vendor's next cursor); GraphQL errors are counted before this is called. */
  answered?(body: string): void;
}

export interface OperationResult {
  operation: string;
  target: number;
  achieved: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  firstError?: string;
}

/**
 * Every operation of the mix at once against `url`, each paced at `multiplier` × its rate by its own
 * autocannon instance for `seconds`; latency per operation from each response's time.
 */
export async function runMix(
  url: string,
  operations: readonly LoadOperation[],
  multiplier: number,
  seconds: number,
): Promise<OperationResult[]> {
  return Promise.all(operations.map((operation) => runOperation(url, operation, multiplier, seconds)));
}

async function runOperation(
  url: string,
  operation: LoadOperation,
  multiplier: number,
  seconds: number,
): Promise<OperationResult> {
  const rate = Math.max(1, Math.round(operation.perSecond * multiplier));
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        method: 'POST',
        duration: seconds,
        // Enough connections that a slow answer does not hold the next request back (up to 2 s each).
        connections: Math.min(rate * 2, 64),
        overallRate: rate,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const next = operation.next();
              return {
                ...request,
                body: next.body,
                headers: { 'content-type': 'application/json', ...next.headers },
              };
            },
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) {
                errors += 1;
                firstError ??= `${status} ${body.slice(0, 300)}`;
              } else operation.answered?.(body);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await finished;
  return {
    operation: operation.name,
    target: rate,
    achieved: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    ...(firstError ? { firstError } : {}),
  };
}
