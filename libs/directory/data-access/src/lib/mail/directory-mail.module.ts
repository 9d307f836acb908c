import { type DynamicModule, Module } from '@nestjs/common';
import {
  DIRECTORY_MAIL_SETTINGS,
  SurveyInvitationMailer,
  type DirectoryMailSettings,
} from './survey-invitation-mailer';

/** The mail the directory sends on other services' behalf (it holds the addresses). */
@Module({})
export class DirectoryMailModule {
  static forRoot(settings: DirectoryMailSettings): DynamicModule {
    return {
      module: DirectoryMailModule,
      global: true,
      providers: [{ provide: DIRECTORY_MAIL_SETTINGS, useValue: settings }, SurveyInvitationMailer],
      exports: [SurveyInvitationMailer],
    };
  }
}
