import { type DynamicModule, Module } from '@nestjs/common';
import {
  SLA_FIGURES_SETTINGS,
  SlaFiguresRollup,
  type SlaFiguresSettings,
} from './figures/sla-figures-rollup';
import { AttainmentService } from './services/attainment.service';
import { CalendarService } from './services/calendar.service';
import { CalendarAnnouncements } from './services/calendar-announcements';
import { PolicyService } from './services/policy.service';
import { SLA_SCHEDULER_SETTINGS, SlaScheduler, type SlaSchedulerSettings } from './services/sla-scheduler';
import { TimerService } from './services/timer.service';

const SERVICES = [
  CalendarService,
  CalendarAnnouncements,
  PolicyService,
  TimerService,
  SlaScheduler,
  SlaFiguresRollup,
  AttainmentService,
];

/** The slas service's application services; expects the app to provide TypeORM, messaging and logging. */
@Module({})
export class SlasDataAccessModule {
  static forRoot(scheduler: SlaSchedulerSettings, figures: SlaFiguresSettings): DynamicModule {
    return {
      module: SlasDataAccessModule,
      global: true,
      providers: [
        { provide: SLA_SCHEDULER_SETTINGS, useValue: scheduler },
        { provide: SLA_FIGURES_SETTINGS, useValue: figures },
        ...SERVICES,
      ],
      exports: SERVICES,
    };
  }
}
