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
  /**
   * Set on events that record history brought in from before (a migration from another system, a demo
   * district's past year), not something happening now: consumers build their state from them, but
   * nobody is sent anything (no reply email, no survey invitation).
   */
  imported?: true;
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
  imported: z.literal(true).optional(),
  data: z.unknown(),
});
