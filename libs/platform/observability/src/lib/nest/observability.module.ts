import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { type LogFormat } from '../log-lines';
import { createLogger } from '../logger';
import { createMetricsRegistry } from '../metrics';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health-registry';
import { MetricsController } from './metrics.controller';
import { LOGGER, METRICS_REGISTRY } from './observability.tokens';
import { RequestContextMiddleware } from './request-context.middleware';

export interface ObservabilityOptions {
  service: string;
  logLevel?: string;
  logFormat?: LogFormat;
}

/** Logs, `/metrics`, `/health/live`, `/health/ready` and the request context, for every service. */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot({ service, logLevel, logFormat }: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        {
          provide: LOGGER,
          useValue: createLogger({ service, format: logFormat, ...(logLevel ? { level: logLevel } : {}) }),
        },
        { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(service) },
      ],
      exports: [HealthRegistry, LOGGER, METRICS_REGISTRY],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
