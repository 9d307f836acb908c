import { InvalidInputException } from '@homeroom/shared/errors';

/** Reasons for refused contact details, shared by every service that takes them (directory, cases, surveys). */
export const CONTACT_REASONS = {
  invalidEmail: 'INVALID_EMAIL',
  invalidPhone: 'INVALID_PHONE',
  invalidLanguageTag: 'INVALID_LANGUAGE_TAG',
  invalidTimeZone: 'INVALID_TIME_ZONE',
  noPrimaryContact: 'PRIMARY_CONTACT_REQUIRED',
} as const;

export function invalidField(path: string, message: string, reason: string): InvalidInputException {
  return new InvalidInputException(message, [{ path, message }], reason);
}
