import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { type SatisfactionFilter } from '@homeroom/surveys/data-access';
import { CaseSatisfactionStatusEnum, SentimentEnum, SuppressionReasonEnum } from './enums';

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

  /** What the figures cover, for `breakdown` and `csv` (not a field). */
  filter!: SatisfactionFilter;
}

@ObjectType({ description: 'One group of a satisfaction breakdown; withheld figures are null.' })
export class SatisfactionGroup {
  @Field({
    description: "The school, topic or staff member's id, the channel, 2026-11 or 2026-W48; NONE when unset.",
  })
  key!: string;

  @Field(() => Int)
  invitations!: number;

  @Field(() => Int)
  responses!: number;

  @Field(() => Float, { nullable: true })
  responseRate!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppression!: string | null;

  @Field(() => Float, { nullable: true })
  csatMean!: number | null;

  @Field(() => Int, { nullable: true })
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

  @Field(() => SentimentEnum, { nullable: true, description: 'How the comment came across.' })
  commentSentiment!: string | null;
}

@ObjectType({ description: 'A comment left with a satisfaction score, and how it came across.' })
export class SatisfactionComment {
  @Field(() => ID)
  responseId!: string;

  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field()
  comment!: string;

  @Field(() => SentimentEnum, { nullable: true })
  sentiment!: string | null;

  @Field(() => Float, { nullable: true, description: 'From -1 (very negative) to 1 (very positive).' })
  sentimentScore!: number | null;

  @Field(() => Date)
  submittedAt!: Date;
}

/** One month's satisfaction figures, withheld ones null: what the school and the agent trends share. */
@ObjectType({ isAbstract: true })
abstract class MonthlySatisfaction {
  @Field({ description: 'YYYY-MM in the district time zone: when the surveys were sent.' })
  month!: string;

  @Field(() => Int)
  invitations!: number;

  @Field(() => Int)
  responses!: number;

  @Field(() => Float, { nullable: true })
  responseRate!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => SuppressionReasonEnum, { nullable: true })
  suppression!: string | null;

  @Field(() => Float, { nullable: true, description: 'The mean score, 1–10.' })
  csatMean!: number | null;

  @Field(() => Int, { nullable: true })
  lowScores!: number | null;
}

@ObjectType({
  description:
    "A school's satisfaction in one month, as the coaching trends show it; withheld figures are null.",
})
export class SatisfactionTrend extends MonthlySatisfaction {
  @Field(() => ID, { nullable: true, description: 'The school (null: cases of no school).' })
  schoolId!: string | null;
}

@ObjectType({
  description:
    "A staff member's satisfaction in one month, over the cases assigned to them, as the coaching trends show it; withheld figures are null.",
})
export class SatisfactionAgentTrend extends MonthlySatisfaction {
  @Field(() => ID, { description: 'The staff member the cases were assigned to.' })
  agentId!: string;
}
