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
  // A reply held for review goes only once a translator approved it (ADR 32); its event is not raised
  // before, so this guards against nothing but a replay or a hand-made event.
  if (message.reviewStatus && message.reviewStatus !== 'APPROVED') return undefined;
  const supportCase = await manager.findOneBy(CaseEntity, { id: message.caseId });
  return supportCase ? { message, supportCase } : undefined;
}

/** When a reply was sent, as delivery measures its age: an approved vital reply left when it was approved. */
export function sentAt(message: CaseMessageEntity): Date {
  return message.reviewedAt ?? message.createdAt;
}
