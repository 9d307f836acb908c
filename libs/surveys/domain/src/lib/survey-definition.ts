import { InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';
import { normalizeLanguageTag } from '@homeroom/shared/contact';
import { canonicalJson } from '@homeroom/shared/text';
import { SURVEY_LIMITS } from '@homeroom/shared/survey-rules';

export const QUESTION_KINDS = ['SCALE', 'NPS', 'SINGLE_CHOICE', 'MULTI_CHOICE', 'TEXT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Who a survey is sent to. A survey that reaches students is screened for PPRA's protected areas. */
export const SURVEY_AUDIENCES = ['FAMILIES', 'STUDENTS', 'STAFF', 'COMMUNITY'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export const SURVEY_REASONS = {
  noQuestions: 'NO_QUESTIONS',
  tooManyQuestions: 'TOO_MANY_QUESTIONS',
  duplicateQuestionId: 'DUPLICATE_QUESTION_ID',
  invalidQuestionId: 'INVALID_QUESTION_ID',
  invalidQuestionKind: 'INVALID_QUESTION_KIND',
  invalidChoices: 'INVALID_CHOICES',
  missingTranslation: 'MISSING_TRANSLATION',
  invalidScale: 'INVALID_SCALE',
  invalidTextLength: 'INVALID_TEXT_LENGTH',
  invalidLanguage: 'INVALID_LANGUAGE_TAG',
  invalidAudience: 'INVALID_AUDIENCE',
} as const;
export type SurveyReason = (typeof SURVEY_REASONS)[keyof typeof SURVEY_REASONS];

/** One text in every language it is written in, keyed by BCP 47 tag; the survey's default is required. */
export type Translations = Readonly<Record<string, string>>;

export interface Choice {
  id: string;
  text: Translations;
}

interface QuestionBase {
  id: string;
  text: Translations;
  required: boolean;
}

/** A satisfaction scale, 1 to `max` (at most 10), with the words at either end. */
export interface ScaleQuestion extends QuestionBase {
  kind: 'SCALE';
  min: 1;
  max: number;
  lowLabel: Translations;
  highLabel: Translations;
}

/** "How likely are you to recommend…", always 0–10. */
export interface NpsQuestion extends QuestionBase {
  kind: 'NPS';
  min: 0;
  max: 10;
  lowLabel: Translations;
  highLabel: Translations;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'SINGLE_CHOICE';
  choices: Choice[];
}

export interface MultiChoiceQuestion extends QuestionBase {
  kind: 'MULTI_CHOICE';
  choices: Choice[];
  minSelections: number;
  maxSelections: number;
}

export interface TextQuestion extends QuestionBase {
  kind: 'TEXT';
  maxLength: number;
}

export type Question =
  ScaleQuestion | NpsQuestion | SingleChoiceQuestion | MultiChoiceQuestion | TextQuestion;

export interface SurveyDefinition {
  version: number;
  defaultLanguage: string;
  /** Every language the survey has any text in, the default first. */
  languages: string[];
  audiences: SurveyAudience[];
  title: Translations;
  questions: Question[];
}

/** What an author submits; loosely typed because it comes from an API. */
export interface QuestionInput {
  id: string;
  kind: string;
  text: Record<string, string>;
  required?: boolean;
  /** SCALE only: the top of the scale, 2–10 (default 10). */
  max?: number;
  lowLabel?: Record<string, string>;
  highLabel?: Record<string, string>;
  choices?: { id: string; text: Record<string, string> }[];
  minSelections?: number;
  maxSelections?: number;
  maxLength?: number;
}

export interface SurveyInput {
  version?: number;
  defaultLanguage: string;
  audiences: string[];
  title: Record<string, string>;
  questions: QuestionInput[];
}

export interface SurveyProblem extends FieldProblem {
  reason: SurveyReason;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
/** End labels used when the author gives none (not required in the default language, since we wrote them). */
const BUILT_IN_LABELS = {
  SCALE: {
    low: { en: 'Not at all satisfied', es: 'Nada satisfecho' },
    high: { en: 'Extremely satisfied', es: 'Muy satisfecho' },
  },
  NPS: {
    low: { en: 'Not at all likely', es: 'Nada probable' },
    high: { en: 'Extremely likely', es: 'Muy probable' },
  },
} as const;

/**
 * Checks and normalizes an authored survey: language tags canonical, texts trimmed, every text present in
 * the default language (other languages may be partial: `localize` falls back), ids unique, choice and
 * scale settings coherent. Throws one `InvalidInputException` listing every problem; its reason is the
 * first problem's (use `surveyProblems` for each problem's own reason).
 */
export function validateSurvey(input: SurveyInput): SurveyDefinition {
  const { definition, problems } = check(input);
  if (problems.length || !definition) {
    const first = problems[0]!;
    throw new InvalidInputException(
      `The survey has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${first.message}`,
      problems.map(({ path, message }) => ({ path, message })),
      first.reason,
    );
  }
  return definition;
}

/** Every problem with an authored survey, each with its own reason; empty when it is valid. */
export function surveyProblems(input: SurveyInput): SurveyProblem[] {
  return check(input).problems;
}

function check(input: SurveyInput): { definition: SurveyDefinition | null; problems: SurveyProblem[] } {
  const problems: SurveyProblem[] = [];
  const problem = (path: string, message: string, reason: SurveyReason) =>
    problems.push({ path, message, reason });
  const languages = new Set<string>();

  const tag = (value: string, path: string): string | null => {
    try {
      return normalizeLanguageTag(value, path);
    } catch {
      problem(path, `"${value}" is not a BCP 47 language tag`, SURVEY_REASONS.invalidLanguage);
      return null;
    }
  };

  const defaultLanguage = tag(input.defaultLanguage, 'defaultLanguage');
  if (defaultLanguage) languages.add(defaultLanguage);

  const texts = (
    value: Record<string, string> | undefined,
    path: string,
    maxLength: number = SURVEY_LIMITS.prompt,
  ) => {
    const result: Record<string, string> = {};
    for (const [language, raw] of Object.entries(value ?? {})) {
      const canonical = tag(language, `${path}.${language}`);
      const text = raw.trim().replace(/\s+\n/g, '\n');
      if (!canonical || !text) continue;
      if (text.length > maxLength)
        problem(
          `${path}.${language}`,
          `longer than ${maxLength} characters`,
          SURVEY_REASONS.invalidTextLength,
        );
      result[canonical] = text;
      languages.add(canonical);
    }
    if (defaultLanguage && !result[defaultLanguage])
      problem(
        path,
        `no text in the default language (${defaultLanguage})`,
        SURVEY_REASONS.missingTranslation,
      );
    return result;
  };

  const audiences = [...new Set(input.audiences)];
  if (!audiences.length)
    problem('audiences', 'at least one audience is required', SURVEY_REASONS.invalidAudience);
  for (const audience of audiences)
    if (!(SURVEY_AUDIENCES as readonly string[]).includes(audience))
      problem('audiences', `unknown audience "${audience}"`, SURVEY_REASONS.invalidAudience);

  const title = texts(input.title, 'title', SURVEY_LIMITS.title);

  if (!input.questions.length)
    problem('questions', 'a survey needs at least one question', SURVEY_REASONS.noQuestions);
  if (input.questions.length > SURVEY_LIMITS.questions)
    problem('questions', `at most ${SURVEY_LIMITS.questions} questions`, SURVEY_REASONS.tooManyQuestions);

  const seen = new Set<string>();
  const questions: Question[] = [];
  input.questions.forEach((q, index) => {
    const path = `questions[${index}]`;
    const id = q.id.trim();
    if (!ID_PATTERN.test(id))
      problem(`${path}.id`, 'letters, digits, "-" and "_", at most 64', SURVEY_REASONS.invalidQuestionId);
    else if (seen.has(id.toLowerCase()))
      problem(`${path}.id`, `"${id}" is used by another question`, SURVEY_REASONS.duplicateQuestionId);
    seen.add(id.toLowerCase());
    const base = { id, text: texts(q.text, `${path}.text`), required: q.required ?? false };

    switch (q.kind) {
      case 'SCALE': {
        const max = q.max ?? 10;
        if (!Number.isInteger(max) || max < 2 || max > 10)
          problem(`${path}.max`, 'a scale runs from 1 to between 2 and 10', SURVEY_REASONS.invalidScale);
        questions.push({
          ...base,
          kind: 'SCALE',
          min: 1,
          max,
          lowLabel: q.lowLabel
            ? texts(q.lowLabel, `${path}.lowLabel`, SURVEY_LIMITS.label)
            : BUILT_IN_LABELS.SCALE.low,
          highLabel: q.highLabel
            ? texts(q.highLabel, `${path}.highLabel`, SURVEY_LIMITS.label)
            : BUILT_IN_LABELS.SCALE.high,
        });
        return;
      }
      case 'NPS':
        if (q.max !== undefined && q.max !== 10)
          problem(`${path}.max`, 'an NPS question always runs 0–10', SURVEY_REASONS.invalidScale);
        questions.push({
          ...base,
          kind: 'NPS',
          min: 0,
          max: 10,
          lowLabel: q.lowLabel
            ? texts(q.lowLabel, `${path}.lowLabel`, SURVEY_LIMITS.label)
            : BUILT_IN_LABELS.NPS.low,
          highLabel: q.highLabel
            ? texts(q.highLabel, `${path}.highLabel`, SURVEY_LIMITS.label)
            : BUILT_IN_LABELS.NPS.high,
        });
        return;
      case 'SINGLE_CHOICE':
      case 'MULTI_CHOICE': {
        const choices = (q.choices ?? []).map((c, i) => ({
          id: c.id.trim(),
          text: texts(c.text, `${path}.choices[${i}].text`, SURVEY_LIMITS.choice),
        }));
        if (choices.length < 2 || choices.length > SURVEY_LIMITS.choices)
          problem(
            `${path}.choices`,
            `between 2 and ${SURVEY_LIMITS.choices} choices`,
            SURVEY_REASONS.invalidChoices,
          );
        const ids = choices.map((c) => c.id.toLowerCase());
        if (choices.some((c) => !ID_PATTERN.test(c.id)))
          problem(`${path}.choices`, 'a choice id is empty or malformed', SURVEY_REASONS.invalidChoices);
        else if (new Set(ids).size !== ids.length)
          problem(`${path}.choices`, 'two choices share an id', SURVEY_REASONS.invalidChoices);
        if (q.kind === 'SINGLE_CHOICE') {
          questions.push({ ...base, kind: 'SINGLE_CHOICE', choices });
          return;
        }
        const minSelections = q.minSelections ?? (base.required ? 1 : 0);
        const maxSelections = q.maxSelections ?? choices.length;
        if (
          !Number.isInteger(minSelections) ||
          !Number.isInteger(maxSelections) ||
          minSelections < 0 ||
          maxSelections < 1 ||
          minSelections > maxSelections ||
          maxSelections > choices.length
        )
          problem(
            `${path}.maxSelections`,
            `selections must satisfy 0 ≤ min ≤ max ≤ ${choices.length} and max ≥ 1`,
            SURVEY_REASONS.invalidChoices,
          );
        questions.push({ ...base, kind: 'MULTI_CHOICE', choices, minSelections, maxSelections });
        return;
      }
      case 'TEXT': {
        const maxLength = q.maxLength ?? SURVEY_LIMITS.defaultTextAnswer;
        if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > SURVEY_LIMITS.textAnswer)
          problem(
            `${path}.maxLength`,
            `between 1 and ${SURVEY_LIMITS.textAnswer}`,
            SURVEY_REASONS.invalidTextLength,
          );
        questions.push({ ...base, kind: 'TEXT', maxLength });
        return;
      }
      default:
        problem(`${path}.kind`, `unknown question kind "${q.kind}"`, SURVEY_REASONS.invalidQuestionKind);
    }
  });

  const version = input.version ?? 1;
  if (problems.length || !defaultLanguage) return { definition: null, problems };
  return {
    definition: {
      version: Number.isInteger(version) && version >= 1 ? version : 1,
      defaultLanguage,
      languages: [defaultLanguage, ...[...languages].filter((l) => l !== defaultLanguage).sort()],
      audiences: audiences as SurveyAudience[],
      title,
      questions,
    },
    problems,
  };
}

export type VersionDecision =
  | { action: 'UNCHANGED'; version: number }
  /** No one has answered yet: overwrite the current version. */
  | { action: 'EDIT_IN_PLACE'; version: number }
  /** Responses exist and were given to the old wording: keep it, and publish the edit as a new version. */
  | { action: 'NEW_VERSION'; version: number };

/**
 * What saving an edit does. Responses are stored against the version they answered, so a survey that has
 * any is never rewritten under them; one that has none is edited in place. Content is compared without
 * the version number, and regardless of the order of object keys.
 */
export function nextVersion(
  current: SurveyDefinition,
  edited: SurveyDefinition,
  hasResponses: boolean,
): VersionDecision {
  if (canonicalJson({ ...current, version: 0 }) === canonicalJson({ ...edited, version: 0 }))
    return { action: 'UNCHANGED', version: current.version };
  return hasResponses
    ? { action: 'NEW_VERSION', version: current.version + 1 }
    : { action: 'EDIT_IN_PLACE', version: current.version };
}

/**
 * A text in the asked-for language: the exact tag, then its language alone ("es-MX" → "es"), then another
 * regional form of the same language ("es" → "es-MX"), then the survey's default (then English, for our
 * built-in labels on a survey written in neither English nor Spanish).
 */
export function translate(text: Translations, language: string, defaultLanguage: string): string {
  const available = Object.keys(text);
  const chosen = pickLanguage(available, language) ?? pickLanguage(available, defaultLanguage) ?? 'en';
  return text[chosen] ?? '';
}

function pickLanguage(available: string[], wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  const base = lower.split('-')[0]!;
  return (
    available.find((l) => l.toLowerCase() === lower) ??
    available.find((l) => l.toLowerCase() === base) ??
    available.find((l) => l.toLowerCase().split('-')[0] === base)
  );
}

export interface LocalizedChoice {
  id: string;
  text: string;
}

export type LocalizedQuestion =
  | {
      id: string;
      kind: 'SCALE' | 'NPS';
      text: string;
      required: boolean;
      min: number;
      max: number;
      lowLabel: string;
      highLabel: string;
    }
  | { id: string; kind: 'SINGLE_CHOICE'; text: string; required: boolean; choices: LocalizedChoice[] }
  | {
      id: string;
      kind: 'MULTI_CHOICE';
      text: string;
      required: boolean;
      choices: LocalizedChoice[];
      minSelections: number;
      maxSelections: number;
    }
  | { id: string; kind: 'TEXT'; text: string; required: boolean; maxLength: number };

export interface LocalizedSurvey {
  version: number;
  /** The language asked for when the survey has any text in it, else the default. */
  language: string;
  title: string;
  questions: LocalizedQuestion[];
}

/** The survey as one respondent sees it, every missing translation filled from the default language. */
export function localize(definition: SurveyDefinition, language: string): LocalizedSurvey {
  const t = (text: Translations) => translate(text, language, definition.defaultLanguage);
  const questions = definition.questions.map((q): LocalizedQuestion => {
    const base = { id: q.id, text: t(q.text), required: q.required };
    switch (q.kind) {
      case 'SCALE':
      case 'NPS':
        return {
          ...base,
          kind: q.kind,
          min: q.min,
          max: q.max,
          lowLabel: t(q.lowLabel),
          highLabel: t(q.highLabel),
        };
      case 'SINGLE_CHOICE':
        return { ...base, kind: q.kind, choices: q.choices.map((c) => ({ id: c.id, text: t(c.text) })) };
      case 'MULTI_CHOICE':
        return {
          ...base,
          kind: q.kind,
          choices: q.choices.map((c) => ({ id: c.id, text: t(c.text) })),
          minSelections: q.minSelections,
          maxSelections: q.maxSelections,
        };
      case 'TEXT':
        return { ...base, kind: q.kind, maxLength: q.maxLength };
    }
  });
  return {
    version: definition.version,
    language: pickLanguage(definition.languages, language) ?? definition.defaultLanguage,
    title: t(definition.title),
    questions,
  };
}

export interface ChoiceTranslation {
  choiceId: string;
  text: string | null;
}

export interface QuestionTranslation {
  questionId: string;
  text: string | null;
  /** SCALE and NPS; null too where the built-in words apply (no label was written). */
  lowLabel: string | null;
  highLabel: string | null;
  /** SINGLE_CHOICE and MULTI_CHOICE; null for the other kinds. */
  choices: ChoiceTranslation[] | null;
}

/** A survey's texts in one language exactly as written: null where that language has none (no fallback). */
export interface SurveyTranslation {
  language: string;
  title: string | null;
  questions: QuestionTranslation[];
}

/**
 * Every text of a survey, one entry a language (its `languages`, the default first), as its author wrote
 * them: with the questions' kinds and settings, all an editor needs to give the survey back as a
 * `SurveyInput`. Built-in end labels read as none, so a survey saved again without them stays the same.
 */
export function surveyTranslations(definition: SurveyDefinition): SurveyTranslation[] {
  const written = (texts: Translations | undefined, language: string) => texts?.[language] ?? null;
  return definition.languages.map((language) => ({
    language,
    title: written(definition.title, language),
    questions: definition.questions.map((question): QuestionTranslation => {
      const scale = question.kind === 'SCALE' || question.kind === 'NPS';
      const label = (end: 'low' | 'high') => {
        if (!scale) return null;
        const texts = end === 'low' ? question.lowLabel : question.highLabel;
        const builtIn = BUILT_IN_LABELS[question.kind][end];
        return canonicalJson(texts) === canonicalJson(builtIn) ? null : written(texts, language);
      };
      return {
        questionId: question.id,
        text: written(question.text, language),
        lowLabel: label('low'),
        highLabel: label('high'),
        choices:
          question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE'
            ? question.choices.map((choice) => ({
                choiceId: choice.id,
                text: written(choice.text, language),
              }))
            : null,
      };
    }),
  }));
}
