export const PERSON_KINDS = ['STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const CONTACT_CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'MAIL'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * What a phone number last said about text messages (STOP or START to the district's number); UNKNOWN
 * when it never said either.
 */
export const TEXT_MESSAGE_CONSENTS = ['UNKNOWN', 'OPTED_IN', 'OPTED_OUT'] as const;
export type TextMessageConsent = (typeof TEXT_MESSAGE_CONSENTS)[number];

export const SCHOOL_TYPES = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'K8', 'K12', 'ALTERNATIVE', 'OTHER'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** How a person belongs to a school (OneRoster's roles, narrowed to what routing and access need). */
export const MEMBERSHIP_ROLES = ['STUDENT', 'TEACHER', 'STAFF', 'ADMINISTRATOR', 'GUARDIAN'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const RELATIONSHIP_TYPES = [
  'PARENT',
  'GUARDIAN',
  'GRANDPARENT',
  'RELATIVE',
  'FOSTER_PARENT',
  'OTHER',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const STAFF_ROLES = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Kinds whose records are FERPA education records or family data: every staff or client read is audited. */
export const AUDITED_KINDS: readonly PersonKind[] = ['STUDENT', 'GUARDIAN'];
