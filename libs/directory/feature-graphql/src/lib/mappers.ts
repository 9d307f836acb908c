import type {
  AuditEntryEntity,
  PersonEntity,
  SchoolEntity,
  TeamEntity,
} from '@homeroom/directory/data-access';
import type { AuditEntry } from './types/district.type';
import type { Person } from './types/person.type';
import type { School } from './types/school.type';
import type { Team } from './types/team.type';

/** Entities → API types: a column rename stays a storage change, never a breaking change for vendors. */
export function toSchool(entity: SchoolEntity): School {
  return {
    id: entity.id,
    name: entity.name,
    code: entity.code,
    ncesId: entity.ncesId,
    type: entity.type,
    lowestGrade: entity.lowestGrade,
    highestGrade: entity.highestGrade,
    address: entity.address ? { ...entity.address, line2: entity.address.line2 ?? null } : null,
    phone: entity.phone,
    timeZone: entity.timeZone,
    active: entity.active,
    principalId: entity.principalId,
  };
}

export function toPerson(entity: PersonEntity): Person {
  return {
    id: entity.id,
    kind: entity.kind,
    givenName: entity.givenName,
    middleName: entity.middleName,
    familyName: entity.familyName,
    preferredName: entity.preferredName,
    displayName: `${entity.preferredName ?? entity.givenName} ${entity.familyName}`,
    emails: entity.emails.map(({ address, primary }) => ({ address, primary })),
    phones: entity.phones.map(({ number, primary, type }) => ({ number, primary, type })),
    preferredLanguage: entity.preferredLanguage,
    preferredChannel: entity.preferredChannel,
    sourcedId: entity.sourcedId,
    active: entity.active,
    mergedIntoId: entity.mergedIntoId,
    householdId: entity.householdId,
  };
}

export function toTeam(entity: TeamEntity): Team {
  return {
    id: entity.id,
    name: entity.name,
    schoolId: entity.schoolId,
    departmentId: entity.departmentId,
    active: entity.active,
  };
}

export function toAuditEntry(entity: AuditEntryEntity): AuditEntry {
  return {
    id: entity.id,
    actorKind: entity.actorKind,
    actorId: entity.actorId,
    personId: entity.personId,
    operation: entity.operation,
    at: entity.at,
  };
}
