import type { CaseActor, CaseVisibility } from '@homeroom/cases/data-access';
import { ForbiddenException } from '@homeroom/shared/errors';
import type { Principal } from '@homeroom/platform/auth';

export const CASE_SCOPES = { read: 'cases:read', write: 'cases:write' } as const;

/**
 * District administrators see every case, confidential ones included; viewers and API clients every case
 * but confidential ones; agents and school administrators their schools' cases and their own assignments.
 */
export function caseVisibility(principal: Principal): CaseVisibility {
  if (principal.kind === 'client') return { scope: 'all', confidential: false };
  if (principal.kind !== 'user') throw new ForbiddenException();
  if (principal.roles.includes('DISTRICT_ADMIN')) return { scope: 'all', confidential: true };
  if (
    principal.roles.includes('VIEWER') &&
    !principal.roles.some((r) => r === 'AGENT' || r === 'SCHOOL_ADMIN')
  ) {
    return { scope: 'all', confidential: false };
  }
  return { scope: 'schools', schoolIds: principal.schoolIds, userId: principal.subject };
}

export function actorOf(principal: Principal): CaseActor {
  if (principal.kind === 'user') return { kind: 'STAFF', id: principal.subject };
  if (principal.kind === 'client') return { kind: 'CLIENT', id: principal.subject };
  return { kind: 'REQUESTER', id: null };
}
