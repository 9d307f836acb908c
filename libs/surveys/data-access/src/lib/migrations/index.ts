import { CreateMessagingTables1764150000000 } from '@homeroom/platform/messaging';
import { CreateSurveys1764600000000 } from './1764600000000-create-surveys.migration';
import { SurveyAudiences1764700000000 } from './1764700000000-survey-audiences.migration';
import { InvitationScore1764800000000 } from './1764800000000-invitation-score.migration';
import { ScheduledSends1764900000000 } from './1764900000000-scheduled-sends.migration';
import { SatisfactionFigures1764950000000 } from './1764950000000-satisfaction-figures.migration';

/** In timestamp order; immutable once merged. */
export const SURVEYS_MIGRATIONS = [
  CreateMessagingTables1764150000000,
  CreateSurveys1764600000000,
  SurveyAudiences1764700000000,
  InvitationScore1764800000000,
  ScheduledSends1764900000000,
  SatisfactionFigures1764950000000,
];
