import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard, gatewayTrust } from '@homeroom/platform/auth';
import { DatabaseModule } from '@homeroom/platform/database';
import { subgraphModule } from '@homeroom/platform/graphql';
import { smsSenderFromConfig } from '@homeroom/platform/sms';
import { translatorFromConfig } from '@homeroom/platform/translation';
import { smsSettingsOf } from '@homeroom/platform/config';
import { kafkaConnection } from '@homeroom/platform/config';
import { MessagingModule, OutboxWriter } from '@homeroom/platform/messaging';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { CASES_TOPIC } from '@homeroom/cases/contracts';
import {
  CASES_ENTITIES,
  CASES_MIGRATIONS,
  CaseAssistModule,
  CaseAttachmentsModule,
  CaseChatModule,
  CaseIntakeService,
  caseReactions,
  CasesDataAccessModule,
  OutboundEmailService,
  OutboundSmsService,
  MessageTranslationService,
  RequesterConfirmationService,
  SurveyInvitationDelivery,
  PERSON_READ_MODEL,
  SCHOOL_READ_MODEL,
  TEAM_READ_MODEL,
  TRANSLATOR_READ_MODEL,
  CALENDAR_READ_MODEL,
} from '@homeroom/cases/data-access';
import { CasesGraphqlModule } from '@homeroom/cases/feature-graphql';
import type { CasesConfig } from './config';
import { chatWidgetScript } from './chat-widget-script';
import { attachmentOptions, llmSettings } from './extensions-config';

const CONFIG = Symbol('CASES_CONFIG');

@Module({})
export class CasesAppModule implements NestModule {
  constructor(@Inject(CONFIG) private readonly config: CasesConfig) {}

  static forRoot(config: CasesConfig): DynamicModule {
    return {
      module: CasesAppModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'cases',
          logLevel: config.LOG_LEVEL,
          logFormat: config.LOG_FORMAT,
        }),
        DatabaseModule.forRoot(() => ({
          url: config.DATABASE_URL,
          applicationName: 'cases',
          entities: CASES_ENTITIES,
          migrations: CASES_MIGRATIONS,
          poolSize: config.DATABASE_POOL_SIZE,
        })),
        MessagingModule.forRootAsync({
          service: 'cases',
          inject: [
            CaseIntakeService,
            OutboundEmailService,
            OutboundSmsService,
            MessageTranslationService,
            RequesterConfirmationService,
            SurveyInvitationDelivery,
          ],
          useFactory: (
            intake: CaseIntakeService,
            outboundEmail: OutboundEmailService,
            outboundSms: OutboundSmsService,
            translations: MessageTranslationService,
            requesterConfirmation: RequesterConfirmationService,
            surveyInvitations: SurveyInvitationDelivery,
          ) => ({
            service: 'cases',
            kafka: kafkaConnection(config),
            databaseUrl: config.DATABASE_URL,
            topics: [{ topic: CASES_TOPIC, partitions: 6 }],
            handlers: [
              ...SCHOOL_READ_MODEL,
              ...TEAM_READ_MODEL,
              ...PERSON_READ_MODEL,
              // Who may review vital messages, in which languages (directory.TranslatorLanguagesChanged; ADR 32).
              ...TRANSLATOR_READ_MODEL,
              // The slas service's business calendars, which texts' quiet hours follow (ADR 35).
              ...CALENDAR_READ_MODEL,
              ...caseReactions(new OutboxWriter('cases'), intake),
              // Staff replies by email (CaseMessageAdded on our own topic); none when SMTP_OUTBOUND_URL is empty.
              ...outboundEmail.handlers(),
              // Staff replies on cases that came by text, by text; none when no SMS provider is configured.
              ...outboundSms.handlers(),
              // Requesters' messages in other languages, translated for staff; none without a provider.
              ...translations.handlers(),
              // Requesters matched by a typed address confirm by a mailed link (CaseOpened; ADR 19).
              ...requesterConfirmation.handlers(),
              // Satisfaction invitations to requesters, by email or text (surveys.invitation.v1).
              ...surveyInvitations.handlers(),
            ],
            consumerGroup: config.KAFKA_CONSUMER_GROUP,
          }),
        }),
        CasesDataAccessModule.forRoot(
          {
            numberPrefix: config.CASE_NUMBER_PREFIX,
            timeZone: config.DISTRICT_TIME_ZONE,
            defaultLanguage: config.DEFAULT_LANGUAGE,
            languages: config.DISTRICT_LANGUAGES,
            automationSweepSeconds: config.AUTOMATION_SWEEP_SECONDS,
          },
          {
            port: config.SMTP_INTAKE_PORT,
            host: config.HOST,
            addresses: config.INTAKE_ADDRESSES,
            maxBytes: config.EMAIL_MAX_BYTES,
            keptEmailRetentionDays: config.KEPT_EMAIL_RETENTION_DAYS,
          },
          {
            smtpUrl: config.SMTP_OUTBOUND_URL,
            from: config.MAIL_FROM,
            portalUrl: config.PORTAL_URL,
            // Replies come back to the first intake address, with the case's token as its sub-address.
            intakeAddress:
              config.INTAKE_ADDRESSES[0] ??
              /<([^<>]+)>/.exec(config.MAIL_FROM)?.[1] ??
              config.MAIL_FROM.trim(),
          },
          {
            sender: smsSenderFromConfig('cases', config),
            provider: smsSettingsOf('cases', config),
            webhookUrl: config.SMS_WEBHOOK_URL || null,
            helpText: config.SMS_HELP_TEXT,
            quietHours: config.SMS_QUIET_HOURS,
            timeZone: config.DISTRICT_TIME_ZONE,
            deferredSweepSeconds: config.SMS_HELD_SWEEP_SECONDS,
          },
          { translator: translatorFromConfig('cases', config), staffLanguage: config.STAFF_LANGUAGE },
        ),
        CaseAttachmentsModule.forRoot(attachmentOptions(config)),
        CaseAssistModule.forRoot(llmSettings(config)),
        CaseChatModule.forRoot(
          {
            idleMinutes: config.CHAT_IDLE_MINUTES,
            sweepSeconds: config.CHAT_SWEEP_SECONDS,
            presenceSeconds: config.CHAT_PRESENCE_SECONDS,
            maxStreams: config.CHAT_MAX_STREAMS,
            timeZone: config.DISTRICT_TIME_ZONE,
          },
          chatWidgetScript(),
        ),
        subgraphModule({ production: config.NODE_ENV === 'production' }),
        CasesGraphqlModule,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthorizationGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(gatewayTrust(this.config.GATEWAY_TRUST_SECRET)).forRoutes('graphql');
  }
}
