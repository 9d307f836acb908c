import { registerEnumType } from '@nestjs/graphql';
import {
  CONTACT_CHANNELS,
  MEMBERSHIP_ROLES,
  PERSON_KINDS,
  RELATIONSHIP_TYPES,
  SCHOOL_TYPES,
  STAFF_ROLES,
} from '@homeroom/directory/domain';

/** GraphQL enums from the domain's lists, so the API and the rules cannot drift apart. */
function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const PersonKindEnum = enumOf(PERSON_KINDS);
export const ContactChannelEnum = enumOf(CONTACT_CHANNELS);
export const SchoolTypeEnum = enumOf(SCHOOL_TYPES);
export const MembershipRoleEnum = enumOf(MEMBERSHIP_ROLES);
export const RelationshipTypeEnum = enumOf(RELATIONSHIP_TYPES);
export const StaffRoleEnum = enumOf(STAFF_ROLES);
export const PhoneTypeEnum = enumOf(['MOBILE', 'HOME', 'WORK', 'OTHER'] as const);

registerEnumType(PersonKindEnum, { name: 'PersonKind' });
registerEnumType(ContactChannelEnum, { name: 'ContactChannel' });
registerEnumType(SchoolTypeEnum, { name: 'SchoolType' });
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });
registerEnumType(RelationshipTypeEnum, { name: 'RelationshipType' });
registerEnumType(StaffRoleEnum, { name: 'StaffRole' });
registerEnumType(PhoneTypeEnum, { name: 'PhoneType' });
