import {
  localize,
  nextVersion,
  surveyProblems,
  surveyTranslations,
  translate,
  validateSurvey,
  type QuestionInput,
  type SurveyInput,
} from './survey-definition';

const csat: QuestionInput = {
  id: 'csat',
  kind: 'SCALE',
  required: true,
  text: { en: 'How satisfied are you?', es: '¿Qué tan satisfecho está?' },
  lowLabel: { en: 'Not at all', es: 'Nada' },
  highLabel: { en: 'Completely', es: 'Totalmente' },
};

const survey = (overrides: Partial<SurveyInput> = {}): SurveyInput => ({
  defaultLanguage: 'en',
  audiences: ['FAMILIES'],
  title: { en: 'How did we do?', 'ES-mx': '¿Cómo lo hicimos?' },
  questions: [
    csat,
    { id: 'nps', kind: 'NPS', text: { en: 'Would you recommend us?' } },
    {
      id: 'topics',
      kind: 'MULTI_CHOICE',
      text: { en: 'What was it about?' },
      choices: [
        { id: 'bus', text: { en: 'Buses', es: 'Autobuses' } },
        { id: 'lunch', text: { en: 'Lunch' } },
        { id: 'grades', text: { en: 'Grades' } },
      ],
      maxSelections: 2,
    },
    { id: 'comment', kind: 'TEXT', text: { en: 'Anything else?' }, maxLength: 500 },
  ],
  ...overrides,
});

