import type { EntityManager } from 'typeorm';
import type { EventContract, EventData } from '@homeroom/platform/event-contracts';
import type { EventEnvelope } from '@homeroom/platform/event-contracts';

/**
 * Applies one kind of event. `handle` runs in the transaction that also records the event in the inbox,
 * so its writes (through `manager`) happen exactly once however often Kafka delivers the event.
 */
export interface EventHandler<Contract extends EventContract = EventContract> {
  contract: Contract;
  handle(event: EventEnvelope<EventData<Contract>>, manager: EntityManager): Promise<void>;
}

export function eventHandler<Contract extends EventContract>(
  contract: Contract,
  handle: EventHandler<Contract>['handle'],
): EventHandler<Contract> {
  return { contract, handle };
}
