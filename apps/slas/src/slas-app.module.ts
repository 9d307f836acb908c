import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard, gatewayTrust } from '@homeroom/platform/auth';
import { DatabaseModule } from '@homeroom/platform/database';
import { subgraphModule } from '@homeroom/platform/graphql';
import { kafkaConnection } from '@homeroom/platform/config';
import { MessagingModule } from '@homeroom/platform/messaging';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { SLAS_CALENDAR_TOPIC, SLAS_TIMER_TOPIC } from '@homeroom/slas/contracts';
import {
  SLAS_ENTITIES,
  SLAS_MIGRATIONS,
  SlasDataAccessModule,
  TimerService,
} from '@homeroom/slas/data-access';
import { CaseReference, SchoolReference, SlasGraphqlModule } from '@homeroom/slas/feature-graphql';
import type { SlasConfig } from './config';

const CONFIG = Symbol('SLAS_CONFIG');

@Module({})
export class SlasAppModule implements NestModule {
  constructor(@Inject(CONFIG) private readonly config: SlasConfig) {}

  static forRoot(config: SlasConfig): DynamicModule {
    return {
      module: SlasAppModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'slas',
          logLevel: config.LOG_LEVEL,
          logFormat: config.LOG_FORMAT,
        }),
        DatabaseModule.forRoot(() => ({
          url: config.DATABASE_URL,
          applicationName: 'slas',
          entities: SLAS_ENTITIES,
          migrations: SLAS_MIGRATIONS,
          poolSize: config.DATABASE_POOL_SIZE,
        })),
        MessagingModule.forRootAsync({
          service: 'slas',
          inject: [TimerService],
          useFactory: (timers: TimerService) => ({
            service: 'slas',
            kafka: kafkaConnection(config),
            databaseUrl: config.DATABASE_URL,
            topics: [
              { topic: SLAS_TIMER_TOPIC, partitions: 6 },
              // Business calendars, for the cases service's quiet hours for texts (ADR 35).
              { topic: SLAS_CALENDAR_TOPIC, partitions: 6 },
            ],
            // The cases service's events move the timers (cases.case.v1).
            handlers: timers.handlers(),
            consumerGroup: config.KAFKA_CONSUMER_GROUP,
          }),
        }),
        SlasDataAccessModule.forRoot(
          { intervalMs: config.SLA_SCHEDULER_INTERVAL_MS, batchSize: config.SLA_SCHEDULER_BATCH_SIZE },
          // The days and months of the attainment figures' rollups (ADR 26).
          { timeZone: config.DISTRICT_TIME_ZONE },
        ),
        // Case is the cases subgraph's entity; this one only adds Case.sla to it.
        subgraphModule({
          production: config.NODE_ENV === 'production',
          orphanedTypes: [CaseReference, SchoolReference],
        }),
        SlasGraphqlModule,
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
