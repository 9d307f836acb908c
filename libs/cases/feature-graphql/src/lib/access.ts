import type { CaseActor, CaseQueryService, CaseVisibility } from '@homeroom/cases/data-access';
import { ForbiddenException, NotFoundException } from '@homeroom/shared/errors';
import type { Principal } from '@homeroom/platform/auth';

export const CASE_SCOPES = { read: 'cases:read', write: 'cases:write' } as const;

/** Staff roles that act on cases (viewers only read). */
export const STAFF_WHO_ACT = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT'] as const;

/**
 * District administrators see every case, confidential ones included; viewers and API clients every case
 * but confidential ones (unless named on them); agents and school administrators their schools' cases and their own assignments.
 */
export function caseVisibility(principal: Principal): CaseVisibility {
  if (principal.kind === 'client') return { scope: 'all', confidential: false };
  if (principal.kind !== 'user') throw new ForbiddenException();
  if (principal.roles.includes('DISTRICT_ADMIN')) return { scope: 'all', confidential: true };
  if (
    principal.roles.includes('VIEWER') &&
    !principal.roles.some((r) => r === 'AGENT' || r === 'SCHOOL_ADMIN')
  ) {
    return { scope: 'all', confidential: false, userId: principal.subject };
  }
  return { scope: 'schools', schoolIds: principal.schoolIds, userId: principal.subject };
}

export function actorOf(principal: Principal): CaseActor {
  if (principal.kind === 'user') return { kind: 'STAFF', id: principal.subject };
  if (principal.kind === 'client') return { kind: 'CLIENT', id: principal.subject };
  return { kind: 'REQUESTER', id: null };
}

/** Acting on a case you cannot see is answered as if it did not exist: nothing leaks about it. */
export async function assertCaseVisible(
  query: CaseQueryService,
  caseId: string,
  principal: Principal,
): Promise<void> {
  if (!(await query.findVisible({ id: caseId }, caseVisibility(principal))))
    throw new NotFoundException('Case');
}
