import { canonicalLanguageTag, languageName } from '@homeroom/shared/contact';
import { SURVEY_LIMITS } from '@homeroom/shared/survey-rules';
import type {
  AdminSurveyDraftFragment,
  PpraArea,
  SurveyAudience,
  SurveyInput,
  SurveyQuestionInput,
  SurveyQuestionKind,
  SurveyVersionAction,
  TranslationInput,
} from '../operations.generated';

/** One text in each language it is written in, by BCP 47 tag. */
export type Texts = Readonly<Record<string, string>>;

export interface ChoiceDraft {
  id: string;
  text: Texts;
}

/** A question as the builder holds it; the fields that apply depend on its kind. */
export interface QuestionDraft {
  /** Also the question's id in the API: answers are keyed by it. */
  id: string;
  kind: SurveyQuestionKind;
  required: boolean;
  text: Texts;
  /** SCALE: the top of the scale, 2–10. */
  max: number | null;
  lowLabel: Texts;
  highLabel: Texts;
  choices: readonly ChoiceDraft[];
  minSelections: number | null;
  maxSelections: number | null;
  /** TEXT: the longest answer, in characters. */
  maxLength: number | null;
}

/** The builder's state: the survey being written, in its default language and its translations. */
export interface SurveyDraft {
  name: string;
  defaultLanguage: string;
  /** The other languages it is translated into. */
  otherLanguages: readonly string[];
  audiences: readonly SurveyAudience[];
  /** ISO date-time, or null: no closing date. */
  closesAt: string | null;
  title: Texts;
  questions: readonly QuestionDraft[];
}

export const QUESTION_KINDS: readonly { kind: SurveyQuestionKind; name: string }[] = [
  { kind: 'SCALE', name: 'Scale (1 to a top you choose)' },
  { kind: 'NPS', name: 'Would recommend (0–10, net promoter score)' },
  { kind: 'SINGLE_CHOICE', name: 'One choice' },
  { kind: 'MULTI_CHOICE', name: 'Several choices' },
  { kind: 'TEXT', name: 'Written answer' },
];

export const AUDIENCES: readonly { audience: SurveyAudience; name: string }[] = [
  { audience: 'FAMILIES', name: 'Families' },
  { audience: 'STUDENTS', name: 'Students' },
  { audience: 'STAFF', name: 'Staff' },
  { audience: 'COMMUNITY', name: 'Community members' },
];

/** The areas the Protection of Pupil Rights Amendment protects, in the law's own words. */
const PPRA_AREA_NAMES: Record<PpraArea, string> = {
  POLITICAL_AFFILIATIONS: 'political affiliations or beliefs',
  MENTAL_OR_PSYCHOLOGICAL_PROBLEMS: 'mental or psychological problems',
  SEX_BEHAVIOR_OR_ATTITUDES: 'sex behavior or attitudes',
  ILLEGAL_OR_DEMEANING_BEHAVIOR: 'illegal, anti-social, self-incriminating or demeaning behavior',
  CRITICAL_APPRAISALS_OF_FAMILY: 'critical appraisals of close family members',
  PRIVILEGED_RELATIONSHIPS: 'privileged relationships, such as with lawyers, doctors or ministers',
  RELIGIOUS_PRACTICES_OR_BELIEFS: 'religious practices, affiliations or beliefs',
  INCOME: 'income',
};

/** A protected area in words: INCOME → "income"; one the portal does not know yet, as the API names it. */
export function ppraAreaName(area: string): string {
  return Object.hasOwn(PPRA_AREA_NAMES, area) ? PPRA_AREA_NAMES[area as PpraArea] : area;
}

/** The surveys domain's own limits, checked here so an author hears about them before sending. */
export const LIMITS = SURVEY_LIMITS;

/** A canonical BCP 47 tag ("es-mx" → "es-MX"), or null: the services' own rule (so "spanish" is refused here too). */
export const languageTag = canonicalLanguageTag;

