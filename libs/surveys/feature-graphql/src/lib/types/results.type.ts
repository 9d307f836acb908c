import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AssessmentAreaEnum, ServiceStageEnum, SuppressionReasonEnum, SurveyQuestionKindEnum } from './enums';

@ObjectType({
  description:
    'Net Promoter Score from answers of 0–10 to "how likely are you to recommend…". Withheld when too few people answered (suppression): nps is then null, and promoters, passives and detractors 0.',
})
export class NpsResult {
  @Field(() => Int, { description: 'Answers counted (shown even when the score is withheld).' })
  count!: number;

  @Field(() => Int, { description: 'Answers of 9 or 10.' })
  promoters!: number;

  @Field(() => Int, { description: 'Answers of 7 or 8.' })
  passives!: number;

  @Field(() => Int, { description: 'Answers of 0 to 6.' })
  detractors!: number;

  @Field(() => Float, {
    nullable: true,
    description: '% promoters − % detractors, −100 to 100; null without answers or when withheld.',
  })
  nps!: number | null;

  @Field(() => SuppressionReasonEnum, {
    nullable: true,
    description:
      "Why the score is withheld (SMALL_GROUP: fewer people answered than the district's minimum); null when it is shown.",
  })
  suppression?: string | null;
}

@ObjectType()
export class ChoiceCount {
  @Field()
  choiceId!: string;

  @Field()
  text!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One question's answers; the fields that apply depend on its kind." })
export class QuestionResult {
  @Field()
  questionId!: string;

  @Field(() => SurveyQuestionKindEnum)
  kind!: string;

  @Field()
  text!: string;

  @Field(() => Int)
  answered!: number;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => [Int], { nullable: true, description: 'SCALE and NPS: answers per value, lowest first.' })
  distribution!: number[] | null;

  @Field(() => NpsResult, { nullable: true })
  nps!: NpsResult | null;

  @Field(() => [ChoiceCount], { nullable: true })
  choices!: ChoiceCount[] | null;
}

@ObjectType()
export class AreaScore {
  @Field(() => AssessmentAreaEnum)
  area!: string;

  @Field(() => Float, { description: 'Mean stage, 1 (reactive) to 4 (customer-centric).' })
  score!: number;

  @Field(() => ServiceStageEnum)
  stage!: string;
}

@ObjectType({ description: 'Where the staff who answered the self-assessment place the district.' })
export class AssessmentResult {
  @Field(() => ServiceStageEnum, { description: 'The stage the mean has fully reached.' })
  stage!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [AreaScore])
  areas!: AreaScore[];

  @Field(() => [AssessmentAreaEnum], { description: 'The areas at the lowest stage: where to start.' })
  weakestAreas!: string[];
}

@ObjectType({
  description: "A survey's results; withheld (suppressed) below the district's minimum of responses.",
})
export class SurveyResults {
  @Field(() => Int)
  invitations!: number;

  @Field(() => Int)
  responses!: number;

  @Field(() => Float, { nullable: true })
  responseRate!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => [QuestionResult], { nullable: true })
  questions!: QuestionResult[] | null;

  @Field(() => AssessmentResult, { nullable: true })
  assessment!: AssessmentResult | null;
}
