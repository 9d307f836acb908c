import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, enumFrom } from '@homeroom/platform/graphql';
import { SURVEY_KINDS, SURVEY_STATUSES } from '@homeroom/surveys/data-access';
import { QUESTION_KINDS } from '@homeroom/surveys/domain';

export const SurveyKindEnum = enumFrom(SURVEY_KINDS);
export const SurveyStatusEnum = enumFrom(SURVEY_STATUSES);
export const SurveyQuestionKindEnum = enumFrom(QUESTION_KINDS);
export const SurveyLinkStateEnum = enumFrom(['OPEN', 'ANSWERED', 'EXPIRED', 'CLOSED'] as const);
export const CaseSatisfactionStatusEnum = enumFrom([
  'INVITED',
  'ANSWERED',
  'EXPIRED',
  'NOT_INVITED',
] as const);
registerEnumType(SurveyKindEnum, {
  name: 'SurveyKind',
  description: 'CSAT: the satisfaction survey after each case. DISTRICT: a survey sent to an audience.',
});
registerEnumType(SurveyStatusEnum, { name: 'SurveyStatus' });
registerEnumType(SurveyQuestionKindEnum, { name: 'SurveyQuestionKind' });
registerEnumType(SurveyLinkStateEnum, {
  name: 'SurveyLinkState',
  description: 'Whether a survey link can still be answered.',
});
registerEnumType(CaseSatisfactionStatusEnum, { name: 'CaseSatisfactionStatus' });

/** The directory's School; this subgraph adds `School.satisfaction`. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolReference {
  @Field(() => ID)
  id!: string;
}

/** The cases subgraph's Case; this subgraph adds `Case.satisfaction`. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseReference {
  @Field(() => ID)
  id!: string;
}

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

  @Field(() => Date, { nullable: true })
  closesAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const SurveyConnection = ConnectionType(Survey);

@ObjectType({ description: 'What a one-time survey link opens; public (the link is the credential).' })
export class SurveyInvitation {
  @Field(() => SurveyLinkStateEnum)
  state!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'The case the survey asks about, if any.' })
  caseNumber!: string | null;

  @Field({ description: "The language the survey is shown in (the respondent's where it is translated)." })
  language!: string;

  @Field()
  title!: string;

  @Field(() => [SurveyQuestion])
  questions!: SurveyQuestion[];
}

@InputType({
  description:
    'One answer: `number` for SCALE and NPS, `choice` for SINGLE_CHOICE, `choices` for MULTI_CHOICE, `text` for TEXT; exactly one.',
})
export class SurveyAnswerInput {
  @Field()
  questionId!: string;

  @Field(() => Int, { nullable: true })
  number?: number | null;

  @Field(() => String, { nullable: true })
  choice?: string | null;

  @Field(() => [String], { nullable: true })
  choices?: string[] | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

@ObjectType()
export class SurveyResponse {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The satisfaction score (1–10) of a CSAT response.' })
  score!: number | null;
}

@ObjectType({
  description:
    'Satisfaction after resolved cases over a range: invitations sent in it and their answers. The scores are withheld (suppressed) when fewer than the district minimum answered.',
})
export class SatisfactionSummary {
  @Field(() => Int)
  invitations!: number;

  @Field(() => Int)
  responses!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Responses per invitation, 0–1; null without invitations.',
  })
  responseRate!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => Float, { nullable: true, description: 'The mean score, 1–10.' })
  csatMean!: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Responses giving each score: index 0 is 1, index 9 is 10.',
  })
  distribution!: number[] | null;

  @Field(() => Int, { nullable: true, description: 'Scores at or below the low-satisfaction threshold.' })
  lowScores!: number | null;
}

@ObjectType({ description: "A case's satisfaction survey: sent or why not, and the answer." })
export class CaseSatisfaction {
  @Field(() => CaseSatisfactionStatusEnum)
  status!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'NOT_INVITED: why (ANONYMOUS, CONFIDENTIAL, MERGED, DUPLICATE, STAFF_INTERNAL, OPTED_OUT, UNREACHABLE, COOLING_OFF, STALE, SURVEY_CLOSED).',
  })
  skippedReason!: string | null;

  @Field(() => Date, { nullable: true })
  invitedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}
