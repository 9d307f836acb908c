import type { FieldAccess, Principal, StaffRole } from '@homeroom/platform/auth';
import { canSeeSchoolFigures } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';

export const SURVEY_SCOPES = { read: 'surveys:read', write: 'surveys:write' } as const;

/** Staff who see a case's satisfaction result with the case (the cases subgraph decides who sees the case). */
export const CASE_SATISFACTION_READERS: StaffRole[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'];

/** Surveys are the district's: its administrators write, open and close them. */
export const SURVEY_AUTHORS: StaffRole[] = ['DISTRICT_ADMIN'];

/** Staff who read surveys and satisfaction results. */
export const RESULT_READERS: StaffRole[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'VIEWER'];

export function assertMaySeeResults(principal: Principal, schoolId: string | null): void {
  if (!canSeeSchoolFigures(principal, schoolId))
    throw new ForbiddenException('You may see the satisfaction results of your own schools only');
}

export const SURVEY_WRITE: FieldAccess = { roles: SURVEY_AUTHORS, scopes: [SURVEY_SCOPES.write] };
export const SURVEY_RESULTS_READ: FieldAccess = { roles: RESULT_READERS, scopes: [SURVEY_SCOPES.read] };
export const CASE_SATISFACTION_READ: FieldAccess = {
  roles: CASE_SATISFACTION_READERS,
  scopes: [SURVEY_SCOPES.read],
};
