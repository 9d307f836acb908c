import type { DataSource } from 'typeorm';
import {
  ConflictException,
  DomainException,
  ERROR_CODES,
  InvalidInputException,
  NotFoundException,
} from '@homeroom/shared/errors';
import type { Logger } from '@homeroom/platform/observability';
import { IMPORT_REASONS } from '../import-report';
import type { OneRosterImporter } from '../oneroster-importer';
import type { PlanProgress, ProgressListener } from '../plan/plan-roster';
import { MassDeactivationRefused } from '../plan/safeguards';
import { DIRECTORY_FILES } from '../read/manifest';
import { readOneRosterCsv } from '../read/read-csv-set';
import type { RosterSet } from '../roster-set';
import { jobOf, type RosterImportJob, type RosterJobRow, type RosterJobStep } from './roster-import-job';

/** How long a replica holds a running job between progress reports before another may take it over. */
const LEASE = "interval '5 minutes'";
/** A part of an uploaded file: several fit in the directory's request limit, and a failed one is resent alone. */
export const UPLOAD_PART_MAX_BYTES = 8 * 1024 * 1024;
/** A whole set: 1,000,000 people with their roles is about 250 MB of CSV. */
export const UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
/** Progress is written at most this often (and always at a phase's end), renewing the lease. */
const PROGRESS_EVERY_MS = 500;

const FILE_NAMES = new Set<string>(['manifest', ...DIRECTORY_FILES]);

/** Reads the SIS's REST API: all of it, or what changed since a moment. Absent when no SIS is configured. */
export type SisReader = (options: { since?: Date }) => Promise<RosterSet>;

/**
 * OneRoster imports and SIS syncs as jobs that outlive a request: an upload in parts, a dry run whose report
 * an administrator reads, a confirmation, the import applied in the background with its progress on the
 * job. Any replica runs queued jobs (`FOR UPDATE SKIP LOCKED`, then a lease renewed with each progress
 * report); one whose replica died is taken over when its lease ends and run again from the start, which is
 * safe because a step writes in one transaction.
 */
