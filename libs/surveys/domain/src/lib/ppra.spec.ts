import { PPRA_AREAS, ppraAreasIn, ppraWarnings } from './ppra';
import { validateSurvey, type QuestionInput, type SurveyAudience } from './survey-definition';

describe('ppraAreasIn', () => {
  it.each([
    ['Which political party do your parents support?', 'POLITICAL_AFFILIATIONS'],
    ['¿Por quién votaron tus padres?', 'POLITICAL_AFFILIATIONS'],
    ['Have you felt depressed or anxious this month?', 'MENTAL_OR_PSYCHOLOGICAL_PROBLEMS'],
    ['¿Has sentido ansiedad en la escuela?', 'MENTAL_OR_PSYCHOLOGICAL_PROBLEMS'],
    ['Do you have a boyfriend or girlfriend?', 'SEX_BEHAVIOR_OR_ATTITUDES'],
    ['¿Has tenido relaciones sexuales?', 'SEX_BEHAVIOR_OR_ATTITUDES'],
    ['Have you ever tried vaping or alcohol?', 'ILLEGAL_OR_DEMEANING_BEHAVIOR'],
    ['¿Alguna vez has consumido drogas?', 'ILLEGAL_OR_DEMEANING_BEHAVIOR'],
    ['How do you feel about your father?', 'CRITICAL_APPRAISALS_OF_FAMILY'],
    ['Does your mom yell at home?', 'CRITICAL_APPRAISALS_OF_FAMILY'],
    ['¿Cómo te llevas con tus hermanos?', 'CRITICAL_APPRAISALS_OF_FAMILY'],
    ['Have you talked to a lawyer or a minister about this?', 'PRIVILEGED_RELATIONSHIPS'],
    ['¿Has hablado con un abogado?', 'PRIVILEGED_RELATIONSHIPS'],
    ['How often do you attend church?', 'RELIGIOUS_PRACTICES_OR_BELIEFS'],
    ['¿Con qué frecuencia vas a la mezquita?', 'RELIGIOUS_PRACTICES_OR_BELIEFS'],
    ['What is your household income?', 'INCOME'],
    ['¿Cuánto dinero ganan tus padres?', 'INCOME'],
  ])('finds "%s" in %s', (text, area) => {
    expect(ppraAreasIn(text).map((f) => f.area)).toContain(area);
  });

  it.each([
    'How satisfied were you with how quickly we answered?',
    'Was the bus on time this week?',
    '¿Qué tan útil fue la respuesta del personal de la escuela?',
    'Did your parents get the information they needed about enrollment?',
    'Which classes did you enjoy most this semester?',
  ])('finds nothing in "%s"', (text) => {
    expect(ppraAreasIn(text)).toEqual([]);
  });

  it('has patterns for all eight areas', () => {
    expect(PPRA_AREAS).toHaveLength(8);
  });
});

describe('ppraWarnings', () => {
  const questions: QuestionInput[] = [
    { id: 'lunch', kind: 'SCALE', text: { en: 'How satisfied are you with lunch?' } },
    {
      id: 'after-school',
      kind: 'MULTI_CHOICE',
      text: { en: 'What do you do after school?' },
      choices: [
        { id: 'sports', text: { en: 'Sports' } },
        { id: 'youth-group', text: { en: 'Youth group', es: 'Grupo de la iglesia' } },
      ],
    },
    { id: 'home', kind: 'TEXT', text: { en: 'Tell us about home', es: '¿Qué piensas de tus padres?' } },
  ];
  const survey = (audiences: SurveyAudience[]) =>
    validateSurvey({ defaultLanguage: 'en', audiences, title: { en: 'Student voice' }, questions });

  it('warns about student questions that touch an area, in any language, choices included', () => {
    expect(ppraWarnings(survey(['STUDENTS', 'FAMILIES']))).toEqual([
      { questionId: 'after-school', area: 'RELIGIOUS_PRACTICES_OR_BELIEFS', evidence: 'iglesia' },
      { questionId: 'home', area: 'CRITICAL_APPRAISALS_OF_FAMILY', evidence: 'que piensas de tus padres' },
    ]);
  });

  it('says nothing about surveys that do not reach students', () => {
    expect(ppraWarnings(survey(['FAMILIES', 'STAFF']))).toEqual([]);
  });
});
