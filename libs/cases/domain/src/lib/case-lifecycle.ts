import { ConflictException } from '@homeroom/shared/errors';
import type { CaseStatus } from './case-kinds';

/**
 * Where a case may go from each status. NEW becomes OPEN when staff act on it; PENDING waits on the
 * requester, ON_HOLD on a third party; RESOLVED may reopen (the requester replies, or staff reopen);
 * CLOSED is final: a later contact opens a new, linked case.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  NEW: ['OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'],
  OPEN: ['PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'],
  PENDING: ['OPEN', 'ON_HOLD', 'RESOLVED', 'CLOSED'],
  ON_HOLD: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (from === to) return;
  if (!canTransition(from, to)) {
    throw new ConflictException(`A ${from} case cannot become ${to}`, 'INVALID_STATUS_TRANSITION');
  }
}

/** Whether a case is still in someone's hands (counts toward the backlog). */
export function isOpen(status: CaseStatus): boolean {
  return status !== 'RESOLVED' && status !== 'CLOSED';
}

/** What a requester's reply does: reopens a resolved case within the window; otherwise the case is done. */
export function afterRequesterReply(
  status: CaseStatus,
  resolvedAt: Date | null,
  now: Date,
  reopenWindowDays: number,
): CaseStatus | 'NEW_CASE' {
  if (status === 'CLOSED') return 'NEW_CASE';
  if (status === 'RESOLVED') {
    const withinWindow =
      resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= reopenWindowDays * 86_400_000;
    return withinWindow ? 'OPEN' : 'NEW_CASE';
  }
  // A reply to a case waiting on the requester puts it back in staff's hands.
  return status === 'PENDING' ? 'OPEN' : status;
}
