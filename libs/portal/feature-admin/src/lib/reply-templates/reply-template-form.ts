import { listFromText } from '../routing/routing-rule-text';
import { checkedLanguages } from '../language-texts';
import type {
  AdminReplyTemplateFragment,
  CaseStatus,
  Priority,
  ReplyTemplateInput,
  VitalCategory,
} from '../operations.generated';

/** One language's text as typed. */
export interface TranslationDraft {
  language: string;
  body: string;
}

/** The template form as typed: empty for "none" (no team: district-wide; no change to the case). */
export interface TemplateForm {
  name: string;
  shortcut: string;
  teamId: string;
  translations: readonly TranslationDraft[];
  setStatus: CaseStatus | '';
  setPriority: Priority | '';
  setTopicId: string;
  /** Comma-separated. */
  addTags: string;
  /** '' : not vital. */
  vitalCategory: VitalCategory | '';
}

/** The vital categories as the form offers them (ADR 32). */
export const VITAL_CATEGORY_CHOICES: readonly { value: VitalCategory; name: string }[] = [
  { value: 'DISCIPLINE', name: 'Discipline' },
  { value: 'SPECIAL_EDUCATION', name: 'Special education' },
  { value: 'ENROLLMENT', name: 'Enrollment' },
  { value: 'OTHER', name: 'Other vital matter' },
];

export type TemplateFormResult =
  { input: ReplyTemplateInput; problems?: never } | { input?: never; problems: string[] };

/**
 * What a template may say about the case (the cases service refuses any other name, UNKNOWN_PLACEHOLDER),
 * as the form's hint lists them.
 */
export const PLACEHOLDER_HINTS: readonly { placeholder: string; means: string }[] = [
  { placeholder: '{{requester.name}}', means: "the requester's name" },
  { placeholder: '{{case.number}}', means: 'the case number' },
  { placeholder: '{{case.subject}}', means: "the case's subject" },
  { placeholder: '{{school.name}}', means: "the case's school" },
  {
    placeholder: '{{sla.dueAt}}',
    means: 'when the nearest SLA deadline falls, in district time ("as soon as we can" when there is none)',
  },
  {
    placeholder: '{{case.trackingLink}}',
    means: "the family's link to follow the case, made for each email or text when it is sent",
  },
];

/** A new template: one text, in `language` (the district's, which every template needs). */
export function newTemplateForm(language: string): TemplateForm {
  return {
    name: '',
    shortcut: '',
    teamId: '',
    translations: [{ language, body: '' }],
    setStatus: '',
    setPriority: '',
    setTopicId: '',
    addTags: '',
    vitalCategory: '',
  };
}

/** The saved template, as the form shows it. */
export function templateFormOf(template: AdminReplyTemplateFragment): TemplateForm {
  return {
    name: template.name,
    shortcut: template.shortcut ?? '',
    teamId: template.team?.id ?? '',
    translations: template.translations.map(({ language, body }) => ({ language, body })),
    setStatus: template.setStatus ?? '',
    setPriority: template.setPriority ?? '',
    setTopicId: template.setTopicId ?? '',
    addTags: template.addTags.join(', '),
    vitalCategory: template.vitalCategory ?? '',
  };
}

/**
 * The API's input, or what to fix first, in words: a name, each language a tag given once, no text left
 * empty. The service checks the rest and says what it refuses: the district's language missing
 * (MISSING_DEFAULT_LANGUAGE), a placeholder it cannot fill (UNKNOWN_PLACEHOLDER), a shortcut taken.
 */
export function templateInput(form: TemplateForm): TemplateFormResult {
  const languages = checkedLanguages(form.translations);
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Give the template a name.');
  problems.push(...languages.problems);
  const translations = form.translations.map(({ body }, index) => {
    if (!body.trim()) problems.push(`The ${languages.names[index]} text is empty.`);
    return { language: languages.tags[index]!, body };
  });
  if (problems.length) return { problems };
  return {
    input: {
      name: form.name.trim(),
      shortcut: form.shortcut.trim() || null,
      teamId: form.teamId || null,
      translations,
      setStatus: form.setStatus || null,
      setPriority: form.setPriority || null,
      setTopicId: form.setTopicId || null,
      addTags: listFromText(form.addTags),
      vitalCategory: form.vitalCategory || null,
    },
  };
}
