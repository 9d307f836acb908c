import { registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import {
  CONTACT_CHANNELS,
  MEMBERSHIP_ROLES,
  PERSON_KINDS,
  RELATIONSHIP_TYPES,
  SCHOOL_TYPES,
  STAFF_ROLES,
  TEXT_MESSAGE_CONSENTS,
} from '@homeroom/directory/domain';

export const PersonKindEnum = enumFrom(PERSON_KINDS);
export const ContactChannelEnum = enumFrom(CONTACT_CHANNELS);
export const SchoolTypeEnum = enumFrom(SCHOOL_TYPES);
export const MembershipRoleEnum = enumFrom(MEMBERSHIP_ROLES);
export const RelationshipTypeEnum = enumFrom(RELATIONSHIP_TYPES);
export const StaffRoleEnum = enumFrom(STAFF_ROLES);
export const PhoneTypeEnum = enumFrom(['MOBILE', 'HOME', 'WORK', 'OTHER'] as const);
export const TextMessageConsentEnum = enumFrom(TEXT_MESSAGE_CONSENTS);

registerEnumType(PersonKindEnum, { name: 'PersonKind' });
registerEnumType(ContactChannelEnum, { name: 'ContactChannel' });
registerEnumType(SchoolTypeEnum, { name: 'SchoolType' });
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });
registerEnumType(RelationshipTypeEnum, { name: 'RelationshipType' });
registerEnumType(StaffRoleEnum, { name: 'StaffRole' });
registerEnumType(PhoneTypeEnum, { name: 'PhoneType' });
registerEnumType(TextMessageConsentEnum, {
  name: 'TextMessageConsent',
  description: "What a phone number last texted to the district's number about text messages.",
  valuesMap: {
    UNKNOWN: { description: 'It has never texted STOP or START.' },
    OPTED_IN: { description: 'It texted START (or another opt-in keyword) last: it may be texted.' },
    OPTED_OUT: {
      description: 'It texted STOP (or another opt-out keyword) last: the district does not text it.',
    },
  },
});
