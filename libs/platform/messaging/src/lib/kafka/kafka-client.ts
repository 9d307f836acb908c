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

/** A kafkajs client whose own logs go through the service's JSON logger. */
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
        kafkaLogger[LEVELS[level] ?? 'info']({ ...extra, namespace: undefined }, message);
      },
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    ...overrides,
  });
}
