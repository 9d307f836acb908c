import { type DynamicModule, Module } from '@nestjs/common';
import { CaseIntakeService, INTAKE_SETTINGS, type IntakeSettings } from './services/case-intake.service';
import { CaseMetricsService } from './services/case-metrics.service';
import { CaseQueryService } from './services/case-query.service';
import { EmergingIssuesService } from './services/emerging-issues.service';
import { CaseService } from './services/case.service';
import { TopicService } from './services/topic.service';
import { RoutingService } from './routing/routing.service';

const SERVICES = [
  CaseIntakeService,
  CaseService,
  CaseQueryService,
  TopicService,
  RoutingService,
  CaseMetricsService,
  EmergingIssuesService,
];

/** The cases service's application services; expects the app to provide TypeORM and messaging. */
@Module({})
export class CasesDataAccessModule {
  static forRoot(settings: IntakeSettings): DynamicModule {
    return {
      module: CasesDataAccessModule,
      global: true,
      providers: [{ provide: INTAKE_SETTINGS, useValue: settings }, ...SERVICES],
      exports: SERVICES,
    };
  }
}
