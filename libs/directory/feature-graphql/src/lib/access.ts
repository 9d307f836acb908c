import type { GraphQLResolveInfo } from 'graphql';
import { EVERYONE, type AuditActor, type PersonVisibility } from '@homeroom/directory/data-access';
import { ForbiddenException } from '@homeroom/shared/errors';
import {
  holdsRoleAt,
  reachOf,
  type FieldAccess,
  type Principal,
  type StaffRole,
} from '@homeroom/platform/auth';

/** Scopes vendors' API clients hold for the directory. */
export const DIRECTORY_SCOPES = { read: 'directory:read', write: 'directory:write' } as const;

/**
 * API clients and staff with a district-wide grant see everyone; other staff the people of the schools
 * their grants name, and the community.
 */
export function visibilityOf(principal: Principal): PersonVisibility {
  const reach = reachOf(principal);
  return reach.district ? EVERYONE : { everyone: false, schoolIds: reach.schoolIds };
}

/**
 * A change to something that belongs to a school (`null`: to the district, as a department's team):
 * staff need one of these roles there, or district-wide. API clients are held to their scopes alone.
 */
export function assertMayChangeAt(
  principal: Principal,
  roles: readonly StaffRole[],
  schoolId: string | null,
): void {
  if (principal.kind === 'client') return;
  if (!holdsRoleAt(principal, roles, schoolId))
    throw new ForbiddenException(
      schoolId ? 'You may not change what belongs to this school' : 'Only district staff may change this',
      'OUTSIDE_YOUR_SCHOOLS',
    );
}

/** How a read is named in the audit log: `query:CasePage`, or the field when the operation has no name. */
export function auditedOperation(info: GraphQLResolveInfo): string {
  return `${info.operation.operation}:${info.operation.name?.value ?? info.fieldName}`;
}

export function actorOf(principal: Principal): AuditActor {
  if (principal.kind === 'anonymous') throw new Error('anonymous callers never reach audited reads');
  return { kind: principal.kind, id: principal.subject };
}

/** The directory's records: district administrators, and API clients allowed to write them. */
export const DIRECTORY_WRITE: FieldAccess = { roles: ['DISTRICT_ADMIN'], scopes: [DIRECTORY_SCOPES.write] };

/** Teams: administrators of the district or of the team's school (assertMayChangeAt checks which). */
export const TEAM_WRITE: FieldAccess = {
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  scopes: [DIRECTORY_SCOPES.write],
};
