import type { Principal, StaffRole } from './principal';

export function hasAnyRole(principal: Principal, roles: readonly StaffRole[]): boolean {
  return principal.kind === 'user' && principal.roles.some((role) => roles.includes(role));
}

/** API-client scopes look like `cases:read`; a client needs every listed scope. */
export function hasScopes(principal: Principal, scopes: readonly string[]): boolean {
  return principal.kind === 'client' && scopes.every((scope) => principal.scopes.includes(scope));
}

/** Staff see the schools they belong to; district administrators see all; clients by their scopes. */
export function canSeeSchool(principal: Principal, schoolId: string): boolean {
  if (principal.kind === 'anonymous') return false;
  if (principal.kind === 'client') return true;
  return principal.roles.includes('DISTRICT_ADMIN') || principal.schoolIds.includes(schoolId);
}

/**
 * Aggregate figures (SLA attainment, satisfaction): district-wide ones (`schoolId` null) for district
 * administrators, viewers and integrations; a school's also for the staff of that school.
 */
export function canSeeSchoolFigures(principal: Principal, schoolId: string | null): boolean {
  const districtWide =
    principal.kind === 'client' ||
    (principal.kind === 'user' &&
      principal.roles.some((role) => role === 'DISTRICT_ADMIN' || role === 'VIEWER'));
  return districtWide || (schoolId !== null && canSeeSchool(principal, schoolId));
}
