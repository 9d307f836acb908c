import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { SurveyInput as DomainSurveyInput } from '@homeroom/surveys/domain';
import { SURVEY_LIMITS } from '@homeroom/shared/survey-rules';
import { MaxLength } from '@homeroom/platform/graphql';
import { RecipientKindEnum, RecipientRoleEnum, SurveyAudienceEnum, SurveyQuestionKindEnum } from './enums';

@InputType({ description: 'One text in one language (a BCP 47 tag such as en, es or es-MX).' })
export class TranslationInput {
  @Field()
  language!: string;

  // validateSurvey checks SURVEY_LIMITS.prompt after trimming.
  @Field()
  @MaxLength(2 * SURVEY_LIMITS.prompt)
  text!: string;
}

@InputType()
export class SurveyChoiceInput {
  @Field()
  id!: string;

  @Field(() => [TranslationInput])
  text!: TranslationInput[];
}

@InputType({ description: 'A question; the fields that apply depend on its kind.' })
export class SurveyQuestionInput {
  @Field({ description: 'Letters, digits, - and _; answers are keyed by it.' })
  id!: string;

  @Field(() => SurveyQuestionKindEnum)
  kind!: string;

  @Field(() => [TranslationInput])
  text!: TranslationInput[];

  @Field({ nullable: true, description: 'True unless given.' })
  required?: boolean;

  @Field(() => Int, { nullable: true, description: 'SCALE: the top of the scale, 2–10 (10 by default).' })
  max?: number;

  @Field(() => [TranslationInput], { nullable: true })
  lowLabel?: TranslationInput[];

  @Field(() => [TranslationInput], { nullable: true })
  highLabel?: TranslationInput[];

  @Field(() => [SurveyChoiceInput], { nullable: true })
  choices?: SurveyChoiceInput[];

  @Field(() => Int, { nullable: true })
  minSelections?: number;

  @Field(() => Int, { nullable: true })
  maxSelections?: number;

  @Field(() => Int, { nullable: true })
  maxLength?: number;
}

@InputType({ description: 'A survey as its author writes it.' })
export class SurveyInput {
  @Field()
  name!: string;

  @Field({ description: 'Every text is required in this language; others may be partial.' })
  defaultLanguage!: string;

  @Field(() => [SurveyAudienceEnum])
  audiences!: string[];

  @Field(() => [TranslationInput])
  title!: TranslationInput[];

  @Field(() => [SurveyQuestionInput])
  questions!: SurveyQuestionInput[];

  @Field(() => Date, { nullable: true, description: 'Links stop taking answers then.' })
  closesAt?: Date | null;
}

const texts = (list: readonly TranslationInput[] | undefined) =>
  list ? Object.fromEntries(list.map((entry) => [entry.language, entry.text])) : undefined;

/** The API's input in the domain's shape; `validateSurvey` then checks every rule. */
export function toSurveyInput(input: SurveyInput): DomainSurveyInput {
  return {
    defaultLanguage: input.defaultLanguage,
    audiences: input.audiences,
    title: texts(input.title)!,
    questions: input.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: texts(question.text)!,
      ...(question.required === undefined || question.required === null
        ? {}
        : { required: question.required }),
      ...(question.max ? { max: question.max } : {}),
      ...(question.lowLabel ? { lowLabel: texts(question.lowLabel) } : {}),
      ...(question.highLabel ? { highLabel: texts(question.highLabel) } : {}),
      ...(question.choices
        ? { choices: question.choices.map((choice) => ({ id: choice.id, text: texts(choice.text)! })) }
        : {}),
      ...(question.minSelections ? { minSelections: question.minSelections } : {}),
      ...(question.maxSelections ? { maxSelections: question.maxSelections } : {}),
      ...(question.maxLength ? { maxLength: question.maxLength } : {}),
    })),
  };
}

@InputType({ description: 'Who a district survey goes to; each list left empty sets no condition.' })
export class SurveyAudienceInput {
  @Field(() => [RecipientKindEnum], {
    nullable: true,
    description: "Within the survey's audiences; all of them when empty.",
  })
  kinds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'People of any of these schools.' })
  schoolIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Preferred language, by subtag: es reaches es-MX too.',
  })
  languages?: string[] | null;

  @Field(() => [RecipientRoleEnum], { nullable: true, description: 'Staff holding any of these roles.' })
  roles?: string[] | null;
}
