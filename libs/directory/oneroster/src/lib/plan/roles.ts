import type { MembershipRole, PersonKind, RelationshipType } from '@homeroom/directory/domain';

/** OneRoster's role vocabulary (1.1 and 1.2) → what a person is, and how they belong to a school. */
const ROLES: Record<
  string,
  { kind: PersonKind; membership: MembershipRole; relationship?: RelationshipType }
> = {
  student: { kind: 'STUDENT', membership: 'STUDENT' },
  parent: { kind: 'GUARDIAN', membership: 'GUARDIAN', relationship: 'PARENT' },
  guardian: { kind: 'GUARDIAN', membership: 'GUARDIAN', relationship: 'GUARDIAN' },
  relative: { kind: 'GUARDIAN', membership: 'GUARDIAN', relationship: 'RELATIVE' },
  teacher: { kind: 'STAFF', membership: 'TEACHER' },
  aide: { kind: 'STAFF', membership: 'STAFF' },
  counselor: { kind: 'STAFF', membership: 'STAFF' },
  proctor: { kind: 'STAFF', membership: 'STAFF' },
  administrator: { kind: 'STAFF', membership: 'ADMINISTRATOR' },
  principal: { kind: 'STAFF', membership: 'ADMINISTRATOR' },
  siteAdministrator: { kind: 'STAFF', membership: 'ADMINISTRATOR' },
  districtAdministrator: { kind: 'STAFF', membership: 'ADMINISTRATOR' },
  systemAdministrator: { kind: 'STAFF', membership: 'ADMINISTRATOR' },
};

export function oneRosterRole(role: string): (typeof ROLES)[string] | undefined {
  return ROLES[role.trim()];
}
