export * from './lib/oneroster-importer';
export * from './lib/import-report';
export * from './lib/roster-set';
export { DIRECTORY_FILES, readManifest, type Manifest } from './lib/read/manifest';
export { readOneRosterCsv } from './lib/read/read-csv-set';
export type { PlanProgress, ProgressListener } from './lib/plan/plan-roster';
export {
  MASS_DEACTIVATION_MINIMUM,
  MASS_DEACTIVATION_SHARE,
  MassDeactivationRefused,
} from './lib/plan/safeguards';
export * from './lib/rest/oneroster-rest-client';
export { OneRosterRestException } from './lib/rest/rest-errors';
export * from './lib/jobs/roster-import-job';
export {
  RosterImportJobs,
  UPLOAD_MAX_BYTES,
  UPLOAD_PART_MAX_BYTES,
  type SisReader,
} from './lib/jobs/roster-import-jobs';
export {
  RosterJobsModule,
  RosterJobRunner,
  ROSTER_JOB_SETTINGS,
  type RosterJobSettings,
} from './lib/jobs/roster-jobs.module';
