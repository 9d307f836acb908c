import { InvalidInputException } from '@homeroom/shared/errors';
import { isPublicLanguage, type PublicLanguage } from './public-languages';
import { isPublicTextKey, placeholdersOf, PUBLIC_TEXT, type PublicTextKey } from './public-text';

/** The longest a corrected string may be: the longest shipped one is near 130 characters. */
export const PUBLIC_TEXT_MAX_LENGTH = 300;

/** Why a correction is refused (`extensions.reason`), the same words for the API and the portal's editor. */
export const PUBLIC_TEXT_REASONS = {
  unknownLanguage: 'PUBLIC_TEXT_UNKNOWN_LANGUAGE',
  unknownKey: 'PUBLIC_TEXT_UNKNOWN_KEY',
  empty: 'PUBLIC_TEXT_EMPTY',
  tooLong: 'PUBLIC_TEXT_TOO_LONG',
  placeholders: 'PUBLIC_TEXT_PLACEHOLDERS',
} as const;

export type PublicTextReason = (typeof PUBLIC_TEXT_REASONS)[keyof typeof PUBLIC_TEXT_REASONS];

export interface PublicTextProblem {
  reason: PublicTextReason;
  path: 'language' | 'key' | 'text';
  message: string;
}

/**
 * What is wrong with a district's correction of one string, or null when it may be kept: a language and
 * key the pages have, some words, at most PUBLIC_TEXT_MAX_LENGTH characters, and exactly the placeholders
 * of the shipped string (a `{name}` lost or misspelt would show the family a raw brace, or drop the file's
 * name from a refusal).
 */
export function publicTextProblem(language: string, key: string, text: string): PublicTextProblem | null {
  if (!isPublicLanguage(language))
    return {
      reason: PUBLIC_TEXT_REASONS.unknownLanguage,
      path: 'language',
      message: 'not a language of the public pages',
    };
  if (!isPublicTextKey(key))
    return {
      reason: PUBLIC_TEXT_REASONS.unknownKey,
      path: 'key',
      message: 'not a string of the public pages',
    };
  const trimmed = text.trim();
  if (!trimmed) return { reason: PUBLIC_TEXT_REASONS.empty, path: 'text', message: 'write the words' };
  if (trimmed.length > PUBLIC_TEXT_MAX_LENGTH)
    return {
      reason: PUBLIC_TEXT_REASONS.tooLong,
      path: 'text',
      message: `at most ${PUBLIC_TEXT_MAX_LENGTH} characters`,
    };
  const expected = placeholdersOf(PUBLIC_TEXT.en[key]);
  if (placeholdersOf(trimmed).join() !== expected.join())
    return {
      reason: PUBLIC_TEXT_REASONS.placeholders,
      path: 'text',
      message: expected.length
        ? `keep exactly the placeholders ${expected.map((name) => `{${name}}`).join(', ')}`
        : 'no placeholders in braces here',
    };
  return null;
}

/** A correction as it is kept (trimmed), or the typed refusal of it (BAD_USER_INPUT with its reason). */
export function checkPublicTextCorrection(
  language: string,
  key: string,
  text: string,
): { language: PublicLanguage; key: PublicTextKey; text: string } {
  const problem = publicTextProblem(language, key, text);
  if (problem)
    throw new InvalidInputException(
      `${problem.path}: ${problem.message}`,
      [{ path: problem.path, message: problem.message }],
      problem.reason,
    );
  return { language: language as PublicLanguage, key: key as PublicTextKey, text: text.trim() };
}

/** A language of the public pages, or the typed refusal of it (PUBLIC_TEXT_UNKNOWN_LANGUAGE). */
export function checkPublicLanguage(language: string): PublicLanguage {
  return checkPublicTextTarget(language, 'send').language;
}

/** A string of the public pages in one of their languages (what a reset names), or the typed refusal. */
export function checkPublicTextTarget(
  language: string,
  key: string,
): { language: PublicLanguage; key: PublicTextKey } {
  // The shipped words pass every rule on the text, so only the language or the key can be refused.
  const { text: _shipped, ...target } = checkPublicTextCorrection(
    language,
    key,
    isPublicTextKey(key) ? PUBLIC_TEXT.en[key] : '',
  );
  return target;
}
