/** Kafka header names the platform writes; brokers and tools (e.g. kcat) show them as-is. */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  traceparent: 'traceparent',
  dlqOriginalTopic: 'dlq-original-topic',
  dlqOriginalPartition: 'dlq-original-partition',
  dlqOriginalOffset: 'dlq-original-offset',
  dlqConsumerGroup: 'dlq-consumer-group',
  dlqReason: 'dlq-reason',
  dlqError: 'dlq-error',
  dlqAttempts: 'dlq-attempts',
  dlqFailedAt: 'dlq-failed-at',
} as const;

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined;

export function headerText(headers: RawHeaders, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
