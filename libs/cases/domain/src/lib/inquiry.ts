import { InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';
import { normalizeEmail, normalizeLanguageTag, normalizePhone } from '@homeroom/shared/contact';

export const MAX_MESSAGE_LENGTH = 20_000;
export const MAX_SUBJECT_LENGTH = 200;

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** A message body: trimmed, not empty, not oversized. */
export function messageBody(value: string, path = 'message'): string {
  const body = value.replace(/\r\n/g, '\n').trim();
  if (!body)
    throw new InvalidInputException('The message is empty', [{ path, message: 'required' }], 'EMPTY_MESSAGE');
  if (body.length > MAX_MESSAGE_LENGTH) {
    throw new InvalidInputException(
      `The message is longer than ${MAX_MESSAGE_LENGTH} characters`,
      [{ path, message: 'too long' }],
      'MESSAGE_TOO_LONG',
    );
  }
  return body;
}

/** A subject, or the message's first line when none is given. */
export function subjectOf(subject: string | null | undefined, body: string): string {
  const given = subject?.trim();
  if (given && given.length > MAX_SUBJECT_LENGTH) {
    throw new InvalidInputException(
      `The subject is longer than ${MAX_SUBJECT_LENGTH} characters`,
      [{ path: 'subject', message: 'too long' }],
      'SUBJECT_TOO_LONG',
    );
  }
  if (given) return given;
  const firstLine = body.split('\n')[0]!.trim();
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
}

/**
 * The requester's contact snapshot. An anonymous inquiry keeps none; otherwise at least one way to answer
 * (email or phone) is required, each normalized (lower-case email, E.164 phone), unless the requester is
 * answered where they are (`addressRequired` false: a chat, answered while the family is in it).
 */
export function contactOf(
  input: ContactInput | null | undefined,
  anonymous: boolean,
  addressRequired = true,
): Contact {
  if (anonymous) return { name: null, email: null, phone: null };
  const problems: FieldProblem[] = [];
  const email = input?.email?.trim() ? normalizeEmail(input.email, 'requester.email') : null;
  const phone = input?.phone?.trim() ? normalizePhone(input.phone, 'US', 'requester.phone') : null;
  if (!email && !phone && addressRequired)
    problems.push({ path: 'requester', message: 'an email or a phone number is required unless anonymous' });
  if (problems.length)
    throw new InvalidInputException('We need a way to answer you', problems, 'CONTACT_REQUIRED');
  const name = input?.name?.trim() || null;
  return { name: name && name.length > 200 ? name.slice(0, 200) : name, email, phone };
}

export function languageOf(value: string | null | undefined, fallback: string): string {
  return value ? normalizeLanguageTag(value, 'language') : fallback;
}
