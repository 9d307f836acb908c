import { InvalidInputException } from '@homeroom/shared/errors';

/** Domain reasons the directory adds to the shared codes; clients may switch on them. */
export const DIRECTORY_REASONS = {
  invalidEmail: 'INVALID_EMAIL',
  invalidPhone: 'INVALID_PHONE',
  invalidLanguageTag: 'INVALID_LANGUAGE_TAG',
  invalidTimeZone: 'INVALID_TIME_ZONE',
  noPrimaryContact: 'PRIMARY_CONTACT_REQUIRED',
  duplicateSchoolCode: 'DUPLICATE_SCHOOL_CODE',
  duplicateSourcedId: 'DUPLICATE_SOURCED_ID',
  notAGuardianOrStudent: 'INVALID_RELATIONSHIP',
  mergeIntoSelf: 'MERGE_INTO_SELF',
  mergeKindMismatch: 'MERGE_KIND_MISMATCH',
  inactiveRecord: 'RECORD_INACTIVE',
} as const;

export function invalidField(path: string, message: string, reason: string): InvalidInputException {
  return new InvalidInputException(message, [{ path, message }], reason);
}
