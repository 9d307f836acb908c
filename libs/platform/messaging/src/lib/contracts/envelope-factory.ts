import { randomUUID } from 'node:crypto';
import { currentContext, formatTraceparent } from '@homeroom/platform/observability';
import type { EventContract, EventData } from '@homeroom/platform/event-contracts';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';

export interface NewEvent<Contract extends EventContract> {
  aggregateId: string;
  data: EventData<Contract>;
  occurredAt?: Date;
  /** History brought in from before, not happening now (see `EventEnvelope.imported`). */
  imported?: boolean;
}

export class InvalidEventPayloadError extends Error {
  constructor(type: string, issues: string) {
    super(`Payload of ${type} does not match its contract: ${issues}`);
    this.name = 'InvalidEventPayloadError';
  }
}

/**
 * Wraps a payload in the envelope, validated against its contract, with the correlation id, causation id
 * and trace of the work in hand, so a chain of events can be followed back to the request that began it.
 */
export function createEnvelope<Contract extends EventContract>(
  producer: string,
  contract: Contract,
  event: NewEvent<Contract>,
): EventEnvelope<EventData<Contract>> {
  const parsed = contract.schema.safeParse(event.data);
  if (!parsed.success) {
    throw new InvalidEventPayloadError(
      contract.type,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; '),
    );
  }
  const context = currentContext();
  const id = randomUUID();
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    aggregateId: event.aggregateId,
    correlationId: context?.correlationId ?? id,
    causationId: context?.causationId ?? null,
    producer,
    traceparent: context ? formatTraceparent(context.trace) : null,
    ...(event.imported ? { imported: true as const } : {}),
    data: parsed.data as EventData<Contract>,
  };
}