/** The next unused id with this prefix: q1, q2, … (an author never has to invent one). */
function nextId(prefix: string, used: readonly { id: string }[]): string {
  const taken = new Set(used.map((item) => item.id));
  let n = used.length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newChoice(choices: readonly ChoiceDraft[]): ChoiceDraft {
  return { id: nextId('c', choices), text: {} };
}

/** A new question of this kind, with the settings it needs; choice questions start with two choices. */
export function newQuestion(kind: SurveyQuestionKind, questions: readonly QuestionDraft[]): QuestionDraft {
  const first = newChoice([]);
  return {
    id: nextId('q', questions),
    kind,
    required: kind !== 'TEXT',
    text: {},
    max: kind === 'SCALE' ? 5 : null,
    lowLabel: {},
    highLabel: {},
    choices: kind === 'SINGLE_CHOICE' || kind === 'MULTI_CHOICE' ? [first, newChoice([first])] : [],
    minSelections: null,
    maxSelections: null,
    maxLength: kind === 'TEXT' ? LIMITS.defaultTextAnswer : null,
  };
}

export function emptyDraft(defaultLanguage: string, others: readonly string[]): SurveyDraft {
  return {
    name: '',
    defaultLanguage,
    otherLanguages: others.filter((tag) => tag !== defaultLanguage),
    audiences: [],
    closesAt: null,
    title: {},
    questions: [],
  };
}

/** The non-empty texts, the default language first, in the languages the survey has. */
export function translations(
  texts: Texts,
  draft: Pick<SurveyDraft, 'defaultLanguage' | 'otherLanguages'>,
): TranslationInput[] {
  return [draft.defaultLanguage, ...draft.otherLanguages]
    .map((language) => ({ language, text: (texts[language] ?? '').trim() }))
    .filter((translation) => translation.text);
}

function hasAny(texts: Texts, languages: readonly string[]): boolean {
  return languages.some((language) => (texts[language] ?? '').trim());
}

/**
 * Everything the API would refuse, in words an author can act on ("Question 2 needs its text in
 * English."); empty when the draft can be sent.
 */
export function draftProblems(draft: SurveyDraft, now: Date): string[] {
  const problems: string[] = [];
  const languages = [draft.defaultLanguage, ...draft.otherLanguages];
  const home = languageName(draft.defaultLanguage);
  const needs = (texts: Texts, what: string, limit: number) => {
    if (!(texts[draft.defaultLanguage] ?? '').trim()) problems.push(`${what} needs its text in ${home}.`);
    for (const language of languages) {
      if ((texts[language] ?? '').trim().length > limit)
        problems.push(`${what} in ${languageName(language)} is longer than ${limit} characters.`);
    }
  };
  if (!draft.name.trim()) problems.push('Give the survey a name (staff see it, respondents do not).');
  if (!draft.audiences.length) problems.push('Choose who the survey is for.');
  if (draft.closesAt && new Date(draft.closesAt).getTime() <= now.getTime())
    problems.push('The closing date has passed.');
  needs(draft.title, 'The title', LIMITS.title);
  if (!draft.questions.length) problems.push('Add at least one question.');
  if (draft.questions.length > LIMITS.questions)
    problems.push(`A survey has at most ${LIMITS.questions} questions.`);
  draft.questions.forEach((question, index) => {
    const what = `Question ${index + 1}`;
    needs(question.text, what, LIMITS.prompt);
    if (question.kind === 'SCALE' || question.kind === 'NPS') {
      if (question.kind === 'SCALE') {
        const max = question.max ?? 10;
        if (!Number.isInteger(max) || max < 2 || max > 10)
          problems.push(`${what}: a scale tops out between 2 and 10.`);
      }
      for (const [label, texts] of [
        ['low', question.lowLabel],
        ['high', question.highLabel],
      ] as const) {
        if (hasAny(texts, languages)) needs(texts, `${what}'s ${label} end label`, LIMITS.label);
      }
    }
    if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') {
      if (question.choices.length < 2 || question.choices.length > LIMITS.choices)
        problems.push(`${what} needs between 2 and ${LIMITS.choices} choices.`);
      question.choices.forEach((choice, choiceIndex) =>
        needs(choice.text, `${what}, choice ${choiceIndex + 1},`, LIMITS.choice),
      );
      if (question.kind === 'MULTI_CHOICE') {
        const min = question.minSelections ?? (question.required ? 1 : 0);
        const max = question.maxSelections ?? question.choices.length;
        if (
          !Number.isInteger(min) ||
          !Number.isInteger(max) ||
          min < 0 ||
          max < 1 ||
          min > max ||
          max > question.choices.length
        )
          problems.push(
            `${what}: the fewest and most choices must fit the ${question.choices.length} choices.`,
          );
      }
    }
    if (question.kind === 'TEXT') {
      const max = question.maxLength ?? LIMITS.defaultTextAnswer;
      if (!Number.isInteger(max) || max < 1 || max > LIMITS.textAnswer)
        problems.push(`${what}: the longest answer is between 1 and ${LIMITS.textAnswer} characters.`);
    }
  });
  return problems;
}

