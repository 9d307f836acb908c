import type { StaffRoleEntity } from '@homeroom/directory/data-access';

/**
 * What a staff member's grants let them do, as tokens and the gateway carry it: their roles, and the
 * schools their school-level grants name (a district-wide grant names none and reaches every school).
 */
export function staffAccess(grants: readonly Pick<StaffRoleEntity, 'role' | 'schoolId'>[]): {
  roles: StaffRoleEntity['role'][];
  schoolIds: string[];
} {
  return {
    roles: [...new Set(grants.map((grant) => grant.role))],
    schoolIds: [...new Set(grants.flatMap((grant) => (grant.schoolId ? [grant.schoolId] : [])))],
  };
}
