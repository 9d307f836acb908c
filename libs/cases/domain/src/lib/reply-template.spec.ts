import { refusal } from './testing/refusal';
import {
  checkTranslations,
  formatDueAt,
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
  'sla.dueAt': null,
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

  it('leaves the tracking link for delivery, written one way however the template spaced it', () => {
    expect(renderTemplate('Case {{case.number}}: {{ case.trackingLink }}', 'es', values)).toBe(
      'Case HR-2026-000042: {{case.trackingLink}}',
    );
    expect(
      checkTranslations([{ language: 'en', body: 'Follow it: {{case.trackingLink}}' }], 'en'),
    ).toHaveLength(1);
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

  describe('the SLA due time', () => {
    const chicago = 'America/Chicago';

    it("reads in the requester's language on the district's clock, the zone named", () => {
      // 21:30 UTC on Wednesday 9 December 2026 is 3:30 pm in Chicago (CST, UTC-6).
      const dueAt = new Date('2026-12-09T21:30:00Z');
      expect(formatDueAt(dueAt, 'en', chicago)).toBe('Wednesday, December 9 at 3:30 PM CST');
      // Spanish has no abbreviation for the zone: ICU names it by its offset.
      expect(formatDueAt(dueAt, 'es', chicago)).toBe('miércoles, 9 de diciembre, 15:30 GMT-6');
      // Past midnight UTC is still the evening before in the district.
      expect(formatDueAt(new Date('2026-12-10T02:15:00Z'), 'en', chicago)).toBe(
        'Wednesday, December 9 at 8:15 PM CST',
      );
    });

    it('names daylight time once the clocks change', () => {
      expect(formatDueAt(new Date('2027-03-15T14:00:00Z'), 'en', chicago)).toBe(
        'Monday, March 15 at 9:00 AM CDT',
      );
    });

    it('fills {{sla.dueAt}}, and says "as soon as we can" in the text\'s language when the case has none', () => {
      const body = 'We will answer by {{ sla.dueAt }}.';
      expect(
        renderTemplate(body, 'en', { ...values, 'sla.dueAt': 'Wednesday, December 9 at 3:30 PM CST' }),
      ).toBe('We will answer by Wednesday, December 9 at 3:30 PM CST.');
      expect(renderTemplate(body, 'en', values)).toBe('We will answer by as soon as we can.');
      expect(renderTemplate('Responderemos {{sla.dueAt}}.', 'es-MX', values)).toBe(
        'Responderemos lo antes posible.',
      );
      expect(checkTranslations([{ language: 'en', body }], 'en')).toEqual([{ language: 'en', body }]);
    });
  });
});
