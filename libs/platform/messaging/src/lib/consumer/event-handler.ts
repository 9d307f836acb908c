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
  /**
   * Applies consecutive events of this kind at once, with the same effect as `handle` on each in order,
   * but in a few statements instead of a few per event (a burst of resolutions, a roster's people). The
   * consumer gives it the runs of a partition's batch; when it fails, each event of the run is applied
   * on its own with `handle`, so only the failing one is retried and parked.
   */
  handleAll?(events: readonly EventEnvelope<EventData<Contract>>[], manager: EntityManager): Promise<void>;
}

export function eventHandler<Contract extends EventContract>(
  contract: Contract,
  handle: EventHandler<Contract>['handle'],
): EventHandler<Contract> {
  return { contract, handle };
}

/** A handler that applies runs of events at once; one event is a run of one. */
export function batchEventHandler<Contract extends EventContract>(
  contract: Contract,
  handleAll: NonNullable<EventHandler<Contract>['handleAll']>,
): EventHandler<Contract> {
  return { contract, handleAll, handle: (event, manager) => handleAll([event], manager) };
}
