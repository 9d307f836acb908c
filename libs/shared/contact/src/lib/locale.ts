import { CONTACT_REASONS, invalidField } from './contact-errors';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Tags already found valid, as given → canonical. */
const canonicalTags = new Map<string, string>();

/**
 * A BCP 47 language tag in its canonical form ("ES-mx" → "es-MX") whose language ICU knows, or null (for
 * "spanish": well-formed, but no language). The one rule for services and the portal alike.
 */
export function canonicalLanguageTag(value: string): string | null {
  const known = canonicalTags.get(value);
  if (known) return known;
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical && languageNames.of(new Intl.Locale(canonical).language)) {
      // A district uses a few dozen tags; an import asks about the same one for every person.
      if (canonicalTags.size < 1_000) canonicalTags.set(value, canonical);
      return canonical;
    }
  } catch {
    // RangeError for a malformed tag: not one
  }
  return null;
}

/** "Spanish (es)": a tag with its English name, for labels; the tag itself when ICU has no name for it. */
export function languageName(tag: string): string {
  try {
    const name = languageNames.of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The canonical tag (canonicalLanguageTag), or a typed error naming the field. */
export function normalizeLanguageTag(value: string, path = 'preferredLanguage'): string {
  const tag = canonicalLanguageTag(value);
  if (tag) return tag;
  throw invalidField(path, `"${value}" is not a BCP 47 language tag`, CONTACT_REASONS.invalidLanguageTag);
}

/** An IANA time zone the runtime knows ("America/Chicago"). */
export function normalizeTimeZone(value: string, path = 'timeZone'): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value.trim() }).resolvedOptions().timeZone;
  } catch {
    throw invalidField(path, `"${value}" is not an IANA time zone`, CONTACT_REASONS.invalidTimeZone);
  }
}
