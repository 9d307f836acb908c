import { ApiClientEntity } from './api-client.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { OidcPayloadEntity } from './oidc-payload.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { StaffCredentialEntity } from './staff-credential.entity';
import { DepartmentEntity } from './department.entity';
import { DistrictEntity } from './district.entity';
import { HouseholdEntity } from './household.entity';
import { PersonMergeEntity } from './person-merge.entity';
import { PersonEntity } from './person.entity';
import { RelationshipEntity } from './relationship.entity';
import { SchoolMembershipEntity } from './school-membership.entity';
import { SchoolEntity } from './school.entity';
import { StaffRoleEntity } from './staff-role.entity';
import { TeamEntity, TeamMemberEntity } from './team.entity';

export {
  ApiClientEntity,
  AuditEntryEntity,
  OidcPayloadEntity,
  SigningKeyEntity,
  StaffCredentialEntity,
  DepartmentEntity,
  DistrictEntity,
  HouseholdEntity,
  PersonEntity,
  PersonMergeEntity,
  RelationshipEntity,
  SchoolEntity,
  SchoolMembershipEntity,
  StaffRoleEntity,
  TeamEntity,
  TeamMemberEntity,
};
export type { PostalAddress } from './school.entity';

export const DIRECTORY_ENTITIES = [
  DistrictEntity,
  SchoolEntity,
  DepartmentEntity,
  PersonEntity,
  SchoolMembershipEntity,
  RelationshipEntity,
  HouseholdEntity,
  StaffRoleEntity,
  TeamEntity,
  TeamMemberEntity,
  AuditEntryEntity,
  PersonMergeEntity,
  StaffCredentialEntity,
  ApiClientEntity,
  SigningKeyEntity,
  OidcPayloadEntity,
];
