import { z } from 'zod';

/**
 * The one envelope every domain event travels in. `data` is the payload its contract describes; the rest
 * is metadata consumers use for idempotency (`id`), routing (`type`, `version`), ordering (`aggregateId`
 * is the Kafka key) and tracing (`correlationId`, `causationId`, `traceparent`).
 */
export interface EventEnvelope<Data = unknown> {
  id: string;
  type: string;
  /** Major version of the payload schema; additive changes keep it, breaking ones bump it. */
  version: number;
  occurredAt: string;
  aggregateId: string;
  correlationId: string;
  causationId: string | null;
  /** The service that published the event. */
  producer: string;
  traceparent: string | null;
  data: Data;
}

export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+\.[A-Za-z]+$/, 'must look like <service>.<EventName>'),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  producer: z.string().min(1),
  traceparent: z.string().nullable(),
  data: z.unknown(),
});
