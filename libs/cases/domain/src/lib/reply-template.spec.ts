import { refusal } from './testing/refusal';
import {
  checkTranslations,
  type PlaceholderValues,
  placeholdersIn,
  renderTemplate,
  translationFor,
} from './reply-template';

const values: PlaceholderValues = {
  'requester.name': 'Ana Ruiz',
  'case.number': 'HR-2026-000042',
  'case.subject': 'Bus 14 late',
  'school.name': 'Lincoln Elementary',
};

describe('reply templates', () => {
  it('finds each placeholder once, spaces inside the braces allowed', () => {
    expect(placeholdersIn('Hi {{requester.name}}, case {{ case.number }} ({{case.number}})')).toEqual([
      'requester.name',
      'case.number',
    ]);
    expect(placeholdersIn('no placeholders, { single } braces')).toEqual([]);
  });

  it('fills the placeholders from the case, and reads as a sentence where the case has no value', () => {
    const body = 'Hello {{ requester.name }}, about {{case.number}} ({{case.subject}}) at {{school.name}}.';
    expect(renderTemplate(body, 'en', values)).toBe(
      'Hello Ana Ruiz, about HR-2026-000042 (Bus 14 late) at Lincoln Elementary.',
    );
    const anonymous = { ...values, 'requester.name': null, 'school.name': null };
    expect(renderTemplate(body, 'en', anonymous)).toBe(
      'Hello there, about HR-2026-000042 (Bus 14 late) at our district.',
    );
    expect(renderTemplate('Hola {{requester.name}}', 'es-MX', anonymous)).toBe('Hola familia');
  });

  it("chooses the requester's language, then its base language, then the district's", () => {
    const translations = [
      { language: 'en', body: 'Hello' },
      { language: 'es', body: 'Hola' },
      { language: 'zh-TW', body: '您好' },
    ];
    expect(translationFor(translations, 'es', 'en').body).toBe('Hola');
    expect(translationFor(translations, 'es-MX', 'en').body).toBe('Hola');
    expect(translationFor(translations, 'zh-TW', 'en').body).toBe('您好');
    expect(translationFor(translations, 'vi', 'en').body).toBe('Hello');
  });

  it('refuses unknown placeholders, naming each and the ones a template may use', () => {
    const error = refusal(() =>
      checkTranslations(
        [
          { language: 'en', body: 'Hi {{requester.name}}, your {{tracking.link}}' },
          { language: 'es', body: 'Hola {{ nombre }}' },
        ],
        'en',
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.reason).toBe('UNKNOWN_PLACEHOLDER');
    expect(error.details).toEqual([
      { path: 'translations.0.body', message: 'unknown placeholder {{tracking.link}}' },
      { path: 'translations.1.body', message: 'unknown placeholder {{nombre}}' },
    ]);
    expect(error.message).toContain('{{requester.name}}');
  });

  it("needs the district's language, one text per language, and no empty text", () => {
    expect(refusal(() => checkTranslations([{ language: 'es', body: 'Hola' }], 'en')).reason).toBe(
      'MISSING_DEFAULT_LANGUAGE',
    );
    expect(
      refusal(() =>
        checkTranslations(
          [
            { language: 'en', body: 'Hi' },
            { language: 'en', body: ' ' },
            { language: 'not a tag', body: 'x' },
          ],
          'en',
        ),
      ).details,
    ).toEqual([
      { path: 'translations.1.language', message: 'given twice' },
      { path: 'translations.1.body', message: 'empty' },
      { path: 'translations.2.language', message: 'not a language tag' },
    ]);
    expect(checkTranslations([{ language: 'en', body: 'Hi {{case.number}}' }], 'en')).toEqual([
      { language: 'en', body: 'Hi {{case.number}}' },
    ]);
  });
});
