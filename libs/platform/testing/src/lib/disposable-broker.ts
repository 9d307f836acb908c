import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKafka, LocalStack } from '@homeroom/platform/local-stack';
import { freePort } from './free-port';
import { testStackKind } from './test-environment';

/**
 * A Kafka broker of a suite's own, for tests that stop, kill and restart the broker without disturbing
 * the suites that share the main test broker. It runs from the same cached jars as the local stack.
 */
export interface DisposableBroker {
  bootstrap: string;
  start(): Promise<void>;
  /** Controlled shutdown. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDisposableBroker(): Promise<DisposableBroker> {
  if (testStackKind() === 'external') {
    throw new Error('A disposable broker needs the local stack or containers; unset KAFKA_BROKERS');
  }
  const dir = await mkdtemp(join(tmpdir(), 'homeroom-kafka-'));
  const broker = new LocalKafka({
    dir,
    libDir: await new LocalStack().kafkaJars(),
    port: await freePort(),
    controllerPort: await freePort(),
    heapMb: 512,
  });
  await broker.up();
  return {
    bootstrap: broker.bootstrap,
    start: () => broker.up(),
    stop: () => broker.down(),
    kill: () => broker.kill(),
    async destroy() {
      await broker.down();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