/** The survey as the API takes it (createSurvey, updateSurvey): only what applies to each question's kind. */
export function toSurveyInput(draft: SurveyDraft): SurveyInput {
  const texts = (value: Texts) => translations(value, draft);
  return {
    name: draft.name.trim(),
    defaultLanguage: draft.defaultLanguage,
    audiences: [...draft.audiences],
    closesAt: draft.closesAt,
    title: texts(draft.title),
    questions: draft.questions.map((question): SurveyQuestionInput => {
      const base = {
        id: question.id,
        kind: question.kind,
        required: question.required,
        text: texts(question.text),
      };
      const labels = {
        ...(texts(question.lowLabel).length ? { lowLabel: texts(question.lowLabel) } : {}),
        ...(texts(question.highLabel).length ? { highLabel: texts(question.highLabel) } : {}),
      };
      const choices = question.choices.map((choice) => ({ id: choice.id, text: texts(choice.text) }));
      switch (question.kind) {
        case 'SCALE':
          return { ...base, max: question.max ?? 10, ...labels };
        case 'NPS':
          return { ...base, ...labels };
        case 'SINGLE_CHOICE':
          return { ...base, choices };
        case 'MULTI_CHOICE':
          return {
            ...base,
            choices,
            ...(question.minSelections !== null ? { minSelections: question.minSelections } : {}),
            ...(question.maxSelections !== null ? { maxSelections: question.maxSelections } : {}),
          };
        case 'TEXT':
          return { ...base, maxLength: question.maxLength ?? LIMITS.defaultTextAnswer };
      }
    }),
  };
}

/** A date-time typed in the browser's own time (datetime-local) as ISO; null when empty or not a time. */
export function localDateTimeToIso(value: string): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** A datetime-local value, in the browser's own time, for an ISO date-time; empty for none. */
export function isoToLocalDateTime(iso: string | null): string {
  const time = iso ? new Date(iso) : null;
  if (!time || Number.isNaN(time.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())}T${two(time.getHours())}:${two(time.getMinutes())}`;
}

/** A saved survey as the builder loads it to edit (AdminSurveysEdit). */
export type SurveyToEdit = AdminSurveyDraftFragment;
type SurveyTranslation = SurveyToEdit['translations'][number];

/**
 * The builder's draft of a saved survey: each question's kind and settings from `questions`, its id and
 * texts from `translations` (the same questions, in the same order), every language's texts as written.
 * A scale's built-in end words read as none, as when the author left them empty.
 */
export function draftFromSurvey(survey: SurveyToEdit): SurveyDraft {
  const texts = (pick: (translation: SurveyTranslation) => string | null | undefined): Texts =>
    Object.fromEntries(
      survey.translations.flatMap((translation) => {
        const text = pick(translation);
        return text === null || text === undefined ? [] : [[translation.language, text]];
      }),
    );
  const home =
    survey.translations.find((translation) => translation.language === survey.defaultLanguage) ??
    survey.translations[0];
  return {
    name: survey.name,
    defaultLanguage: survey.defaultLanguage,
    otherLanguages: survey.languages.filter((language) => language !== survey.defaultLanguage),
    audiences: [...survey.audiences],
    closesAt: survey.closesAt,
    title: texts((translation) => translation.title),
    questions: survey.questions.map((question, index): QuestionDraft => {
      const written = home?.questions[index];
      const id = written?.questionId ?? `q${index + 1}`;
      const own = (translation: SurveyTranslation) =>
        translation.questions.find((other) => other.questionId === id);
      return {
        id,
        kind: question.kind,
        required: question.required,
        text: texts((translation) => own(translation)?.text),
        max: question.kind === 'SCALE' ? question.max : null,
        lowLabel: texts((translation) => own(translation)?.lowLabel),
        highLabel: texts((translation) => own(translation)?.highLabel),
        choices: (written?.choices ?? []).map(({ choiceId }) => ({
          id: choiceId,
          text: texts(
            (translation) => own(translation)?.choices?.find((choice) => choice.choiceId === choiceId)?.text,
          ),
        })),
        minSelections: question.kind === 'MULTI_CHOICE' ? question.minSelections : null,
        maxSelections: question.kind === 'MULTI_CHOICE' ? question.maxSelections : null,
        maxLength: question.kind === 'TEXT' ? question.maxLength : null,
      };
    }),
  };
}

/** What saving did, in words: a new survey, an edited draft, or a new version (`action` absent: created). */
export function describeSave(name: string, action: SurveyVersionAction | null): string {
  switch (action) {
    case 'UNCHANGED':
      return `Nothing in ${name} had changed.`;
    case 'NEW_VERSION':
      return `${name} is saved as a new version; answers already given keep the version they answered.`;
    default:
      return `${name} is saved as a draft. Open it when it is ready to take answers.`;
  }
}
