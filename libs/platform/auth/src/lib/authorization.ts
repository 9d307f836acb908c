import { STAFF_ROLES, type Principal, type StaffRole } from './principal';

/** Where a caller's roles reach: the whole district, or these schools (possibly none). */
export type SchoolReach = { district: true } | { district: false; schoolIds: readonly string[] };

const NOWHERE: SchoolReach = Object.freeze({ district: false, schoolIds: [] });
const DISTRICT: SchoolReach = Object.freeze({ district: true });

/** Every role the staff member holds anywhere (what `@Roles` checks before the school is known). */
export function rolesOf(principal: Principal): StaffRole[] {
  return principal.kind === 'user' ? [...new Set(principal.grants.map((grant) => grant.role))] : [];
}

export function hasAnyRole(principal: Principal, roles: readonly StaffRole[]): boolean {
  return principal.kind === 'user' && principal.grants.some((grant) => roles.includes(grant.role));
}

/** API-client scopes look like `cases:read`; a client needs every listed scope. */
export function hasScopes(principal: Principal, scopes: readonly string[]): boolean {
  return principal.kind === 'client' && scopes.every((scope) => principal.scopes.includes(scope));
}

/**
 * The schools where a staff member holds one of these roles (any role when none are named); district-wide
 * when one such grant names no school. API clients are limited by their scopes, not by schools, so they
 * reach the district; nobody anonymous reaches anything.
 */
export function reachOf(principal: Principal, roles: readonly StaffRole[] = STAFF_ROLES): SchoolReach {
  if (principal.kind === 'client') return DISTRICT;
  if (principal.kind !== 'user') return NOWHERE;
  const grants = principal.grants.filter((grant) => roles.includes(grant.role));
  if (grants.some((grant) => grant.schoolId === null)) return DISTRICT;
  return { district: false, schoolIds: [...new Set(grants.map((grant) => grant.schoolId!))] };
}

/** The schools a staff member's grants name ("my schools"), whatever else a district-wide grant reaches. */
export function schoolsNamedBy(principal: Principal): string[] {
  if (principal.kind !== 'user') return [];
  return [...new Set(principal.grants.flatMap((grant) => (grant.schoolId ? [grant.schoolId] : [])))];
}

/** Whether the reach covers a school; something of no school (`null`) is the district's alone. */
export function reaches(reach: SchoolReach, schoolId: string | null): boolean {
  return reach.district || (schoolId !== null && reach.schoolIds.includes(schoolId));
}

/** A staff member holding one of these roles at this school, or district-wide. */
export function holdsRoleAt(
  principal: Principal,
  roles: readonly StaffRole[],
  schoolId: string | null,
): boolean {
  return principal.kind === 'user' && reaches(reachOf(principal, roles), schoolId);
}

/** District administrators: the one role that sees confidential cases and changes district settings. */
export function isDistrictAdmin(principal: Principal): boolean {
  return holdsRoleAt(principal, ['DISTRICT_ADMIN'], null);
}

/**
 * Aggregate figures (SLA attainment, satisfaction, NPS): district-wide ones (`schoolId` null) for staff with
 * a district-wide grant and integrations; a school's also for the staff of that school.
 */
export function canSeeSchoolFigures(principal: Principal, schoolId: string | null): boolean {
  return reaches(reachOf(principal), schoolId);
}
