import type { FieldAccess, Principal, StaffRole } from '@homeroom/platform/auth';
import { canSeeSchoolFigures, hasAnyRole, reachOf, STAFF_ROLES } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';
import type { AgentTrendScope } from '@homeroom/surveys/data-access';

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

/**
 * Whose cases a caller may count per agent (`satisfactionAgentTrends`): any staff member their own, over
 * every case assigned to them; readers of satisfaction results every agent, over the cases of the schools
 * they read (every school for district-wide readers and integrations). Anyone else: FORBIDDEN,
 * OWN_FIGURES_ONLY.
 */
export function agentFiguresScope(principal: Principal, agentId: string | null): AgentTrendScope {
  if (principal.kind === 'user' && agentId !== null && agentId === principal.subject)
    return { schoolIds: null, agentId };
  // Integrations reach here with surveys:read only (SURVEY_AGENT_FIGURES_READ); staff need a reader's role.
  if (principal.kind === 'client' || hasAnyRole(principal, RESULT_READERS)) {
    const reach = reachOf(principal);
    return { schoolIds: reach.district ? null : reach.schoolIds, agentId };
  }
  throw new ForbiddenException('You may see your own satisfaction figures only', 'OWN_FIGURES_ONLY');
}

export const SURVEY_WRITE: FieldAccess = { roles: SURVEY_AUTHORS, scopes: [SURVEY_SCOPES.write] };
export const SURVEY_RESULTS_READ: FieldAccess = { roles: RESULT_READERS, scopes: [SURVEY_SCOPES.read] };
/** Readers of results, and any staff member for their own figures (agentFiguresScope decides the rest). */
export const SURVEY_AGENT_FIGURES_READ: FieldAccess = { roles: STAFF_ROLES, scopes: [SURVEY_SCOPES.read] };
export const CASE_SATISFACTION_READ: FieldAccess = {
  roles: CASE_SATISFACTION_READERS,
  scopes: [SURVEY_SCOPES.read],
};
