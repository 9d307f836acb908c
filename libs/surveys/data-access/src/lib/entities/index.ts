import {
  SurveyEntity,
  SurveyInvitationEntity,
  SurveyResponseEntity,
  SurveyVersionEntity,
} from './survey.entities';

export * from './survey.entities';

export const SURVEYS_ENTITIES = [
  SurveyEntity,
  SurveyVersionEntity,
  SurveyInvitationEntity,
  SurveyResponseEntity,
];
