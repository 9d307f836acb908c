import type { StaffRoleEntity } from '@homeroom/directory/data-access';
import type { StaffGrant } from '@homeroom/platform/auth';

/**
 * What a staff member's grants let them do, as tokens and the gateway carry it: each role with the school
 * it was granted at (null: district-wide), and for the portal's display the roles and schools they name.
 * The grants are the authority: a role reaches only the school of its own grant.
 */
export function staffAccess(grants: readonly Pick<StaffRoleEntity, 'role' | 'schoolId'>[]): {
  grants: StaffGrant[];
  roles: StaffRoleEntity['role'][];
  schoolIds: string[];
} {
  return {
    grants: grants.map(({ role, schoolId }) => ({ role, schoolId })),
    roles: [...new Set(grants.map((grant) => grant.role))],
    schoolIds: [...new Set(grants.flatMap((grant) => (grant.schoolId ? [grant.schoolId] : [])))],
  };
}
