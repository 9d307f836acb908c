import {
  describeSave,
  draftFromSurvey,
  draftProblems,
  emptyDraft,
  isoToLocalDateTime,
  languageTag,
  localDateTimeToIso,
  newChoice,
  newQuestion,
  ppraAreaName,
  toSurveyInput,
  type QuestionDraft,
  type SurveyDraft,
  type SurveyToEdit,
} from './survey-input';

const now = new Date('2026-03-01T12:00:00Z');

function draft(questions: QuestionDraft[], changes: Partial<SurveyDraft> = {}): SurveyDraft {
  return {
    ...emptyDraft('en', ['en', 'es']),
    name: 'Spring family survey',
    audiences: ['FAMILIES'],
    title: { en: 'How are we doing?', es: '¿Cómo lo estamos haciendo?' },
    questions,
    ...changes,
  };
}

describe('the survey builder', () => {
  it('gives questions and choices ids of their own, and each kind the settings it needs', () => {
    const scale = newQuestion('SCALE', []);
    const choice = newQuestion('SINGLE_CHOICE', [scale]);
    expect(scale).toMatchObject({ id: 'q1', kind: 'SCALE', max: 5, required: true, choices: [] });
    expect(choice.id).toBe('q2');
    expect(choice.choices.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(
      newChoice([
        { id: 'c1', text: {} },
        { id: 'c3', text: {} },
      ]).id,
    ).toBe('c4');
    expect(newQuestion('TEXT', [{ ...scale, id: 'q2' }])).toMatchObject({
      id: 'q3',
      required: false,
      maxLength: 2000,
    });
    expect(emptyDraft('en', ['en', 'es', 'vi']).otherLanguages).toEqual(['es', 'vi']);
  });

  it('builds the API input: translations default first, empty ones left out, only what each kind takes', () => {
    const scale: QuestionDraft = {
      ...newQuestion('SCALE', []),
      text: { en: ' How satisfied are you? ', es: '¿Qué tan satisfecho está?' },
      lowLabel: { en: 'Not at all', es: '' },
    };
    const nps: QuestionDraft = { ...newQuestion('NPS', [scale]), text: { en: 'Would you recommend us?' } };
    const multi: QuestionDraft = {
      ...newQuestion('MULTI_CHOICE', [scale, nps]),
      text: { en: 'Which?' },
      choices: [
        { id: 'c1', text: { en: 'Bus', es: 'Autobús' } },
        { id: 'c2', text: { en: 'Lunch' } },
      ],
      maxSelections: 2,
    };
    const text: QuestionDraft = {
      ...newQuestion('TEXT', [scale, nps, multi]),
      text: { en: 'Anything else?' },
    };
    const input = toSurveyInput(draft([scale, nps, multi, text], { closesAt: '2026-06-01T05:00:00.000Z' }));
    expect(input).toEqual({
      name: 'Spring family survey',
      defaultLanguage: 'en',
      audiences: ['FAMILIES'],
      closesAt: '2026-06-01T05:00:00.000Z',
      title: [
        { language: 'en', text: 'How are we doing?' },
        { language: 'es', text: '¿Cómo lo estamos haciendo?' },
      ],
      questions: [
        {
          id: 'q1',
          kind: 'SCALE',
          required: true,
          max: 5,
          text: [
            { language: 'en', text: 'How satisfied are you?' },
            { language: 'es', text: '¿Qué tan satisfecho está?' },
          ],
          lowLabel: [{ language: 'en', text: 'Not at all' }],
        },
        {
          id: 'q2',
          kind: 'NPS',
          required: true,
          text: [{ language: 'en', text: 'Would you recommend us?' }],
        },
        {
          id: 'q3',
          kind: 'MULTI_CHOICE',
          required: true,
          text: [{ language: 'en', text: 'Which?' }],
          choices: [
            {
              id: 'c1',
              text: [
                { language: 'en', text: 'Bus' },
                { language: 'es', text: 'Autobús' },
              ],
            },
            { id: 'c2', text: [{ language: 'en', text: 'Lunch' }] },
          ],
          maxSelections: 2,
        },
        {
          id: 'q4',
          kind: 'TEXT',
          required: false,
          maxLength: 2000,
          text: [{ language: 'en', text: 'Anything else?' }],
        },
      ],
    });
    expect(draftProblems(draft([scale, nps, multi, text]), now)).toEqual([]);
  });

  it('names every problem before the API refuses it', () => {
    const scale: QuestionDraft = { ...newQuestion('SCALE', []), max: 12, text: { es: 'Solo en español' } };
    const single: QuestionDraft = {
      ...newQuestion('SINGLE_CHOICE', [scale]),
      text: { en: 'Pick one' },
      choices: [{ id: 'c1', text: { en: 'Only' } }],
    };
    const nps: QuestionDraft = {
      ...newQuestion('NPS', [scale, single]),
      text: { en: 'Recommend?' },
      highLabel: { es: 'Mucho' },
    };
    expect(
      draftProblems(
        draft([scale, single, nps], {
          name: ' ',
          audiences: [],
          title: {},
          closesAt: '2026-02-01T00:00:00.000Z',
        }),
        now,
      ),
    ).toEqual([
      'Give the survey a name (staff see it, respondents do not).',
      'Choose who the survey is for.',
      'The closing date has passed.',
      'The title needs its text in English (en).',
      'Question 1 needs its text in English (en).',
      'Question 1: a scale tops out between 2 and 10.',
      'Question 2 needs between 2 and 30 choices.',
      "Question 3's high end label needs its text in English (en).",
    ]);
    expect(draftProblems(draft([]), now)).toEqual(['Add at least one question.']);
  });

  it('checks that a multiple-choice question can be answered', () => {
    const multi: QuestionDraft = {
      ...newQuestion('MULTI_CHOICE', []),
      text: { en: 'Which?' },
      choices: [
        { id: 'c1', text: { en: 'A' } },
        { id: 'c2', text: { en: 'B' } },
      ],
      minSelections: 3,
    };
    expect(draftProblems(draft([multi]), now)).toEqual([
      'Question 1: the fewest and most choices must fit the 2 choices.',
    ]);
  });

  it('reads language tags', () => {
    expect(languageTag(' es-mx ')).toBe('es-MX');
    expect(languageTag('not a tag')).toBeNull();
    // Well-formed, but no language: the services refuse it, so the builder does too.
    expect(languageTag('spanish')).toBeNull();
    expect(languageTag('')).toBeNull();
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso('2026-06-01T08:00')).toBe(new Date('2026-06-01T08:00').toISOString());
  });

  it('loads a saved draft: settings from its questions, every text from its translations', () => {
    const question = { required: true, max: null, minSelections: null, maxSelections: null, maxLength: null };
    const saved: SurveyToEdit = {
      id: 's1',
      name: 'Spring family survey',
      status: 'DRAFT',
      defaultLanguage: 'en',
      languages: ['en', 'es'],
      audiences: ['FAMILIES', 'STAFF'],
      closesAt: '2026-06-01T05:00:00.000Z',
      questions: [
        { ...question, kind: 'SCALE', max: 5 },
        { ...question, kind: 'MULTI_CHOICE', required: false, minSelections: 0, maxSelections: 2 },
        { ...question, kind: 'TEXT', required: false, maxLength: 500 },
      ],
      translations: [
        {
          language: 'en',
          title: 'How are we doing?',
          questions: [
            { questionId: 'visit', text: 'How was it?', lowLabel: 'Poor', highLabel: null, choices: null },
            {
              questionId: 'bus',
              text: 'Which?',
              lowLabel: null,
              highLabel: null,
              choices: [
                { choiceId: 'am', text: 'Morning' },
                { choiceId: 'pm', text: 'Afternoon' },
              ],
            },
            { questionId: 'more', text: 'Anything else?', lowLabel: null, highLabel: null, choices: null },
          ],
        },
        {
          language: 'es',
          title: null,
          questions: [
            { questionId: 'visit', text: '¿Cómo fue?', lowLabel: 'Mala', highLabel: null, choices: null },
            {
              questionId: 'bus',
              text: null,
              lowLabel: null,
              highLabel: null,
              choices: [
                { choiceId: 'am', text: null },
                { choiceId: 'pm', text: 'Tarde' },
              ],
            },
            { questionId: 'more', text: null, lowLabel: null, highLabel: null, choices: null },
          ],
        },
      ],
    };
    const loaded = draftFromSurvey(saved);
    expect(loaded).toMatchObject({
      name: 'Spring family survey',
      defaultLanguage: 'en',
      otherLanguages: ['es'],
      audiences: ['FAMILIES', 'STAFF'],
      title: { en: 'How are we doing?' },
    });
    expect(loaded.questions[0]).toEqual({
      id: 'visit',
      kind: 'SCALE',
      required: true,
      text: { en: 'How was it?', es: '¿Cómo fue?' },
      max: 5,
      lowLabel: { en: 'Poor', es: 'Mala' },
      highLabel: {},
      choices: [],
      minSelections: null,
      maxSelections: null,
      maxLength: null,
    });
    expect(loaded.questions[1]!.choices).toEqual([
      { id: 'am', text: { en: 'Morning' } },
      { id: 'pm', text: { en: 'Afternoon', es: 'Tarde' } },
    ]);
    expect(draftProblems(loaded, now)).toEqual([]);
    // Saved again untouched, it is the survey the API holds.
    expect(toSurveyInput(loaded)).toEqual({
      name: 'Spring family survey',
      defaultLanguage: 'en',
      audiences: ['FAMILIES', 'STAFF'],
      closesAt: '2026-06-01T05:00:00.000Z',
      title: [{ language: 'en', text: 'How are we doing?' }],
      questions: [
        {
          id: 'visit',
          kind: 'SCALE',
          required: true,
          max: 5,
          text: [
            { language: 'en', text: 'How was it?' },
            { language: 'es', text: '¿Cómo fue?' },
          ],
          lowLabel: [
            { language: 'en', text: 'Poor' },
            { language: 'es', text: 'Mala' },
          ],
        },
        {
          id: 'bus',
          kind: 'MULTI_CHOICE',
          required: false,
          text: [{ language: 'en', text: 'Which?' }],
          choices: [
            { id: 'am', text: [{ language: 'en', text: 'Morning' }] },
            {
              id: 'pm',
              text: [
                { language: 'en', text: 'Afternoon' },
                { language: 'es', text: 'Tarde' },
              ],
            },
          ],
          minSelections: 0,
          maxSelections: 2,
        },
        {
          id: 'more',
          kind: 'TEXT',
          required: false,
          maxLength: 500,
          text: [{ language: 'en', text: 'Anything else?' }],
        },
      ],
    });
    // New questions and choices still get ids of their own.
    expect(newQuestion('NPS', loaded.questions).id).toBe('q4');
    expect(newChoice(loaded.questions[1]!.choices).id).toBe('c3');
  });

  it('shows a saved closing time in the browser’s own time, to the minute', () => {
    expect(isoToLocalDateTime(null)).toBe('');
    expect(isoToLocalDateTime('not a time')).toBe('');
    const local = isoToLocalDateTime('2026-06-01T05:00:00.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localDateTimeToIso(local)).toBe('2026-06-01T05:00:00.000Z');
  });

  it('names the areas PPRA protects in words', () => {
    expect(ppraAreaName('INCOME')).toBe('income');
    expect(ppraAreaName('CRITICAL_APPRAISALS_OF_FAMILY')).toBe('critical appraisals of close family members');
    expect(ppraAreaName('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('says what saving did', () => {
    expect(describeSave('Pulse', null)).toBe(
      'Pulse is saved as a draft. Open it when it is ready to take answers.',
    );
    expect(describeSave('Pulse', 'EDIT_IN_PLACE')).toBe(
      'Pulse is saved as a draft. Open it when it is ready to take answers.',
    );
    expect(describeSave('Pulse', 'UNCHANGED')).toBe('Nothing in Pulse had changed.');
    expect(describeSave('Pulse', 'NEW_VERSION')).toBe(
      'Pulse is saved as a new version; answers already given keep the version they answered.',
    );
  });
});
