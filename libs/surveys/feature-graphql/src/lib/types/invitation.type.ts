import { SURVEY_LIMITS } from '@homeroom/shared/survey-rules';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MaxLength } from '@homeroom/platform/graphql';
import { SurveyLinkStateEnum } from './enums';
import { SurveyQuestion } from './survey.type';

@ObjectType({ description: 'What a one-time survey link opens; public (the link is the credential).' })
export class SurveyInvitation {
  @Field(() => SurveyLinkStateEnum)
  state!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the link stops working; null for an open link with no closing date.',
  })
  expiresAt!: Date | null;

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

  // The question's own maxLength (at most SURVEY_LIMITS.textAnswer) is checked after trimming.
  @Field(() => String, { nullable: true })
  @MaxLength(2 * SURVEY_LIMITS.textAnswer)
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