describe('validateSurvey', () => {
  it('normalizes a valid survey: language tags, defaults, languages offered', () => {
    const definition = validateSurvey(survey());
    expect(definition.version).toBe(1);
    expect(definition.languages).toEqual(['en', 'es', 'es-MX']);
    expect(definition.title).toEqual({ en: 'How did we do?', 'es-MX': '¿Cómo lo hicimos?' });
    expect(definition.questions.map((q) => q.kind)).toEqual(['SCALE', 'NPS', 'MULTI_CHOICE', 'TEXT']);
    expect(definition.questions[0]).toMatchObject({ min: 1, max: 10, required: true });
    expect(definition.questions[1]).toMatchObject({ min: 0, max: 10, required: false });
    expect(definition.questions[2]).toMatchObject({ minSelections: 0, maxSelections: 2 });
    expect(definition.questions[3]).toMatchObject({ maxLength: 500 });
  });

  it('gives built-in end labels to scales without their own', () => {
    const definition = validateSurvey(survey());
    expect(definition.questions[1]).toMatchObject({ lowLabel: { en: 'Not at all likely' } });
  });

  const choices = (...ids: string[]) => ids.map((id) => ({ id, text: { en: id } }));
  it.each<[string, Partial<SurveyInput>, string, string]>([
    ['no questions', { questions: [] }, 'questions', 'NO_QUESTIONS'],
    [
      'two questions sharing an id (case-insensitively)',
      { questions: [csat, { ...csat, id: 'CSAT' }] },
      'questions[1].id',
      'DUPLICATE_QUESTION_ID',
    ],
    [
      'a malformed question id',
      { questions: [{ ...csat, id: 'how satisfied?' }] },
      'questions[0].id',
      'INVALID_QUESTION_ID',
    ],
    [
      'an unknown kind',
      { questions: [{ ...csat, kind: 'RANKING' }] },
      'questions[0].kind',
      'INVALID_QUESTION_KIND',
    ],
    [
      'a single choice with one choice',
      { questions: [{ id: 'q', kind: 'SINGLE_CHOICE', text: { en: 'Q' }, choices: choices('a') }] },
      'questions[0].choices',
      'INVALID_CHOICES',
    ],
    [
      'two choices sharing an id',
      { questions: [{ id: 'q', kind: 'SINGLE_CHOICE', text: { en: 'Q' }, choices: choices('a', 'A') }] },
      'questions[0].choices',
      'INVALID_CHOICES',
    ],
    [
      'min selections above max',
      {
        questions: [
          {
            id: 'q',
            kind: 'MULTI_CHOICE',
            text: { en: 'Q' },
            choices: choices('a', 'b', 'c'),
            minSelections: 3,
            maxSelections: 2,
          },
        ],
      },
      'questions[0].maxSelections',
      'INVALID_CHOICES',
    ],
    [
      'max selections above the choices',
      {
        questions: [
          { id: 'q', kind: 'MULTI_CHOICE', text: { en: 'Q' }, choices: choices('a', 'b'), maxSelections: 3 },
        ],
      },
      'questions[0].maxSelections',
      'INVALID_CHOICES',
    ],
    [
      'a question without default-language text',
      { questions: [{ ...csat, text: { es: 'Sólo español' } }] },
      'questions[0].text',
      'MISSING_TRANSLATION',
    ],
    [
      'a choice without default-language text',
      {
        questions: [
          {
            id: 'q',
            kind: 'SINGLE_CHOICE',
            text: { en: 'Q' },
            choices: [
              { id: 'a', text: { en: 'A' } },
              { id: 'b', text: { es: 'B' } },
            ],
          },
        ],
      },
      'questions[0].choices[1].text',
      'MISSING_TRANSLATION',
    ],
    ['a blank title', { title: { en: '   ' } }, 'title', 'MISSING_TRANSLATION'],
    ['a scale to 11', { questions: [{ ...csat, max: 11 }] }, 'questions[0].max', 'INVALID_SCALE'],
    ['a scale of one point', { questions: [{ ...csat, max: 1 }] }, 'questions[0].max', 'INVALID_SCALE'],
    [
      'an NPS question not to 10',
      { questions: [{ id: 'n', kind: 'NPS', text: { en: 'N' }, max: 5 }] },
      'questions[0].max',
      'INVALID_SCALE',
    ],
    [
      'a text answer longer than allowed',
      { questions: [{ id: 't', kind: 'TEXT', text: { en: 'T' }, maxLength: 10_000 }] },
      'questions[0].maxLength',
      'INVALID_TEXT_LENGTH',
    ],
    [
      'a default language that is no language',
      { defaultLanguage: 'spanish' },
      'defaultLanguage',
      'INVALID_LANGUAGE_TAG',
    ],
    ['an unknown audience', { audiences: ['PETS'] }, 'audiences', 'INVALID_AUDIENCE'],
    ['no audience', { audiences: [] }, 'audiences', 'INVALID_AUDIENCE'],
  ])('refuses %s', (_, overrides, path, reason) => {
    expect(surveyProblems(survey(overrides))).toContainEqual(expect.objectContaining({ path, reason }));
    expect(() => validateSurvey(survey(overrides))).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.arrayContaining([expect.objectContaining({ path })]),
      }),
    );
  });

  it('reports every problem at once, with the first reason on the exception', () => {
    const input = survey({ title: { es: 'Sólo español' }, questions: [csat, { ...csat, max: 12 }] });
    expect(surveyProblems(input).map((p) => p.reason)).toEqual([
      'MISSING_TRANSLATION',
      'DUPLICATE_QUESTION_ID',
      'INVALID_SCALE',
    ]);
    expect(() => validateSurvey(input)).toThrow(expect.objectContaining({ reason: 'MISSING_TRANSLATION' }));
  });

  it('accepts a survey whose default language is not English', () => {
    const definition = validateSurvey(
      survey({
        defaultLanguage: 'es',
        title: { es: 'Encuesta' },
        questions: [{ id: 'n', kind: 'NPS', text: { es: '¿Nos recomendaría?' } }],
      }),
    );
    expect(definition.languages).toEqual(['es']);
    expect(localize(definition, 'es').questions[0]).toMatchObject({ lowLabel: 'Nada probable' });
  });
});

describe('nextVersion', () => {
  const current = validateSurvey(survey({ version: 3 }));
  const edited = validateSurvey(survey({ version: 3, title: { en: 'How did we do today?' } }));

  it.each([
    [
      'an edit to a survey with responses makes a new version',
      edited,
      true,
      { action: 'NEW_VERSION', version: 4 },
    ],
    [
      'an edit to a survey without responses is made in place',
      edited,
      false,
      { action: 'EDIT_IN_PLACE', version: 3 },
    ],
    ['saving without changes changes nothing', current, true, { action: 'UNCHANGED', version: 3 }],
  ])('%s', (_, candidate, hasResponses, expected) => {
    expect(nextVersion(current, candidate, hasResponses)).toEqual(expected);
  });

  it('ignores the order of keys and the version number when comparing', () => {
    const reordered = {
      ...current,
      version: 9,
      title: { 'es-MX': current.title['es-MX']!, en: current.title['en']! },
    };
    expect(nextVersion(current, reordered, true).action).toBe('UNCHANGED');
  });
});

