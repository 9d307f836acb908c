import { InvalidInputException } from '@homeroom/shared/errors';

export const MAX_TAGS_PER_CASE = 20;
const MAX_TAG_LENGTH = 40;

/**
 * Tags as staff type them ("Bus 14", "bus-14 ") become one spelling ("bus-14"), so that filters and
 * routing rules match however they were entered. Unknown characters are refused rather than dropped, so a
 * tag never silently means something else than what was typed.
 */
export function normalizeTag(value: string, path = 'tags'): string {
  const tag = value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');
  if (!tag || tag.length > MAX_TAG_LENGTH || !/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(tag)) {
    throw new InvalidInputException(
      `"${value}" is not a tag: letters, digits and dashes, up to ${MAX_TAG_LENGTH}`,
      [{ path, message: 'invalid tag' }],
      'INVALID_TAG',
    );
  }
  return tag;
}

/** The union of what a case has and what is added, minus what is removed, in first-seen order. */
export function mergeTags(
  current: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[] {
  const removed = new Set(remove.map((tag, i) => normalizeTag(tag, `remove.${i}`)));
  const next = [...new Set([...current, ...add.map((tag, i) => normalizeTag(tag, `add.${i}`))])].filter(
    (tag) => !removed.has(tag),
  );
  if (next.length > MAX_TAGS_PER_CASE) {
    throw new InvalidInputException(
      `A case keeps at most ${MAX_TAGS_PER_CASE} tags`,
      [{ path: 'add', message: 'too many tags' }],
      'TOO_MANY_TAGS',
    );
  }
  return next;
}
