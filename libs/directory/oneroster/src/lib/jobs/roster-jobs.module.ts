import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RepeatingTask } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { OneRosterImporter } from '../oneroster-importer';
import { OneRosterRestClient, type OneRosterRestConfig } from '../rest/oneroster-rest-client';
import { RosterImportJobs } from './roster-import-jobs';

export const ROSTER_JOB_SETTINGS = Symbol('ROSTER_JOB_SETTINGS');

export interface RosterJobSettings {
  /** Between looks for queued jobs, in milliseconds; 0 turns the runner off (tests that drive runDue). */
  intervalMs: number;
  /** The SIS's OneRoster REST API, and how often to sync from it; absent: uploads only. */
  sis?: OneRosterRestConfig & { syncIntervalMinutes: number };
}

/** Runs queued import jobs, and starts a SIS sync on its schedule when none is pending. */
@Injectable()
export class RosterJobRunner implements OnModuleInit, OnModuleDestroy {
  private readonly worker: RepeatingTask;
  private readonly schedule: RepeatingTask | undefined;

  constructor(
    private readonly jobs: RosterImportJobs,
    @Inject(ROSTER_JOB_SETTINGS) private readonly settings: RosterJobSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.worker = new RepeatingTask(
      'roster import jobs',
      settings.intervalMs,
      () => this.jobs.runDue(() => this.worker.isStopped),
      logger,
    );
    this.schedule =
      settings.sis && settings.sis.syncIntervalMinutes > 0
        ? new RepeatingTask(
            'SIS roster sync schedule',
            settings.sis.syncIntervalMinutes * 60_000,
            async () => {
              if (!(await this.jobs.syncPending())) await this.jobs.startSync(null, { dryRun: false });
            },
            logger,
          )
        : undefined;
  }

  onModuleInit(): void {
    if (this.settings.intervalMs <= 0) return;
    this.worker.start();
    this.schedule?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.worker.stop(), this.schedule?.stop()]);
  }
}

/** OneRoster import jobs and SIS syncs, for the resolvers that start and follow them. */
@Module({})
export class RosterJobsModule {
  static forRoot(settings: RosterJobSettings): DynamicModule {
    return {
      module: RosterJobsModule,
      global: true,
      providers: [
        { provide: ROSTER_JOB_SETTINGS, useValue: settings },
        {
          provide: RosterImportJobs,
          inject: [DataSource, OutboxWriter, LOGGER],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, logger: Logger) => {
            const client = settings.sis && new OneRosterRestClient(settings.sis);
            return new RosterImportJobs(
              dataSource,
              new OneRosterImporter(dataSource, outbox),
              logger,
              client && ((options) => client.readRoster(options)),
            );
          },
        },
        RosterJobRunner,
      ],
      exports: [RosterImportJobs],
    };
  }
}
