import { SURVEY_LIMITS } from '@homeroom/shared/survey-rules';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, enumFrom, MaxLength } from '@homeroom/platform/graphql';
import { SENTIMENT_LABELS } from '@homeroom/shared/sentiment';
import {
  SATISFACTION_DIMENSIONS,
  SURVEY_KINDS,
  SURVEY_STATUSES,
  type SatisfactionFilter,
} from '@homeroom/surveys/data-access';
import {
  ASSESSMENT_AREAS,
  PPRA_AREAS,
  QUESTION_KINDS,
  SERVICE_STAGES,
  SURVEY_AUDIENCES,
  type SurveyDefinition,
} from '@homeroom/surveys/domain';

export const SurveyKindEnum = enumFrom(SURVEY_KINDS);
export const SurveyStatusEnum = enumFrom(SURVEY_STATUSES);
export const SurveyQuestionKindEnum = enumFrom(QUESTION_KINDS);
export const SurveyAudienceEnum = enumFrom(SURVEY_AUDIENCES);
export const PpraAreaEnum = enumFrom(PPRA_AREAS);
export const SurveyVersionActionEnum = enumFrom(['UNCHANGED', 'EDIT_IN_PLACE', 'NEW_VERSION'] as const);
registerEnumType(SurveyAudienceEnum, { name: 'SurveyAudience' });
registerEnumType(PpraAreaEnum, {
  name: 'PpraArea',
  description: 'The eight areas the Protection of Pupil Rights Amendment protects in surveys of students.',
});
registerEnumType(SurveyVersionActionEnum, {
  name: 'SurveyVersionAction',
  description:
    'What saving did: nothing changed, the current version rewritten (no one had answered it), or a new version (answers keep theirs).',
});
export const RecipientKindEnum = enumFrom(['STUDENT', 'GUARDIAN', 'STAFF', 'COMMUNITY'] as const);
export const RecipientRoleEnum = enumFrom(['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'] as const);
registerEnumType(RecipientKindEnum, {
  name: 'SurveyRecipientKind',
  description: "The directory's kinds of people.",
});
registerEnumType(RecipientRoleEnum, { name: 'SurveyRecipientRole', description: 'Staff roles.' });
export const ServiceStageEnum = enumFrom(SERVICE_STAGES);
export const AssessmentAreaEnum = enumFrom(ASSESSMENT_AREAS);
registerEnumType(ServiceStageEnum, {
  name: 'ServiceStage',
  description: 'The path from Reactive to Customer-centric the self-assessment places a district on.',
});
registerEnumType(AssessmentAreaEnum, { name: 'AssessmentArea' });
export const SentimentEnum = enumFrom(SENTIMENT_LABELS);
registerEnumType(SentimentEnum, { name: 'Sentiment' });
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
export const SatisfactionDimensionEnum = enumFrom(SATISFACTION_DIMENSIONS);
registerEnumType(SatisfactionDimensionEnum, {
  name: 'SatisfactionDimension',
  description:
    "ASSIGNEE: the case's assignee when it was resolved. MONTH and WEEK follow the district's time zone.",
});
export const SuppressionReasonEnum = enumFrom(['SMALL_GROUP', 'COMPLEMENTARY'] as const);
registerEnumType(SuppressionReasonEnum, {
  name: 'SuppressionReason',
  description:
    'SMALL_GROUP: fewer responses than the district minimum. COMPLEMENTARY: withheld with the only small group, so it cannot be worked out by subtraction.',
});

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

@ObjectType()
export class SendSurveyPayload {
  @Field(() => Int, { description: 'People invited now, each with a personal one-time link.' })
  invited!: number;

  @Field(() => Int, { description: 'People in the audience invited before (not invited again).' })
  alreadyInvited!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'A send planned for later: when it will go (counts are then 0).',
  })
  scheduledFor!: Date | null;
}

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

@ObjectType({ description: 'A district survey send planned for a set time.' })
export class ScheduledSurveySend {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  sendAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'People it invited, once sent.' })
  invited!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused when its time came (SURVEY_NOT_OPEN).',
  })
  failure!: string | null;

  @Field(() => [RecipientKindEnum])
  kinds!: string[];

  @Field(() => [ID])
  schoolIds!: string[];

  @Field(() => [String])
  languages!: string[];

  @Field(() => [RecipientRoleEnum])
  roles!: string[];
}
