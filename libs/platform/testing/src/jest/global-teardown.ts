import type { StartedTestContainer } from 'testcontainers';
import type { WorkerBrokers } from './worker-brokers';

/**
 * Stops the workers' brokers and the containers the global setup started (Jest runs both in one process
 * and shares their globals).
 * Ryuk, testcontainers' reaper, also removes them if this process dies first, where its image can be
 * pulled; podman without a registry runs with it off (TESTCONTAINERS_RYUK_DISABLED), so this is the cleanup.
 */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { homeroomWorkerBrokers?: WorkerBrokers }).homeroomWorkerBrokers?.stop();
  const containers = (globalThis as { homeroomTestContainers?: StartedTestContainer[] })
    .homeroomTestContainers;
  await Promise.all((containers ?? []).map((container) => container.stop({ remove: true, timeout: 5_000 })));
}
