import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo } from 'apollo-angular';
import { EMPTY, exhaustMap, firstValueFrom, from, map, switchMap } from 'rxjs';
import { base64Of, errorCode, errorMessage, errorReason, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { formatBytes } from '../formats';
import {
  AddRosterImportFilePartDocument,
  CancelRosterImportDocument,
  ConfirmRosterImportDocument,
  RosterImportJobDocument,
  type RosterImportJobQuery,
  RosterImportJobsDocument,
  RosterImportJobStateDocument,
  type RosterJobStateFragment,
  StartRosterImportDocument,
  StartRosterSyncDocument,
  SubmitRosterImportDocument,
} from '../operations.generated';
import { fileParts, readBytes } from './file-parts';
import {
  failureInWords,
  hasReport,
  isActive,
  JOB_REFUSAL_CODES,
  JOB_REFUSALS,
  jobHeading,
} from './job-words';
import type { OneRosterField } from './oneroster-files';
import { RosterConfirmComponent } from './roster-confirm.component';
import { ROSTER_JOB_POLL, ROSTER_UPLOAD_PART_BYTES } from './roster-import.tokens';
import { RosterJobProgressComponent } from './roster-job-progress.component';
import { RosterJobsTableComponent } from './roster-jobs-table.component';
import { RosterReportComponent } from './roster-report.component';
import { type ChosenSet, RosterSetPickerComponent } from './roster-set-picker.component';

type JobState = RosterJobStateFragment;
type FullJob = RosterImportJobQuery['rosterImportJob'];

/** The jobs listed under "Recent imports and syncs". */
const RECENT_JOBS = 10;
/** Tries of one part before the upload stops: a part sent again replaces the first. */
const PART_TRIES = 3;
/** Refusals worth sending a part again for: the network, or a service busy for a moment. */
const TRANSIENT_CODES = new Set(['UPSTREAM_UNAVAILABLE', 'GATEWAY_TIMEOUT', 'INTERNAL']);

/** A refusal of the job mutations in the page's words, or the API's code in plain words. */
function refusalInWords(error: unknown): string {
  const reason = errorReason(error);
  const code = errorCode(error);
  return (reason && JOB_REFUSALS[reason]) || (code && JOB_REFUSAL_CODES[code]) || errorMessage(error, 'en');
}

/**
 * The OneRoster import. A district administrator chooses the CSV files a student information system
 * exported; the portal uploads them in parts to an import job and submits it; the directory checks the set
 * in the background (a dry run) while the page shows its progress; the preview says what the set would
 * change, file by file and row by row, and the administrator applies it (confirming a mass deactivation
 * when the safeguard trips) or cancels it; the import then runs in the background in turn, and its report
 * shows. "Check the SIS now" does the same from the SIS's OneRoster REST API, and the recent imports and
 * syncs can be opened to follow, confirm or read them.
 */
@Component({
  selector: 'hr-oneroster-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormFeedbackComponent,
    RosterConfirmComponent,
    RosterJobProgressComponent,
    RosterJobsTableComponent,
    RosterReportComponent,
    RosterSetPickerComponent,
  ],
  styles: `
    .upload {
      display: grid;
      gap: 0.3rem;
      max-width: 40rem;
    }
    .upload progress {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
  `,
  template: `
    <h1>OneRoster import</h1>
    <p>
      Bring schools, students, guardians and staff in from the student information system: export a OneRoster
      1.0, 1.1 or 1.2 CSV set from it and choose its files here. The set is checked first, and nothing changes
      until you have read what it would change and applied it. Records are matched by their sourcedId, so
      importing the same files again changes nothing; good rows go in even when others are refused.
    </p>

    <h2>Import a set of files</h2>
    <hr-roster-set-picker [disabled]="uploading()" (chosenSet)="chosenSet.set($event)" />
    <div class="actions">
      <button type="button" [disabled]="!chosenSet() || uploading() || busy()" (click)="upload()">
        Upload and check
      </button>
      @if (uploading()) {
        <button type="button" class="secondary" (click)="stopUpload()">Stop the upload</button>
      }
    </div>
    @if (uploadProgress(); as progress) {
      <div class="upload">
        <label for="roster-upload-progress">Upload</label>
        <progress
          id="roster-upload-progress"
          aria-describedby="roster-upload-line"
          [attr.value]="progress.sent"
          [attr.max]="progress.total || 1"
        ></progress>
        <p id="roster-upload-line" role="status">
          Uploading: {{ size(progress.sent) }} of {{ size(progress.total) }} sent. Keep this page open until
          the upload is done; the check then goes on without it.
        </p>
      </div>
    }

    <h2>Check the SIS</h2>
    <p>
      When the student information system's OneRoster REST API is connected, the directory reads it on a
      schedule. Check it now to see what it would change; nothing changes until you apply it.
    </p>
    <button type="button" class="secondary" [disabled]="uploading() || busy()" (click)="checkSis()">
      Check the SIS now
    </button>

    <hr-form-feedback [error]="error()" />

    @if (job(); as job) {
      <section aria-labelledby="roster-job-heading">
        <h2 id="roster-job-heading">{{ heading() }}</h2>
        @switch (job.status) {
          @case ('UPLOADING') {
            @if (uploading()) {
              <p>The files are being uploaded; the check starts once they are all sent.</p>
            } @else {
              <p>This upload was not finished. Choose the files again to start a new one.</p>
              <button type="button" class="secondary" [disabled]="busy()" (click)="cancel()">
                Cancel this upload
              </button>
            }
          }
          @case ('AWAITING_CONFIRMATION') {
            @if (report(); as report) {
              <hr-roster-confirm
                [report]="report"
                [busy]="busy()"
                (apply)="confirm($event)"
                (cancel)="cancel()"
              />
              <hr-roster-report [report]="report" />
            } @else {
              <p role="status">Loading the preview…</p>
            }
          }
          @case ('SUCCEEDED') {
            <p role="status">The set was applied.</p>
            @if (report(); as report) {
              <hr-roster-report [report]="report" />
            } @else {
              <p>Loading the report…</p>
            }
          }
          @case ('FAILED') {
            <div role="alert" class="error" data-testid="roster-failure">
              <p>{{ failure().lead }}</p>
              @if (failure().detail; as detail) {
                <p class="hint">{{ detail }}</p>
              }
            </div>
          }
          @case ('CANCELLED') {
            <p role="status">Cancelled: nothing was changed, and the files were deleted.</p>
          }
          @default {
            <hr-roster-job-progress [job]="job" />
            <p class="hint">You may leave this page: the job goes on, and it is listed below.</p>
          }
        }
        <hr-form-feedback [error]="loadError()" />
      </section>
    }

    <h2>Recent imports and syncs</h2>
    @if (jobs.error(); as jobsError) {
      <p role="alert" class="error">{{ jobsError }}</p>
    } @else if (jobs.loading()) {
      <p role="status">Loading the recent imports…</p>
    } @else if (recentJobs().length === 0) {
      <p>No imports or syncs yet.</p>
    } @else {
      <hr-roster-jobs-table
        [jobs]="recentJobs()"
        [openId]="job()?.id ?? null"
        [busy]="uploading() || busy()"
        (open)="open($event)"
      />
    }
  `,
})
export class OneRosterPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly partBytes = inject(ROSTER_UPLOAD_PART_BYTES);
  private readonly poll = inject(ROSTER_JOB_POLL);
  protected readonly jobs = watchQuery(RosterImportJobsDocument, { first: RECENT_JOBS });
  protected readonly recentJobs = computed(() => this.jobs.data()?.rosterImportJobs ?? []);

  protected readonly chosenSet = signal<ChosenSet | null>(null);
  /** Bytes sent of the set's, while it uploads. */
  protected readonly uploadProgress = signal<{ sent: number; total: number } | null>(null);
  protected readonly uploading = computed(() => this.uploadProgress() !== null);
  /** True while a job mutation runs: the buttons wait for it. */
  protected readonly busy = signal(false);
  /** Why the last change was refused. */
  protected readonly error = signal<string | null>(null);
  /** Why the job shown could not be read (its progress, its reports). */
  protected readonly loadError = signal<string | null>(null);

  /** The job the page follows: its status and progress. */
  protected readonly job = signal<JobState | null>(null);
  /** The same job with its reports, asked for once it has them. */
  private readonly detail = signal<FullJob | null>(null);
  protected readonly heading = computed(() => {
    const job = this.job();
    return job ? jobHeading(job) : '';
  });
  protected readonly report = computed(() => {
    const [job, detail] = [this.job(), this.detail()];
    if (!job || detail?.id !== job.id) return null;
    if (job.status === 'AWAITING_CONFIRMATION') return detail.dryRunReport;
    if (job.status === 'SUCCEEDED') return detail.report;
    return null;
  });
  protected readonly failure = computed(() => {
    const job = this.job();
    return failureInWords(job?.error ?? null, job?.step ?? 'DRY_RUN');
  });
  /** The job to ask about on each tick: the one followed, while it is queued or running. */
  private readonly pollingId = computed(() => {
    const job = this.job();
    return job && isActive(job.status) ? job.id : null;
  });

  private stopRequested = false;
  private destroyed = false;
  /** The job whose reports are being asked for, so that they are asked for once. */
  private detailLoading: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    // One question at a time (a slow answer is not overtaken by the next tick); none once the job is done.
    toObservable(this.pollingId)
      .pipe(
        switchMap((id) => (id ? this.poll.pipe(map(() => id)) : EMPTY)),
        exhaustMap((id) => from(this.askState(id))),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  /** Starts a job, sends each file in parts, and submits the set for its check. */
  protected async upload(): Promise<void> {
    const set = this.chosenSet();
    if (!set || this.uploading()) return;
    this.stopRequested = false;
    this.loadError.set(null);
    this.uploadProgress.set({ sent: 0, total: set.bytes });
    try {
      const started = await this.mutate(StartRosterImportDocument, {});
      if (!started) return;
      const jobId = started.startRosterImport.id;
      this.show(started.startRosterImport);
      for (const { field, file } of set.files)
        for (const { part, start, end } of fileParts(file.size, this.partBytes)) {
          if (this.stopRequested || this.destroyed) return await this.cancelUpload(jobId);
          const base64 = base64Of(await readBytes(file.slice(start, end)));
          if (!(await this.sendPart(jobId, field, part, base64, file.name)))
            return await this.cancelUpload(jobId);
          this.uploadProgress.update(
            (progress) => progress && { ...progress, sent: progress.sent + end - start },
          );
        }
      const submitted = await this.mutate(SubmitRosterImportDocument, { jobId }, ['RosterImportJobs']);
      if (submitted) this.show(submitted.submitRosterImport);
    } finally {
      this.uploadProgress.set(null);
    }
  }

  protected stopUpload(): void {
    this.stopRequested = true;
  }

  protected async checkSis(): Promise<void> {
    this.loadError.set(null);
    const started = await this.mutate(StartRosterSyncDocument, {}, ['RosterImportJobs']);
    if (started) this.show(started.startRosterSync);
  }

  protected async confirm(allowMassDeactivation: boolean): Promise<void> {
    const job = this.job();
    if (!job) return;
    const confirmed = await this.mutate(ConfirmRosterImportDocument, {
      jobId: job.id,
      allowMassDeactivation,
    });
    if (confirmed) this.show(confirmed.confirmRosterImport);
  }

  protected async cancel(): Promise<void> {
    const job = this.job();
    if (!job) return;
    const cancelled = await this.mutate(CancelRosterImportDocument, { jobId: job.id });
    if (cancelled) this.show(cancelled.cancelRosterImport);
  }

  /** Shows a job from the list: its progress, preview or report. */
  protected async open(id: string): Promise<void> {
    this.error.set(null);
    this.loadError.set(null);
    const full = await this.askJob(id);
    if (full) this.show(full, full);
  }

  /**
   * Follows a job: the page polls it while it is queued or running (`pollingId`), and asks for its reports
   * once it has some to show.
   */
  private show(state: JobState, detail?: FullJob): void {
    if (detail) this.detail.set(detail);
    else if (this.detail()?.id !== state.id) this.detail.set(null);
    if (this.job()?.id !== state.id) this.loadError.set(null);
    this.job.set(state);
    if (hasReport(state.status) && !this.report()) void this.loadDetail(state.id);
  }

  private async loadDetail(id: string): Promise<void> {
    if (this.detailLoading === id) return;
    this.detailLoading = id;
    try {
      const full = await this.askJob(id);
      if (full && this.job()?.id === id) this.show(full, full);
    } finally {
      this.detailLoading = null;
    }
  }

  /** The job with its reports, from the API (never the cache: a job changes on the server). */
  private async askJob(id: string): Promise<FullJob | null> {
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: RosterImportJobDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      return result.data?.rosterImportJob ?? null;
    } catch (error) {
      this.loadError.set(`The import could not be loaded: ${errorMessage(error, 'en')}`);
      return null;
    }
  }

  /** One tick: the job's status and progress. A failed question is asked again on the next tick. */
  private async askState(id: string): Promise<void> {
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: RosterImportJobStateDocument,
          variables: { id },
          fetchPolicy: 'network-only',
        }),
      );
      const state = result.data?.rosterImportJob;
      if (!state || this.job()?.id !== id) return;
      this.loadError.set(null);
      this.show(state);
    } catch (error) {
      if (this.job()?.id === id)
        this.loadError.set(`The progress could not be read (${errorMessage(error, 'en')}); asking again.`);
    }
  }

  /** Sends one part, again when the network or a busy service lost it; false when it could not be sent. */
  private async sendPart(
    jobId: string,
    name: OneRosterField,
    part: number,
    base64: string,
    fileName: string,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await firstValueFrom(
          this.apollo.mutate({
            mutation: AddRosterImportFilePartDocument,
            variables: { jobId, name, part, base64 },
          }),
        );
        return true;
      } catch (error) {
        const code = errorCode(error);
        if (attempt < PART_TRIES && (code === undefined || TRANSIENT_CODES.has(code))) continue;
        this.error.set(`${fileName} could not be sent (part ${part + 1}): ${refusalInWords(error)}`);
        return false;
      }
    }
  }

  /** Drops an upload left unfinished, so its parts do not wait on the server; said on the page when it was. */
  private async cancelUpload(jobId: string): Promise<void> {
    try {
      const cancelled = await firstValueFrom(
        this.apollo.mutate({ mutation: CancelRosterImportDocument, variables: { jobId } }),
      );
      if (cancelled.data && this.job()?.id === jobId) this.show(cancelled.data.cancelRosterImport);
    } catch {
      // The upload stays unfinished on the server; the list shows it, and it can be cancelled from there.
    }
  }

  private async mutate<Result, Variables extends Record<string, unknown>>(
    mutation: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    refetchQueries: string[] = [],
  ): Promise<Result | null> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate<Result, Variables>({ mutation, variables, refetchQueries }),
      );
      return result.data ?? null;
    } catch (error) {
      this.error.set(refusalInWords(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
