import { type DynamicModule, Module } from '@nestjs/common';
import {
  DIRECTORY_MAIL_SETTINGS,
  SurveyInvitationDelivery,
  type DirectoryMailSettings,
} from './survey-invitation-delivery';

/** What the directory sends people on other services' behalf (it holds their addresses and numbers). */
@Module({})
export class DirectoryMailModule {
  static forRoot(settings: DirectoryMailSettings): DynamicModule {
    return {
      module: DirectoryMailModule,
      global: true,
      providers: [{ provide: DIRECTORY_MAIL_SETTINGS, useValue: settings }, SurveyInvitationDelivery],
      exports: [SurveyInvitationDelivery],
    };
  }
}
