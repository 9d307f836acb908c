import { CONTACT_REASONS } from '@homeroom/shared/contact';

/** Domain reasons the directory adds to the shared codes; clients may switch on them. */
export const DIRECTORY_REASONS = {
  ...CONTACT_REASONS,
  duplicateSchoolCode: 'DUPLICATE_SCHOOL_CODE',
  duplicateSourcedId: 'DUPLICATE_SOURCED_ID',
  notAGuardianOrStudent: 'INVALID_RELATIONSHIP',
  mergeIntoSelf: 'MERGE_INTO_SELF',
  mergeKindMismatch: 'MERGE_KIND_MISMATCH',
  inactiveRecord: 'RECORD_INACTIVE',
  unknownSchool: 'UNKNOWN_SCHOOL',
  unknownDepartment: 'UNKNOWN_DEPARTMENT',
  departmentOfAnotherSchool: 'DEPARTMENT_OF_ANOTHER_SCHOOL',
  tooManySearchTerms: 'TOO_MANY_SEARCH_TERMS',
} as const;
