import type { EntityManager } from 'typeorm';
import { InvalidInputException } from '@homeroom/shared/errors';
import { contactKey } from '@homeroom/directory/contracts';
import type { Contact } from '@homeroom/cases/domain';
import { REQUESTER_KINDS, type RequesterKind } from '@homeroom/cases/contracts';

export type RequesterMatch =
  | { kind: 'matched'; personId: string; by: 'email' | 'phone' }
  | { kind: 'ambiguous'; candidates: number }
  | { kind: 'none' };

/**
 * Who wrote in, as far as the directory's people (our read model of them) tell: the one active person
 * whose email, else phone, is the contact's. A family phone shared by two guardians matches nobody rather
 * than the wrong one; staff can still set the requester by hand.
 */
export async function matchRequester(manager: EntityManager, contact: Contact): Promise<RequesterMatch> {
  for (const [by, value] of [
    ['email', contact.email],
    ['phone', contact.phone],
  ] as const) {
    if (!value) continue;
    // The matches are found whole (a materialized CTE), then three kept: with the LIMIT next to it, the
    // planner guesses a rare key is common and reads the table in order instead of its GIN index.
    const rows = (await manager.query(
      `WITH matches AS MATERIALIZED (
         SELECT id FROM known_person WHERE active AND contact_keys @> ARRAY[$1::text]
       )
       SELECT id FROM matches LIMIT 3`,
      [contactKey(value)],
    )) as { id: string }[];
    if (rows.length === 1) return { kind: 'matched', personId: rows[0]!.id, by };
    if (rows.length > 1) return { kind: 'ambiguous', candidates: rows.length };
  }
  return { kind: 'none' };
}

/** A requester named by staff must be a person the directory has told us about, and still active. */
export async function assertKnownRequester(manager: EntityManager, personId: string): Promise<void> {
  const [row] = (await manager.query('SELECT active FROM known_person WHERE id = $1', [personId])) as {
    active: boolean;
  }[];
  if (!row?.active) {
    throw new InvalidInputException(
      'There is no such person in the directory',
      [{ path: 'requesterId', message: 'unknown or inactive person' }],
      'UNKNOWN_REQUESTER',
    );
  }
}

/** The directory's kind of a known requester (guardian, student, staff, community); null when unknown. */
export async function requesterKindOf(
  manager: EntityManager,
  personId: string | null,
): Promise<RequesterKind | null> {
  if (!personId) return null;
  const [row] = (await manager.query('SELECT kind FROM known_person WHERE id = $1', [personId])) as {
    kind: string;
  }[];
  return (REQUESTER_KINDS as readonly string[]).includes(row?.kind ?? '')
    ? (row!.kind as RequesterKind)
    : null;
}
