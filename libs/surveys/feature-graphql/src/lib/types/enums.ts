import { registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import { SENTIMENT_LABELS } from '@homeroom/shared/sentiment';
import { SATISFACTION_DIMENSIONS, SURVEY_KINDS, SURVEY_STATUSES } from '@homeroom/surveys/data-access';
import {
  ASSESSMENT_AREAS,
  PPRA_AREAS,
  QUESTION_KINDS,
  SERVICE_STAGES,
  SURVEY_AUDIENCES,
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
