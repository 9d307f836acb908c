import { languageName } from '@homeroom/shared/contact';
import { languageTag } from './surveys/survey-input';

/**
 * The languages of texts typed one per language (a reply template's, an article's), checked: each a
 * language tag, none given twice. Gives each text's canonical tag (or what was typed, when it is none),
 * its name for messages, and what to fix, in words.
 */
export function checkedLanguages(texts: readonly { language: string }[]): {
  tags: string[];
  names: string[];
  problems: string[];
} {
  const problems: string[] = [];
  const seen = new Set<string>();
  const tags: string[] = [];
  const names: string[] = [];
  texts.forEach(({ language }, index) => {
    const tag = languageTag(language.trim());
    if (!tag) problems.push(`Text ${index + 1}: “${language}” is not a language tag (en, es, zh-TW).`);
    else if (seen.has(tag)) problems.push(`${languageName(tag)} has two texts; keep one.`);
    if (tag) seen.add(tag);
    tags.push(tag ?? language);
    names.push(tag ? languageName(tag) : `text ${index + 1}`);
  });
  if (!texts.length) problems.push('Add a text.');
  return { tags, names, problems };
}
