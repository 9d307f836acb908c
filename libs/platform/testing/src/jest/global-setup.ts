import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startContainerStack } from './container-stack';
import { startWorkerBrokers } from './worker-brokers';
import { WORKER_BROKERS_VARIABLE } from './worker-kafka';

/**
 * Brings up what integration tests talk to, once per Jest run, and publishes where it is through
 * DATABASE_URL and KAFKA_BROKERS (test workers inherit the environment):
 * - both variables already set: those servers (`external`);
 * - otherwise, with a Docker engine (or podman's socket as DOCKER_HOST): PostgreSQL and Kafka containers
 *   (testcontainers; see container-stack.ts for the images), stopped by global-teardown.ts;
 * - otherwise: the local stack (`npm run stack -- up`), idempotently.
 * HOMEROOM_TEST_STACK=local|containers forces a choice.
 * With more than one worker, each worker after the first gets a broker of its own (worker-brokers.ts).
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  await startStack();
  await startBrokersForWorkers(globalConfig.maxWorkers);
}

async function startStack(): Promise<void> {
  if (process.env['DATABASE_URL'] && process.env['KAFKA_BROKERS']) {
    process.env['HOMEROOM_TEST_STACK_KIND'] ??= 'external';
    return;
  }
  const wanted = process.env['HOMEROOM_TEST_STACK'];
  if (wanted === 'containers' || (wanted !== 'local' && (await dockerAvailable()))) {
    const stack = await startContainerStack();
    (globalThis as { homeroomTestContainers?: unknown }).homeroomTestContainers = stack.containers;
    process.env['DATABASE_URL'] = stack.databaseUrl;
    process.env['KAFKA_BROKERS'] = stack.kafkaBrokers;
    process.env['HOMEROOM_TEST_STACK_KIND'] = 'containers';
    return;
  }
  // Jest applies moduleNameMapper to tests, not to the global setup: no workspace imports here.
  const root = join(__dirname, '..', '..', '..', '..', '..');
  const output = execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'tools', 'stack', 'cli.ts'), 'up'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.env['DATABASE_URL'] = /^DATABASE_URL=(.+)$/m.exec(output)?.[1];
  process.env['KAFKA_BROKERS'] = /^KAFKA_BROKERS=(.+)$/m.exec(output)?.[1];
  process.env['HOMEROOM_TEST_STACK_KIND'] = 'local';
}

async function startBrokersForWorkers(workers: number): Promise<void> {
  if (workers <= 1) return;
  const kind = process.env['HOMEROOM_TEST_STACK_KIND'];
  if (kind !== 'local' && kind !== 'containers') {
    throw new Error(
      `Suites share the broker's topics, so ${workers} workers need a broker each, which servers we do not run cannot give: run with --maxWorkers=1`,
    );
  }
  const brokers = await startWorkerBrokers(workers - 1, kind);
  (globalThis as { homeroomWorkerBrokers?: unknown }).homeroomWorkerBrokers = brokers;
  process.env[WORKER_BROKERS_VARIABLE] = JSON.stringify([
    process.env['KAFKA_BROKERS'],
    ...brokers.bootstraps,
  ]);
}

async function dockerAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
