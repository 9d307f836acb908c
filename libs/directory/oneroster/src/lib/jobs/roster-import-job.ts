import type { ImportReport } from '../import-report';
import type { PlanProgress } from '../plan/plan-roster';

export type RosterJobSource = 'UPLOAD' | 'SIS_API';
export type RosterJobStatus =
  'UPLOADING' | 'QUEUED' | 'RUNNING' | 'AWAITING_CONFIRMATION' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
/** A dry run reports what the set would change; applying writes it. */
export type RosterJobStep = 'DRY_RUN' | 'APPLY';

export interface RosterJobError {
  code: string;
  reason: string | null;
  message: string;
}

/** One import or SIS sync, as an administrator follows it. */
export interface RosterImportJob {
  id: string;
  source: RosterJobSource;
  status: RosterJobStatus;
  step: RosterJobStep;
  allowMassDeactivation: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  progress: PlanProgress | { phase: 'reading'; done: number; total: number } | null;
  /** What the set would change: the preview an administrator confirms. */
  dryRunReport: ImportReport | null;
  /** What applying it changed. */
  report: ImportReport | null;
  error: RosterJobError | null;
  files: { name: string; bytes: number }[];
}

export interface RosterJobRow {
  id: string;
  source: RosterJobSource;
  status: RosterJobStatus;
  step: RosterJobStep;
  allow_mass_deactivation: boolean;
  sync_since: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  phase: string | null;
  done: number;
  total: number;
  dry_run_report: ImportReport | null;
  report: ImportReport | null;
  error: RosterJobError | null;
}

export function jobOf(row: RosterJobRow, files: { name: string; bytes: number }[]): RosterImportJob {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    step: row.step,
    allowMassDeactivation: row.allow_mass_deactivation,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    progress: row.phase
      ? ({ phase: row.phase, done: row.done, total: row.total } as RosterImportJob['progress'])
      : null,
    dryRunReport: row.dry_run_report,
    report: row.report,
    error: row.error,
    files,
  };
}
