import { registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import {
  CONTACT_CHANNELS,
  MEMBERSHIP_ROLES,
  PERSON_KINDS,
  RELATIONSHIP_TYPES,
  SCHOOL_TYPES,
  STAFF_ROLES,
} from '@homeroom/directory/domain';

export const PersonKindEnum = enumFrom(PERSON_KINDS);
export const ContactChannelEnum = enumFrom(CONTACT_CHANNELS);
export const SchoolTypeEnum = enumFrom(SCHOOL_TYPES);
export const MembershipRoleEnum = enumFrom(MEMBERSHIP_ROLES);
export const RelationshipTypeEnum = enumFrom(RELATIONSHIP_TYPES);
export const StaffRoleEnum = enumFrom(STAFF_ROLES);
export const PhoneTypeEnum = enumFrom(['MOBILE', 'HOME', 'WORK', 'OTHER'] as const);

registerEnumType(PersonKindEnum, { name: 'PersonKind' });
registerEnumType(ContactChannelEnum, { name: 'ContactChannel' });
registerEnumType(SchoolTypeEnum, { name: 'SchoolType' });
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });
registerEnumType(RelationshipTypeEnum, { name: 'RelationshipType' });
registerEnumType(StaffRoleEnum, { name: 'StaffRole' });
registerEnumType(PhoneTypeEnum, { name: 'PhoneType' });
