import type { Message } from 'kafkajs';
import { HEADERS } from '../kafka/kafka-headers';

/** Why a message was parked: a message we could not read is never retried; a failing handler is. */
export type DeadLetterReason =
  'MALFORMED_ENVELOPE' | 'UNSUPPORTED_VERSION' | 'INVALID_PAYLOAD' | 'HANDLER_FAILED';

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  message: { key: Buffer | null; value: Buffer | null; headers?: Message['headers'] };
}

/** The original bytes, key and headers, plus where they came from and why they failed. */
export function deadLetterMessage(
  source: DeadLetterSource,
  reason: DeadLetterReason,
  error: unknown,
  attempts: number,
  now: Date = new Date(),
): Message {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    key: source.message.key,
    value: source.message.value,
    headers: {
      ...(source.message.headers ?? {}),
      [HEADERS.dlqOriginalTopic]: source.topic,
      [HEADERS.dlqOriginalPartition]: String(source.partition),
      [HEADERS.dlqOriginalOffset]: source.offset,
      [HEADERS.dlqConsumerGroup]: source.consumerGroup,
      [HEADERS.dlqReason]: reason,
      [HEADERS.dlqError]: text.slice(0, 4_000),
      [HEADERS.dlqAttempts]: String(attempts),
      [HEADERS.dlqFailedAt]: now.toISOString(),
    },
  };
}
