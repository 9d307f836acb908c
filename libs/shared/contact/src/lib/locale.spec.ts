import { languageName, normalizeLanguageTag, normalizeTimeZone } from './locale';

describe('locale', () => {
  it.each([
    ['en', 'en'],
    ['ES-mx', 'es-MX'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['vi', 'vi'],
  ])('canonicalizes %s to %s', (input, canonical) => {
    expect(normalizeLanguageTag(input)).toBe(canonical);
  });

  it.each(['', 'spanish', 'en_US', 'x'])('refuses %p', (input) => {
    expect(() => normalizeLanguageTag(input)).toThrow(
      expect.objectContaining({ reason: 'INVALID_LANGUAGE_TAG' }),
    );
  });

  it('accepts IANA time zones only', () => {
    expect(normalizeTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(() => normalizeTimeZone('Central Time')).toThrow(
      expect.objectContaining({ reason: 'INVALID_TIME_ZONE' }),
    );
  });
});

describe('languageName', () => {
  it('names a tag in English, with the tag, for labels', () => {
    expect(languageName('es')).toBe('Spanish (es)');
    expect(languageName('vi')).toBe('Vietnamese (vi)');
    expect(languageName('ht')).toBe('Haitian Creole (ht)');
  });

  it('gives the tag itself when there is no name for it', () => {
    expect(languageName('qaa')).toBe('qaa');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});
