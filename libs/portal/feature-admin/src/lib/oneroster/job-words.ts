import type {
  RosterImportStatus,
  RosterJobStateFragment,
  RosterReportFragment,
} from '../operations.generated';
import { reasonInWords } from './oneroster-files';

type Job = Pick<RosterJobStateFragment, 'status' | 'step' | 'source' | 'progress'>;
type Alarm = RosterReportFragment['massDeactivation'][number];

/** How many in the way people read them: "1,200". */
export const count = (value: number): string => value.toLocaleString('en-US');

/** A job the server is still working on: the page asks how it is going. */
export function isActive(status: RosterImportStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

/** A job whose reports the page shows: a preview to confirm, or what was applied. */
export function hasReport(status: RosterImportStatus): boolean {
  return status === 'AWAITING_CONFIRMATION' || status === 'SUCCEEDED';
}

/** Where a job's set came from: a set uploaded here, or the SIS's REST API. */
export function sourceInWords(source: string): string {
  return source === 'SIS_API' ? 'SIS' : source === 'UPLOAD' ? 'Upload' : source;
}

/** A job's status in words; the step tells the check (a dry run) from the import itself. */
export function statusInWords(status: RosterImportStatus, step: string): string {
  const checking = step === 'DRY_RUN';
  switch (status) {
    case 'UPLOADING':
      return 'Uploading';
    case 'QUEUED':
      return checking ? 'Waiting to be checked' : 'Waiting to be applied';
    case 'RUNNING':
      return checking ? 'Checking' : 'Applying';
    case 'AWAITING_CONFIRMATION':
      return 'Checked, waiting for confirmation';
    case 'SUCCEEDED':
      return 'Applied';
    case 'FAILED':
      return checking ? 'Check failed' : 'Import failed';
    case 'CANCELLED':
      return 'Cancelled';
    default:
      return status;
  }
}

/** What the job is doing, in words: the server's phase names (reading, checking, planning, writing, publishing). */
export function phaseInWords(phase: string, source: string): string {
  switch (phase) {
    case 'reading':
      return source === 'SIS_API' ? 'reading from the SIS' : 'reading the files';
    case 'checking':
      return 'checking each row';
    case 'planning':
      return 'comparing with the directory';
    case 'writing':
      return 'writing';
    case 'publishing':
      return 'telling the other services';
    default:
      return phase;
  }
}

/** A `<progress>` bar's value and max, or nulls for one that cannot say how far it is (no total yet). */
export function progressBar(job: Job): { value: number | null; max: number | null } {
  const progress = job.status === 'RUNNING' ? job.progress : null;
  if (!progress || progress.total <= 0) return { value: null, max: null };
  return { value: Math.min(progress.done, progress.total), max: progress.total };
}

/** The line beside the bar: "Checking the set: comparing with the directory, 1,200 of 5,000." */
export function progressLine(job: Job): string {
  const checking = job.step === 'DRY_RUN';
  switch (job.status) {
    case 'UPLOADING':
      return 'Uploading the files.';
    case 'QUEUED':
      return checking
        ? 'Waiting to check the set; it starts when the import before it is done.'
        : 'Waiting to apply the set; it starts when the import before it is done.';
    case 'RUNNING': {
      const doing = checking ? 'Checking the set' : 'Applying the set';
      const progress = job.progress;
      if (!progress) return `${doing}.`;
      const phase = phaseInWords(progress.phase, job.source);
      return progress.total > 0
        ? `${doing}: ${phase}, ${count(Math.min(progress.done, progress.total))} of ${count(progress.total)}.`
        : `${doing}: ${phase}.`;
    }
    default:
      return `${statusInWords(job.status, job.step)}.`;
  }
}

/** The safeguard's figures in words: "110 of 120 active people (92 %)". */
export function alarmInWords({ what, deactivated, active }: Alarm): string {
  const share = active > 0 ? Math.round((100 * deactivated) / active) : 100;
  return `${count(deactivated)} of ${count(active)} active ${what} (${share} %)`;
}

/** "This set deactivates 110 of 120 active people (92 %) and 2 of 3 active schools (67 %)." */
export function alarmsInWords(alarms: readonly Alarm[]): string {
  return `This set deactivates ${alarms.map(alarmInWords).join(' and ')}.`;
}

/** Where the row that caused a row's refusal is: "because of users.csv line 7". */
export function causedByInWords(causedBy: string | null | undefined): string | null {
  return causedBy ? `because of ${causedBy}` : null;
}

const KINDS: Record<string, string> = {
  SCHOOL: 'Schools',
  STUDENT: 'Students',
  GUARDIAN: 'Guardians',
  STAFF: 'Staff',
  COMMUNITY: 'Community members',
};

/** A change's kind of record, as a table heading names it. */
export function kindInWords(kind: string): string {
  return KINDS[kind] ?? kind;
}

/** A change's action: what a preview would do ("Create") or what an import did ("Created"). */
export function actionInWords(action: string, dryRun: boolean): string {
  const words: Record<string, [string, string]> = {
    CREATED: ['Create', 'Created'],
    UPDATED: ['Update', 'Updated'],
    DEACTIVATED: ['Deactivate', 'Deactivated'],
  };
  const pair = words[action];
  return pair ? pair[dryRun ? 0 : 1] : action;
}

/** The school a change counts at: the school itself, the people's school, or none. */
export function changeSchoolInWords(change: { kind: string; schoolName: string | null }): string {
  return change.schoolName ?? (change.kind === 'SCHOOL' ? '—' : 'No school');
}

/**
 * Why a job failed, in words: what stopped it (its reason in words, when it has one) and the server's own
 * account, which names the file, line or SIS endpoint. A failed step writes nothing.
 */
export function failureInWords(
  error: { code: string; reason: string | null; message: string } | null,
  step: string,
): { lead: string; detail: string | null } {
  const what = step === 'DRY_RUN' ? 'The check' : 'The import';
  const why = error?.reason ? `: ${reasonInWords(error.reason)}` : '';
  return { lead: `${what} stopped${why}. Nothing was changed.`, detail: error?.message ?? null };
}

/** What the page says when the API has no SIS to read. */
export const SIS_NOT_CONFIGURED = 'No SIS REST API is configured; ask IT to set ONEROSTER_SYNC_URL.';

/** The page's own words for the refusals of the job mutations, by `extensions.reason`. */
export const JOB_REFUSALS: Readonly<Record<string, string>> = {
  SIS_SYNC_NOT_CONFIGURED: SIS_NOT_CONFIGURED,
  MASS_DEACTIVATION:
    'This set deactivates more than the safeguard allows: tick the box confirming the deactivations to apply it.',
  JOB_STATE_CHANGED:
    'This import changed meanwhile (someone else may have applied or cancelled it). Open it again from the list.',
  JOB_STARTED: 'The import has started and can no longer be cancelled.',
};

/** Their words by `extensions.code`, for the refusals that have no reason of their own. */
export const JOB_REFUSAL_CODES: Readonly<Record<string, string>> = {
  // The one feature these mutations depend on: startRosterSync without a SIS.
  FEATURE_DISABLED: SIS_NOT_CONFIGURED,
};

/** The heading of the job the page shows: "Import in progress", "Preview: what the set would change". */
export function jobHeading(job: Pick<RosterJobStateFragment, 'status' | 'source'>): string {
  const subject = job.source === 'SIS_API' ? 'SIS sync' : 'Import';
  switch (job.status) {
    case 'AWAITING_CONFIRMATION':
      return 'Preview: what the set would change';
    case 'SUCCEEDED':
      return `${subject} applied`;
    case 'FAILED':
      return `${subject} failed`;
    case 'CANCELLED':
      return `${subject} cancelled`;
    default:
      return `${subject} in progress`;
  }
}
