import { type DynamicModule, Module } from '@nestjs/common';
import { AudienceService } from './services/audience.service';
import { CsatInvitationService } from './services/csat-invitation.service';
import { InvitationIssuer } from './services/invitation-issuer';
import { InvitationReminders } from './services/invitation-reminders';
import { SatisfactionService } from './services/satisfaction.service';
import { SatisfactionRollup } from './figures/satisfaction-rollup';
import { ScheduledSends } from './services/scheduled-sends';
import { SurveyResultsService } from './services/survey-results.service';
import { SurveyResponseService } from './services/survey-response.service';
import { SurveyService } from './services/survey.service';
import { SURVEY_SETTINGS, type SurveySettings } from './survey-settings';

const SERVICES = [
  SurveyService,
  InvitationIssuer,
  CsatInvitationService,
  AudienceService,
  ScheduledSends,
  InvitationReminders,
  SurveyResponseService,
  SatisfactionRollup,
  SatisfactionService,
  SurveyResultsService,
];

/** The surveys service's application services; expects the app to provide TypeORM, messaging and logging. */
@Module({})
export class SurveysDataAccessModule {
  static forRoot(settings: SurveySettings): DynamicModule {
    return {
      module: SurveysDataAccessModule,
      global: true,
      providers: [{ provide: SURVEY_SETTINGS, useValue: settings }, ...SERVICES],
      exports: [SURVEY_SETTINGS, ...SERVICES],
    };
  }
}