describe('localize', () => {
  const definition = validateSurvey(survey());

  it.each([
    ['the exact tag', 'es-MX', '¿Cómo lo hicimos?', 'es-MX'],
    ['another regional form of the language', 'es-US', '¿Cómo lo hicimos?', 'es'],
    ['the default when the language is absent', 'vi', 'How did we do?', 'en'],
  ])('picks %s', (_, language, title, resolved) => {
    const localized = localize(definition, language);
    expect(localized.title).toBe(title);
    expect(localized.language).toBe(resolved);
  });

  it('fills missing translations question by question from the default language', () => {
    const localized = localize(definition, 'es-MX');
    expect(localized.questions[0]).toMatchObject({ text: '¿Qué tan satisfecho está?', lowLabel: 'Nada' });
    expect(localized.questions[2]).toMatchObject({
      text: 'What was it about?',
      choices: [
        { id: 'bus', text: 'Autobuses' },
        { id: 'lunch', text: 'Lunch' },
        { id: 'grades', text: 'Grades' },
      ],
    });
  });

  it('translate prefers the bare language over a regional cousin', () => {
    expect(translate({ en: 'Hi', es: 'Hola', 'es-MX': 'Qué onda' }, 'es-CO', 'en')).toBe('Hola');
  });
});

describe('surveyTranslations', () => {
  const definition = validateSurvey(survey());
  const translations = surveyTranslations(definition);

  it('gives each language its texts as written, null where it has none', () => {
    expect(translations.map((translation) => translation.language)).toEqual(['en', 'es', 'es-MX']);
    const [en, es, mx] = translations;
    expect(en!.title).toBe('How did we do?');
    expect(es!.title).toBeNull();
    expect(mx!.title).toBe('¿Cómo lo hicimos?');
    expect(es!.questions[0]).toEqual({
      questionId: 'csat',
      text: '¿Qué tan satisfecho está?',
      lowLabel: 'Nada',
      highLabel: 'Totalmente',
      choices: null,
    });
    expect(es!.questions[2]!.choices).toEqual([
      { choiceId: 'bus', text: 'Autobuses' },
      { choiceId: 'lunch', text: null },
      { choiceId: 'grades', text: null },
    ]);
    expect(mx!.questions[3]).toEqual({
      questionId: 'comment',
      text: null,
      lowLabel: null,
      highLabel: null,
      choices: null,
    });
  });

  it('reads built-in end labels as none, in every language', () => {
    expect(translations.map((translation) => translation.questions[1]!.lowLabel)).toEqual([null, null, null]);
    const own = validateSurvey(
      survey({
        questions: [{ id: 'nps', kind: 'NPS', text: { en: 'Recommend?' }, lowLabel: { en: 'Never' } }],
      }),
    );
    expect(surveyTranslations(own)[0]!.questions[0]).toMatchObject({ lowLabel: 'Never', highLabel: null });
  });

  it('gives back, with the questions’ settings, a survey that saves unchanged', () => {
    const texts = (pick: (translation: (typeof translations)[number]) => string | null) =>
      Object.fromEntries(
        translations.flatMap((translation) => {
          const text = pick(translation);
          return text === null ? [] : [[translation.language, text]];
        }),
      );
    const questionIn = (index: number) => (translation: (typeof translations)[number]) =>
      translation.questions[index]!;
    const input: SurveyInput = {
      defaultLanguage: definition.defaultLanguage,
      audiences: definition.audiences,
      title: texts((translation) => translation.title),
      questions: definition.questions.map((question, index) => {
        const at = questionIn(index);
        const low = texts((translation) => at(translation).lowLabel);
        const high = texts((translation) => at(translation).highLabel);
        return {
          id: question.id,
          kind: question.kind,
          required: question.required,
          text: texts((translation) => at(translation).text),
          ...(question.kind === 'SCALE' ? { max: question.max } : {}),
          ...(Object.keys(low).length ? { lowLabel: low } : {}),
          ...(Object.keys(high).length ? { highLabel: high } : {}),
          ...(question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE'
            ? {
                choices: question.choices.map((choice, choiceIndex) => ({
                  id: choice.id,
                  text: texts((translation) => at(translation).choices![choiceIndex]!.text),
                })),
              }
            : {}),
          ...(question.kind === 'MULTI_CHOICE'
            ? { minSelections: question.minSelections, maxSelections: question.maxSelections }
            : {}),
          ...(question.kind === 'TEXT' ? { maxLength: question.maxLength } : {}),
        };
      }),
    };
    expect(nextVersion(definition, validateSurvey(input), true).action).toBe('UNCHANGED');
  });
});
