import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard, gatewayTrust } from '@homeroom/platform/auth';
import { DatabaseModule } from '@homeroom/platform/database';
import { subgraphModule } from '@homeroom/platform/graphql';
import { kafkaConnection } from '@homeroom/platform/config';
import { MessagingModule } from '@homeroom/platform/messaging';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { SURVEYS_INVITATION_TOPIC, SURVEYS_RESPONSE_TOPIC } from '@homeroom/surveys/contracts';
import {
  AudienceService,
  CsatInvitationService,
  SURVEYS_ENTITIES,
  SURVEYS_MIGRATIONS,
  SurveysDataAccessModule,
} from '@homeroom/surveys/data-access';
import { CaseReference, SchoolReference, SurveysGraphqlModule } from '@homeroom/surveys/feature-graphql';
import type { SurveysConfig } from './config';

const CONFIG = Symbol('SURVEYS_CONFIG');

@Module({})
export class SurveysAppModule implements NestModule {
  constructor(@Inject(CONFIG) private readonly config: SurveysConfig) {}

  static forRoot(config: SurveysConfig): DynamicModule {
    return {
      module: SurveysAppModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'surveys',
          logLevel: config.LOG_LEVEL,
          logFormat: config.LOG_FORMAT,
        }),
        DatabaseModule.forRoot(() => ({
          url: config.DATABASE_URL,
          applicationName: 'surveys',
          entities: SURVEYS_ENTITIES,
          migrations: SURVEYS_MIGRATIONS,
          poolSize: config.DATABASE_POOL_SIZE,
        })),
        MessagingModule.forRootAsync({
          service: 'surveys',
          inject: [CsatInvitationService, AudienceService],
          useFactory: (invitations: CsatInvitationService, audiences: AudienceService) => ({
            service: 'surveys',
            kafka: kafkaConnection(config),
            databaseUrl: config.DATABASE_URL,
            topics: [
              { topic: SURVEYS_INVITATION_TOPIC, partitions: 6 },
              { topic: SURVEYS_RESPONSE_TOPIC, partitions: 6 },
            ],
            // Resolved cases bring the satisfaction invitations (cases.case.v1); the directory's people
            // are the district surveys' audiences (directory.person.v1).
            handlers: [...invitations.handlers(), ...audiences.handlers()],
            consumerGroup: config.KAFKA_CONSUMER_GROUP,
          }),
        }),
        SurveysDataAccessModule.forRoot({
          portalUrl: config.PORTAL_URL,
          coolingOffDays: config.SURVEY_COOLING_OFF_DAYS,
          remindAfterDays: config.SURVEY_REMIND_AFTER_DAYS === 0 ? null : config.SURVEY_REMIND_AFTER_DAYS,
          expireAfterDays: config.SURVEY_EXPIRE_AFTER_DAYS,
          lowSatisfactionThreshold: config.SURVEY_LOW_SCORE_THRESHOLD,
          minimumGroupSize: config.SURVEY_MINIMUM_GROUP_SIZE,
          reminderIntervalMs: config.SURVEY_REMINDER_INTERVAL_MS,
          defaultLanguage: config.SURVEY_DEFAULT_LANGUAGE,
          timeZone: config.DISTRICT_TIME_ZONE,
        }),
        // Case and School belong to other subgraphs; this one adds satisfaction to them.
        subgraphModule({
          production: config.NODE_ENV === 'production',
          orphanedTypes: [CaseReference, SchoolReference],
        }),
        SurveysGraphqlModule,
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