export class RosterImportJobs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly importer: OneRosterImporter,
    private readonly logger: Logger,
    private readonly sis?: SisReader,
  ) {}

  get sisConfigured(): boolean {
    return this.sis !== undefined;
  }

  async startUpload(createdBy: string | null): Promise<RosterImportJob> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO roster_import_job (source, status, step, created_by) VALUES ('UPLOAD', 'UPLOADING', 'DRY_RUN', $1) RETURNING id`,
      [createdBy],
    )) as { id: string }[];
    return this.get(row!.id);
  }

  /** Parts are numbered from 0 per file; sending a part again replaces it (a retried request). */
  async addFilePart(jobId: string, name: string, part: number, bytes: Buffer): Promise<RosterImportJob> {
    if (!FILE_NAMES.has(name))
      throw new InvalidInputException(`${name} is not a OneRoster file the directory reads`, [
        { path: 'name', message: `one of ${[...FILE_NAMES].join(', ')}` },
      ]);
    if (!Number.isInteger(part) || part < 0 || part > 10_000)
      throw new InvalidInputException('part must be a whole number from 0', [
        { path: 'part', message: 'out of range' },
      ]);
    if (bytes.length > UPLOAD_PART_MAX_BYTES)
      throw new InvalidInputException(`A part holds at most ${UPLOAD_PART_MAX_BYTES} bytes`, [
        { path: 'content', message: 'too large' },
      ]);
    await this.inStatus(jobId, ['UPLOADING']);
    const [{ total }] = (await this.dataSource.query(
      'SELECT coalesce(sum(length(bytes)), 0)::bigint AS total FROM roster_import_file WHERE job_id = $1',
      [jobId],
    )) as [{ total: string }];
    if (Number(total) + bytes.length > UPLOAD_MAX_BYTES)
      throw new InvalidInputException(`A set holds at most ${UPLOAD_MAX_BYTES} bytes`, [
        { path: 'content', message: 'the set is too large' },
      ]);
    await this.dataSource.query(
      `INSERT INTO roster_import_file (job_id, name, part, bytes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id, name, part) DO UPDATE SET bytes = excluded.bytes`,
      [jobId, name, part, bytes],
    );
    return this.get(jobId);
  }

  /** The upload is complete: check it with a dry run. */
  async submit(jobId: string): Promise<RosterImportJob> {
    const job = await this.inStatus(jobId, ['UPLOADING']);
    if (!job.files.some((file) => file.name === 'manifest' || file.name === 'users'))
      throw new InvalidInputException('The set has neither manifest.csv nor users.csv', [
        { path: 'files', message: 'nothing to import' },
      ]);
    return this.queue(jobId, 'DRY_RUN', ['UPLOADING']);
  }

  /** Applies what the dry run showed; a set that trips the safeguard needs `allowMassDeactivation`. */
  async confirm(jobId: string, allowMassDeactivation: boolean): Promise<RosterImportJob> {
    const job = await this.inStatus(jobId, ['AWAITING_CONFIRMATION']);
    if (job.dryRunReport?.massDeactivation.length && !allowMassDeactivation)
      throw new InvalidInputException(
        'The dry run deactivates more than the safeguard allows: confirm the deactivations to apply it',
        [{ path: 'allowMassDeactivation', message: 'required for this set' }],
        IMPORT_REASONS.massDeactivation,
      );
    await this.dataSource.query('UPDATE roster_import_job SET allow_mass_deactivation = $2 WHERE id = $1', [
      jobId,
      allowMassDeactivation,
    ]);
    return this.queue(jobId, 'APPLY', ['AWAITING_CONFIRMATION']);
  }

  async cancel(jobId: string): Promise<RosterImportJob> {
    await this.inStatus(jobId, ['UPLOADING', 'QUEUED', 'AWAITING_CONFIRMATION']);
    const changed = (await this.dataSource.query(
      `UPDATE roster_import_job SET status = 'CANCELLED', finished_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('UPLOADING', 'QUEUED', 'AWAITING_CONFIRMATION') RETURNING id`,
      [jobId],
    )) as [unknown[], number];
    if (changed[1] === 0)
      throw new ConflictException('The job started meanwhile; it can no longer be cancelled', 'JOB_STARTED');
    await this.dataSource.query('DELETE FROM roster_import_file WHERE job_id = $1', [jobId]);
    return this.get(jobId);
  }

  /**
   * A sync from the SIS's REST API: a delta since the last one read, or everything on the first. `dryRun`
   * (an administrator's "check now") stops at the preview; the scheduled sync applies, unless the safeguard
   * trips, when it waits for a confirmation like an upload.
   */
  async startSync(createdBy: string | null, { dryRun }: { dryRun: boolean }): Promise<RosterImportJob> {
    if (!this.sis)
      throw new DomainException(
        ERROR_CODES.FEATURE_DISABLED,
        'No SIS REST API is configured (ONEROSTER_SYNC_URL)',
        'SIS_SYNC_NOT_CONFIGURED',
      );
    const [row] = (await this.dataSource.query(
      `INSERT INTO roster_import_job (source, status, step, created_by, sync_since)
       VALUES ('SIS_API', 'QUEUED', $1, $2, (SELECT read_until FROM roster_sync_state)) RETURNING id`,
      [dryRun ? 'DRY_RUN' : 'APPLY', createdBy],
    )) as { id: string }[];
    return this.get(row!.id);
  }

  /** True when a sync is queued or running: the schedule does not pile syncs up behind a slow SIS. */
  async syncPending(): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM roster_import_job WHERE source = 'SIS_API' AND status IN ('QUEUED', 'RUNNING') LIMIT 1`,
    )) as unknown[];
    return rows.length > 0;
  }

  async get(jobId: string): Promise<RosterImportJob> {
    const [row] = (await this.dataSource.query('SELECT * FROM roster_import_job WHERE id = $1', [jobId])) as
      RosterJobRow[] | [];
    if (!row) throw new NotFoundException('Roster import job');
    return jobOf(row, await this.fileSizes([jobId]).then((sizes) => sizes.get(jobId) ?? []));
  }

  async list(limit: number): Promise<RosterImportJob[]> {
    const rows = (await this.dataSource.query(
      'SELECT * FROM roster_import_job ORDER BY created_at DESC LIMIT $1',
      [limit],
    )) as RosterJobRow[];
    const sizes = await this.fileSizes(rows.map((row) => row.id));
    return rows.map((row) => jobOf(row, sizes.get(row.id) ?? []));
  }

  /**
   * Runs queued jobs (and any whose replica died) one after another; returns how many it ran. One job runs
   * at a time across all replicas (the claim takes an advisory lock and waits while another job's lease is
   * live): two imports writing the same people at once would refuse each other's rows.
   */
  async runDue(isStopped: () => boolean = () => false): Promise<number> {
    let ran = 0;
    while (!isStopped()) {
      const [job] = (await this.dataSource.query(
        `UPDATE roster_import_job SET status = 'RUNNING', claimed_until = now() + ${LEASE}, phase = 'reading', done = 0, total = 0, updated_at = now()
          WHERE id = (SELECT id FROM roster_import_job
                       WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND claimed_until < now()))
                         AND pg_try_advisory_xact_lock(hashtext('roster_import_job'))
                         AND NOT EXISTS (SELECT 1 FROM roster_import_job running
                                          WHERE running.status = 'RUNNING' AND running.claimed_until >= now())
                       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING *`,
      )) as [RosterJobRow[], number];
      const claimed = job[0];
      if (!claimed) return ran;
      await this.run(claimed);
      ran += 1;
    }
    return ran;
  }

  private async run(job: RosterJobRow): Promise<void> {
    const dryRun = job.step === 'DRY_RUN';
    try {
      const onProgress = this.progressWriter(job.id);
      const set = await this.read(job, onProgress);
      const report = await this.importer.importSet(set, {
        dryRun,
        allowMassDeactivation: job.allow_mass_deactivation,
        onProgress,
      });
      if (dryRun) {
        await this.finish(job.id, { status: 'AWAITING_CONFIRMATION', dry_run_report: report });
        return;
      }
      await this.finish(job.id, { status: 'SUCCEEDED', report });
      await this.dataSource.query('DELETE FROM roster_import_file WHERE job_id = $1', [job.id]);
      if (job.source === 'SIS_API') await this.remember(job, set);
      this.logger.info({ jobId: job.id, seconds: report.seconds }, 'roster import applied');
    } catch (error) {
      if (error instanceof MassDeactivationRefused) {
        // A scheduled sync that would deactivate too much waits for an administrator, as an upload does.
        await this.finish(job.id, { status: 'AWAITING_CONFIRMATION', dry_run_report: error.preview });
        this.logger.warn({ jobId: job.id }, 'roster sync stopped by the mass-deactivation safeguard');
        return;
      }
      const known = error instanceof DomainException;
      await this.finish(job.id, {
        status: 'FAILED',
        error: {
          code: known ? error.code : ERROR_CODES.INTERNAL,
          reason: known ? (error.reason ?? null) : null,
          message: known
            ? error.message
            : 'The import stopped on an unexpected error; nothing was changed. The directory log has the details.',
        },
      });
      if (!known) this.logger.error({ err: error, jobId: job.id }, 'roster import failed');
    }
  }

  private async read(job: RosterJobRow, onProgress: ProgressListener): Promise<RosterSet> {
    if (job.source === 'SIS_API') {
      if (!this.sis)
        throw new DomainException(
          ERROR_CODES.FEATURE_DISABLED,
          'No SIS REST API is configured',
          'SIS_SYNC_NOT_CONFIGURED',
        );
      return this.sis({ since: job.sync_since ?? undefined });
    }
    const parts = (await this.dataSource.query(
      'SELECT name, bytes FROM roster_import_file WHERE job_id = $1 ORDER BY name, part',
      [job.id],
    )) as { name: string; bytes: Buffer }[];
    const files: Record<string, Buffer[]> = {};
    for (const { name, bytes } of parts) (files[name] ??= []).push(bytes);
    return await readOneRosterCsv(
      Object.fromEntries(Object.entries(files).map(([name, list]) => [name, Buffer.concat(list)])),
      onProgress,
    );
  }

  /** The next delta reads from the newest dateLastModified this sync saw (the SIS's clock, not ours). */
  private async remember(job: RosterJobRow, set: RosterSet): Promise<void> {
    const newest = Object.values(set.tables)
      .flatMap((table) => table.rows.map((row) => Date.parse(row.values['dateLastModified'] ?? '')))
      .filter((time) => Number.isFinite(time))
      .reduce((latest, time) => Math.max(latest, time), job.sync_since?.getTime() ?? 0);
    await this.dataSource.query(
      `INSERT INTO roster_sync_state (id, read_until, last_full_at) VALUES (true, $1, CASE WHEN $2 THEN now() END)
       ON CONFLICT (id) DO UPDATE SET read_until = excluded.read_until,
         last_full_at = coalesce(excluded.last_full_at, roster_sync_state.last_full_at)`,
      [newest ? new Date(newest) : null, job.sync_since === null],
    );
  }

  private progressWriter(jobId: string): (progress: PlanProgress) => Promise<void> {
    let last = 0;
    return async ({ phase, done, total }) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      await this.dataSource.query(
        `UPDATE roster_import_job SET phase = $2, done = $3, total = $4, claimed_until = now() + ${LEASE}, updated_at = now() WHERE id = $1`,
        [jobId, phase, done, total],
      );
    };
  }

  private async finish(
    jobId: string,
    fields: { status: string; report?: unknown; dry_run_report?: unknown; error?: unknown },
  ): Promise<void> {
    const finished = fields.status !== 'AWAITING_CONFIRMATION';
    await this.dataSource.query(
      `UPDATE roster_import_job SET status = $2, report = coalesce($3, report), dry_run_report = coalesce($4, dry_run_report),
              error = $5, claimed_until = NULL, updated_at = now(), finished_at = CASE WHEN $6 THEN now() END,
              phase = CASE WHEN $6 THEN NULL ELSE phase END
        WHERE id = $1`,
      [
        jobId,
        fields.status,
        fields.report === undefined ? null : JSON.stringify(fields.report),
        fields.dry_run_report === undefined ? null : JSON.stringify(fields.dry_run_report),
        fields.error === undefined ? null : JSON.stringify(fields.error),
        finished,
      ],
    );
  }

  private async queue(jobId: string, step: RosterJobStep, from: string[]): Promise<RosterImportJob> {
    const [, changed] = (await this.dataSource.query(
      `UPDATE roster_import_job SET status = 'QUEUED', step = $2, phase = NULL, done = 0, total = 0, error = NULL, updated_at = now()
        WHERE id = $1 AND status = ANY($3) RETURNING id`,
      [jobId, step, from],
    )) as [unknown[], number];
    if (changed === 0) throw new ConflictException('The job changed meanwhile', 'JOB_STATE_CHANGED');
    return this.get(jobId);
  }

  private async inStatus(jobId: string, statuses: string[]): Promise<RosterImportJob> {
    const job = await this.get(jobId);
    if (!statuses.includes(job.status))
      throw new ConflictException(
        `The job is ${job.status.toLowerCase().replace(/_/g, ' ')}; this needs it ${statuses.map((s) => s.toLowerCase().replace(/_/g, ' ')).join(' or ')}`,
        'JOB_STATE_CHANGED',
      );
    return job;
  }

  private async fileSizes(jobIds: string[]): Promise<Map<string, { name: string; bytes: number }[]>> {
    if (jobIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT job_id, name, sum(length(bytes))::bigint AS bytes FROM roster_import_file WHERE job_id = ANY($1::uuid[])
        GROUP BY job_id, name ORDER BY name`,
      [jobIds],
    )) as { job_id: string; name: string; bytes: string }[];
    const sizes = new Map<string, { name: string; bytes: number }[]>();
    for (const row of rows)
      sizes.set(row.job_id, [...(sizes.get(row.job_id) ?? []), { name: row.name, bytes: Number(row.bytes) }]);
    return sizes;
  }
}
