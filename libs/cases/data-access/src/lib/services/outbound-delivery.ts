import type { EntityManager } from 'typeorm';
import { CaseEntity, CaseMessageEntity } from '../entities';

/**
 * A staff reply to deliver to its requester (by email or text), locked in the delivering transaction, with
 * its case; undefined when the event is not a reply, or not ours (services and test runs with other
 * databases share the topic).
 */
export async function lockedReply(
  manager: EntityManager,
  data: { messageId: string; direction: string },
): Promise<{ message: CaseMessageEntity; supportCase: CaseEntity } | undefined> {
  if (data.direction !== 'OUTBOUND') return undefined;
  const message = await manager.findOne(CaseMessageEntity, {
    where: { id: data.messageId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!message || message.direction !== 'OUTBOUND') return undefined;
  const supportCase = await manager.findOneBy(CaseEntity, { id: message.caseId });
  return supportCase ? { message, supportCase } : undefined;
}
