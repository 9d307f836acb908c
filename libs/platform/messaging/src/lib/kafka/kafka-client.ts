import { Kafka, logLevel as KafkaLogLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { KafkaConnection } from '@homeroom/platform/config';
import type { Logger } from '@homeroom/platform/observability';

export interface KafkaSettings extends KafkaConnection {
  clientId: string;
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/**
 * kafkajs lines whose level overstates what they say here, with the level they are logged at instead:
 * - our idempotent producers limit their retries on purpose: the outbox relay sends a batch again until
 *   Kafka acknowledges it and every consumer drops a duplicate by its event id (ADR 0004), so the warning
 *   that limited retries "may invalidate EoS guarantees" reports no problem;
 * - kafkajs logs "Crash" and "Restarting the consumer" as errors even when the cause is retriable and it
 *   restarts the consumer itself (a group coordinator still loading just after the broker started). The
 *   consumer logs, as an error, a crash it does not restart after (event-consumer.ts).
 */
const RELEVELLED: readonly { message: RegExp; level: 'warn' | 'debug' }[] = [
  { message: /^Limiting retries for the idempotent producer/, level: 'debug' },
  { message: /^(Crash: |Restarting the consumer in )/, level: 'warn' },
];

/** The level a kafkajs line is logged at. */
export function kafkaLogLevel(level: number, message: string): 'error' | 'warn' | 'info' | 'debug' {
  return RELEVELLED.find((rule) => rule.message.test(message))?.level ?? LEVELS[level] ?? 'info';
}

/** A kafkajs client whose own logs go through the service's logger. */
export function createKafka(
  { brokers, ssl, sasl, clientId, logger }: KafkaSettings,
  overrides: Partial<KafkaConfig> = {},
): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    ...(ssl ? { ssl } : {}),
    ...(sasl ? { sasl } : {}),
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        kafkaLogger[kafkaLogLevel(level, message)]({ ...extra, namespace: undefined }, message);
      },
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    ...overrides,
  });
}
