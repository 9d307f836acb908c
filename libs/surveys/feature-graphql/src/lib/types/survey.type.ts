import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@homeroom/platform/graphql';
import { type SurveyDefinition } from '@homeroom/surveys/domain';
import {
  PpraAreaEnum,
  SurveyAudienceEnum,
  SurveyKindEnum,
  SurveyQuestionKindEnum,
  SurveyStatusEnum,
  SurveyVersionActionEnum,
} from './enums';

@ObjectType()
export class SurveyChoice {
  @Field()
  id!: string;

  @Field()
  text!: string;
}

@ObjectType({ description: 'A question in one language; the fields that apply depend on its kind.' })
export class SurveyQuestion {
  @Field()
  id!: string;

  @Field(() => SurveyQuestionKindEnum)
  kind!: string;

  @Field()
  text!: string;

  @Field()
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'SCALE and NPS: the lowest score.' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'SCALE and NPS: the highest score.' })
  max?: number | null;

  @Field(() => String, { nullable: true })
  lowLabel?: string | null;

  @Field(() => String, { nullable: true })
  highLabel?: string | null;

  @Field(() => [SurveyChoice], { nullable: true })
  choices?: SurveyChoice[] | null;

  @Field(() => Int, { nullable: true })
  minSelections?: number | null;

  @Field(() => Int, { nullable: true })
  maxSelections?: number | null;

  @Field(() => Int, { nullable: true, description: 'TEXT: the longest answer accepted, in characters.' })
  maxLength?: number | null;
}

@ObjectType()
export class Survey {
  @Field(() => ID)
  id!: string;

  @Field(() => SurveyKindEnum)
  kind!: string;

  @Field()
  name!: string;

  @Field(() => SurveyStatusEnum)
  status!: string;

  @Field(() => Int, { description: 'The current version; each response keeps the version it answered.' })
  version!: number;

  @Field()
  defaultLanguage!: string;

  @Field(() => [String], { description: 'Every language the survey has text in, the default first.' })
  languages!: string[];

  @Field(() => [SurveyAudienceEnum], {
    description:
      'Who it was written for, as SurveyInput takes them; a send reaches only these (FAMILIES are guardians).',
  })
  audiences!: string[];

  @Field(() => Date, { nullable: true })
  closesAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  /** The current version's questions, read once with the survey (not a field: `title`, `questions` use it). */
  definition!: SurveyDefinition;

  /** The language `survey(id, language)` asked for: `title`, `questions` and `results` default to it (not a field). */
  askedLanguage?: string | null;
}

@ObjectType({ description: "A choice's text in one language, as written." })
export class SurveyChoiceTranslation {
  @Field()
  choiceId!: string;

  @Field(() => String, { nullable: true })
  text!: string | null;
}

@ObjectType({ description: "A question's texts in one language, as written; null where it has none." })
export class SurveyQuestionTranslation {
  @Field()
  questionId!: string;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SCALE and NPS; null too where the standard words apply (none were written).',
  })
  lowLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'As lowLabel.' })
  highLabel!: string | null;

  @Field(() => [SurveyChoiceTranslation], {
    nullable: true,
    description: 'SINGLE_CHOICE and MULTI_CHOICE, in the order of the choices.',
  })
  choices!: SurveyChoiceTranslation[] | null;
}

@ObjectType({
  description:
    "A survey's texts in one language exactly as written, without falling back to the default language. With `questions` (kinds and settings) and `audiences`, all a SurveyInput needs to edit the survey.",
})
export class SurveyTranslation {
  @Field()
  language!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => [SurveyQuestionTranslation], { description: 'In the order of the questions.' })
  questions!: SurveyQuestionTranslation[];
}

export const SurveyConnection = ConnectionType(Survey);

@ObjectType({ description: 'A question of a survey for students that touches an area PPRA protects.' })
export class PpraWarning {
  @Field()
  questionId!: string;

  @Field(() => PpraAreaEnum)
  area!: string;

  @Field({ description: 'The words that raised it.' })
  evidence!: string;
}

@ObjectType()
export class SurveyPayload {
  @Field(() => Survey)
  survey!: Survey;

  @Field(() => SurveyVersionActionEnum)
  versionAction!: string;

  @Field(() => [PpraWarning], {
    description:
      'For surveys that reach students: questions touching a protected area (consent rules apply). A warning, not a refusal.',
  })
  ppraWarnings!: PpraWarning[];
}
