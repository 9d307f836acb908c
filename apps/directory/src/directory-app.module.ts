import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard, gatewayTrust } from '@homeroom/platform/auth';
import { DatabaseModule } from '@homeroom/platform/database';
import { subgraphModule } from '@homeroom/platform/graphql';
import { kafkaConnection } from '@homeroom/platform/config';
import { MessagingModule } from '@homeroom/platform/messaging';
import { smsSenderFromConfig } from '@homeroom/platform/sms';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { DIRECTORY_TOPICS } from '@homeroom/directory/contracts';
import {
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  DirectoryMailModule,
  smsConsentHandlers,
  SurveyInvitationDelivery,
} from '@homeroom/directory/data-access';
import { DirectoryAuthModule } from '@homeroom/directory/feature-auth';
import { DirectoryGraphqlModule } from '@homeroom/directory/feature-graphql';
import { RosterJobsModule } from '@homeroom/directory/oneroster';
import type { DirectoryConfig } from './config';

const CONFIG = Symbol('DIRECTORY_CONFIG');

@Module({})
export class DirectoryAppModule implements NestModule {
  constructor(@Inject(CONFIG) private readonly config: DirectoryConfig) {}

  static forRoot(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryAppModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'directory',
          logLevel: config.LOG_LEVEL,
          logFormat: config.LOG_FORMAT,
        }),
        DatabaseModule.forRoot(() => ({
          url: config.DATABASE_URL,
          applicationName: 'directory',
          entities: DIRECTORY_ENTITIES,
          migrations: DIRECTORY_MIGRATIONS,
          poolSize: config.DATABASE_POOL_SIZE,
        })),
        DirectoryMailModule.forRoot({
          smtpUrl: config.SMTP_OUTBOUND_URL,
          from: config.MAIL_FROM,
          sms: smsSenderFromConfig('directory', config),
        }),
        MessagingModule.forRootAsync({
          service: 'directory',
          inject: [SurveyInvitationDelivery],
          useFactory: (invitations: SurveyInvitationDelivery) => ({
            service: 'directory',
            kafka: kafkaConnection(config),
            databaseUrl: config.DATABASE_URL,
            topics: Object.values(DIRECTORY_TOPICS).map((topic) => ({ topic, partitions: 6 })),
            // District surveys' invitations to people (surveys.invitation.v1), when mail or SMS is on;
            // numbers' STOP and START from the cases service's text messages (cases.case.v1), always.
            handlers: [...invitations.handlers(), ...smsConsentHandlers()],
            consumerGroup: config.KAFKA_CONSUMER_GROUP,
          }),
        }),
        RosterJobsModule.forRoot({
          intervalMs: config.ONEROSTER_JOB_INTERVAL_MS,
          sis: config.ONEROSTER_SYNC_URL
            ? {
                baseUrl: config.ONEROSTER_SYNC_URL,
                tokenUrl: config.ONEROSTER_SYNC_TOKEN_URL,
                clientId: config.ONEROSTER_SYNC_CLIENT_ID,
                clientSecret: config.ONEROSTER_SYNC_CLIENT_SECRET,
                syncIntervalMinutes: config.ONEROSTER_SYNC_INTERVAL_MINUTES,
              }
            : undefined,
        }),
        subgraphModule({ production: config.NODE_ENV === 'production' }),
        DirectoryGraphqlModule,
        DirectoryAuthModule.forRoot({
          issuer: config.OIDC_ISSUER,
          portalRedirectUris: config.PORTAL_REDIRECT_URIS,
          cookieKeys: config.OIDC_COOKIE_KEYS,
          production: config.NODE_ENV === 'production',
          trustProxy: config.TRUST_PROXY,
          failuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
        }),
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthorizationGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Sign-in (/auth) is public; the API and the gateway's staff lookup (/internal) take only the gateway.
    consumer.apply(gatewayTrust(this.config.GATEWAY_TRUST_SECRET)).forRoutes('graphql', 'internal/*path');
  }
}
