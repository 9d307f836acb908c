import { InvalidInputException } from '@homeroom/shared/errors';
import { directionOf, documentLanguageOf, LANGUAGE_NAMES, PUBLIC_LANGUAGES } from './public-languages';
import {
  fillPlaceholders,
  placeholdersOf,
  PUBLIC_TEXT,
  PUBLIC_TEXT_KEYS,
  PUBLIC_TEXT_REVIEW,
} from './public-text';
import {
  checkPublicTextCorrection,
  PUBLIC_TEXT_MAX_LENGTH,
  publicTextProblem,
} from './public-text-correction';

describe('the public pages’ words', () => {
  it('are written in every language, every key, none left empty or in English by mistake', () => {
    for (const language of PUBLIC_LANGUAGES) {
      const text = PUBLIC_TEXT[language];
      expect([language, Object.keys(text).sort()]).toEqual([language, [...PUBLIC_TEXT_KEYS].sort()]);
      for (const key of PUBLIC_TEXT_KEYS) {
        expect([language, key, text[key].trim().length > 0]).toEqual([language, key, true]);
      }
      if (language !== 'en') {
        // A sentence copied from English would pass the key check: longer strings must differ.
        const copied = PUBLIC_TEXT_KEYS.filter(
          (key) => text[key] === PUBLIC_TEXT.en[key] && PUBLIC_TEXT.en[key].length > 12,
        );
        expect([language, copied]).toEqual([language, []]);
      }
    }
  });

  it('keep the same placeholders in every language as in English', () => {
    for (const language of PUBLIC_LANGUAGES) {
      for (const key of PUBLIC_TEXT_KEYS) {
        expect([language, key, placeholdersOf(PUBLIC_TEXT[language][key])]).toEqual([
          language,
          key,
          placeholdersOf(PUBLIC_TEXT.en[key]),
        ]);
      }
    }
  });

  it('fit what a district may correct them to', () => {
    for (const language of PUBLIC_LANGUAGES) {
      for (const key of PUBLIC_TEXT_KEYS) {
        expect([language, key, publicTextProblem(language, key, PUBLIC_TEXT[language][key])]).toEqual([
          language,
          key,
          null,
        ]);
      }
    }
  });

  it('claim no native-speaker review that did not happen', () => {
    expect(Object.keys(PUBLIC_TEXT_REVIEW).sort()).toEqual([...PUBLIC_LANGUAGES].sort());
    expect(PUBLIC_TEXT_REVIEW.en.status).toBe('SOURCE');
    for (const language of ['vi', 'zh', 'ar', 'so', 'ht'] as const) {
      expect(PUBLIC_TEXT_REVIEW[language]).toEqual({
        status: 'AWAITING_NATIVE_REVIEW',
        note: 'Machine-assisted draft, awaiting native-speaker review.',
      });
    }
  });

  it('name each language in itself, Arabic right to left, Chinese marked Simplified for the page', () => {
    expect(PUBLIC_LANGUAGES.map((language) => LANGUAGE_NAMES[language])).toEqual([
      'English',
      'Español',
      'Tiếng Việt',
      '中文（简体）',
      'العربية',
      'Soomaali',
      'Kreyòl ayisyen',
    ]);
    expect(PUBLIC_LANGUAGES.filter((language) => directionOf(language) === 'rtl')).toEqual(['ar']);
    expect(['ar-EG', 'he', 'fa-IR', 'ur', 'en-US', 'zh-Hant'].map(directionOf)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
    expect(PUBLIC_LANGUAGES.map(documentLanguageOf)).toEqual(['en', 'es', 'vi', 'zh-Hans', 'ar', 'so', 'ht']);
  });

  it('fill placeholders by name, leaving an unknown one as written', () => {
    expect(fillPlaceholders(PUBLIC_TEXT.ar.chosenFile, { name: 'a.pdf', size: '2 MB' })).toBe(
      'الملف المختار: a.pdf (2 MB)',
    );
    expect(fillPlaceholders('{name} {other}', { name: 'x' })).toBe('x {other}');
  });
});

describe('a district’s correction of one string', () => {
  const refusal = (language: string, key: string, text: string) => {
    try {
      checkPublicTextCorrection(language, key, text);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputException);
      const refused = error as InvalidInputException;
      return { code: refused.code, reason: refused.reason, details: refused.details };
    }
  };

  it('is kept trimmed when it keeps the shipped placeholders, in any order', () => {
    expect(checkPublicTextCorrection('vi', 'chosenFile', '  ({size}) Tập tin: {name} ')).toEqual({
      language: 'vi',
      key: 'chosenFile',
      text: '({size}) Tập tin: {name}',
    });
  });

  it.each([
    ['fr', 'send', 'Envoyer', 'PUBLIC_TEXT_UNKNOWN_LANGUAGE', 'language'],
    ['es', 'sendNow', 'Enviar', 'PUBLIC_TEXT_UNKNOWN_KEY', 'key'],
    ['es', '__proto__', 'Enviar', 'PUBLIC_TEXT_UNKNOWN_KEY', 'key'],
    ['es', 'send', '   ', 'PUBLIC_TEXT_EMPTY', 'text'],
    ['es', 'send', 'x'.repeat(PUBLIC_TEXT_MAX_LENGTH + 1), 'PUBLIC_TEXT_TOO_LONG', 'text'],
    ['es', 'attachHint', 'Una foto, hasta 10 MB.', 'PUBLIC_TEXT_PLACEHOLDERS', 'text'],
    ['so', 'fileEmpty', '{nombre} waa madhan yahay.', 'PUBLIC_TEXT_PLACEHOLDERS', 'text'],
    ['ht', 'send', 'Voye {name}', 'PUBLIC_TEXT_PLACEHOLDERS', 'text'],
  ])('refuses a correction of %s %s (case %#)', (language, key, text, reason, path) => {
    expect(refusal(language, key, text)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason,
      details: [{ path }],
    });
  });

  it('names the placeholders to keep', () => {
    expect(publicTextProblem('ar', 'fileTooLarge', 'الملف كبير')?.message).toBe(
      'keep exactly the placeholders {max}, {name}',
    );
  });
});
