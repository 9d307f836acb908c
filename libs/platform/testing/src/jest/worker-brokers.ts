import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
// Jest applies moduleNameMapper to tests, not to the global setup: the broker comes by its relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LocalKafka, LocalStack } from '../../../local-stack/src';
import { freePort } from '../lib/free-port';
import { DEFAULT_TEST_IMAGES, startKafka } from './container-stack';

// The local broker is made as startDisposableBroker (../lib/disposable-broker.ts) makes one, not by calling
// it: that module reaches the local stack through its `@homeroom/…` alias, which the global setup lacks.

export interface WorkerBrokers {
  /** The bootstrap address of worker 2's broker, worker 3's, … */
  bootstraps: string[];
  stop(): Promise<void>;
}

/**
 * A broker of its own for every Jest worker after the first. Suites make their own databases, consumer
 * groups and ports, but the services' topics have fixed names: two suites at once on one broker each
 * consume the other's events (a surveys suite would invite for the cases another suite resolves). A
 * worker runs its suites one at a time, so a broker per worker keeps every suite alone on its topics.
 */
export async function startWorkerBrokers(
  count: number,
  kind: 'local' | 'containers',
  environment = process.env,
): Promise<WorkerBrokers> {
  if (kind === 'containers') {
    const image = environment['HOMEROOM_TEST_KAFKA_IMAGE'] || DEFAULT_TEST_IMAGES.kafka;
    const started = await Promise.all(Array.from({ length: count }, () => startKafka(image)));
    const containers: StartedTestContainer[] = started.map(({ container }) => container);
    return {
      bootstraps: started.map(({ brokers }) => brokers),
      stop: async () => {
        await Promise.all(containers.map((container) => container.stop({ remove: true, timeout: 5_000 })));
      },
    };
  }
  const libDir = await new LocalStack().kafkaJars();
  const brokers = await Promise.all(
    Array.from({ length: count }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'homeroom-worker-kafka-'));
      const broker = new LocalKafka({
        dir,
        libDir,
        port: await freePort(),
        controllerPort: await freePort(),
        heapMb: 512,
      });
      await broker.up();
      return { broker, dir };
    }),
  );
  return {
    bootstraps: brokers.map(({ broker }) => broker.bootstrap),
    stop: async () => {
      await Promise.all(
        brokers.map(async ({ broker, dir }) => {
          await broker.down();
          await rm(dir, { recursive: true, force: true });
        }),
      );
    },
  };
}
