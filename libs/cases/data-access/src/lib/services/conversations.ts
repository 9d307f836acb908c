import type { EntityManager } from 'typeorm';
import type { Channel, Contact } from '@homeroom/cases/domain';

/** How long after a resolution a requester's next message still reopens the case (then: a new one). */
export const REOPEN_WINDOW_DAYS = 14;

/**
 * A requester's current conversation on a channel: their latest case that came by it, from the same phone
 * number (else email address), unless it was closed or resolved more than the reopen window ago. A text or
 * a vendor's message from them joins it; otherwise they start a new case.
 */
export async function currentConversation(
  manager: EntityManager,
  channel: Channel,
  contact: Pick<Contact, 'phone' | 'email'>,
): Promise<{ id: string } | undefined> {
  const [by, value] = contact.phone ? ['phone', contact.phone] : ['email', contact.email];
  if (!value) return undefined;
  const [row] = (await manager.query(
    `SELECT id FROM support_case
      WHERE channel = $1 AND contact->>'${by}' = $2
        AND (status NOT IN ('RESOLVED', 'CLOSED')
             OR (status = 'RESOLVED' AND resolved_at > now() - make_interval(days => $3)))
      ORDER BY created_at DESC LIMIT 1`,
    [channel, value, REOPEN_WINDOW_DAYS],
  )) as { id: string }[];
  return row;
}
