import { InvalidInputException } from '@homeroom/shared/errors';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * NIST SP 800-63B: length over composition rules; refuse the obviously guessable. Passwords are set by an
 * administrator (reset) or, later, by the staff member.
 */
export function checkPassword(password: string, { email }: { email?: string } = {}): void {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 256) problems.push('must be at most 256 characters');
  if (/^(.)\1+$/.test(password)) problems.push('must not repeat one character');
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()))
    problems.push('must not contain the email name');
  if (problems.length) {
    throw new InvalidInputException(
      `The password ${problems.join(', ')}`,
      problems.map((message) => ({ path: 'password', message })),
      'WEAK_PASSWORD',
    );
  }
}
