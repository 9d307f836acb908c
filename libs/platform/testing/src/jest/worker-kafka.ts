/** Where each Jest worker's broker is: a JSON array, worker 1's first (the main test broker). */
export const WORKER_BROKERS_VARIABLE = 'HOMEROOM_TEST_WORKER_KAFKA_BROKERS';

/** This worker's broker, as the global setup published it; the main one where it published none. */
export function workerKafkaBrokers(environment = process.env): string | undefined {
  const published = environment[WORKER_BROKERS_VARIABLE];
  if (!published) return undefined;
  const bootstraps = JSON.parse(published) as string[];
  return bootstraps[Number(environment['JEST_WORKER_ID'] ?? '1') - 1];
}
