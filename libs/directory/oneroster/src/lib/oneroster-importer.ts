import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import { applyRoster } from './apply/apply-roster';
import type { ImportReport } from './import-report';
import { planRoster, type ProgressListener, type RosterPlan } from './plan/plan-roster';
import { MassDeactivationRefused } from './plan/safeguards';
import { readOneRosterCsv } from './read/read-csv-set';
import type { RosterSet } from './roster-set';

export interface ImportOptions {
  /** Compute and report what the set would change, writing nothing. */
  dryRun?: boolean;
  /**
   * Go ahead although the set deactivates more than MASS_DEACTIVATION_SHARE of the SIS's active people or
   * schools: an administrator has seen the preview's figures and confirms them.
   */
  allowMassDeactivation?: boolean;
  onProgress?: ProgressListener;
}

/**
 * Imports a OneRoster set (a CSV export, or what the REST client read) in one transaction: read → plan
 * (what changes, compared with the directory; pure but for its reads) → apply (writes and their events).
 * Orgs become schools, users become people with school memberships and guardian links. Idempotent by
 * sourcedId: the same set twice changes nothing. Bad rows are reported with file, line, field and reason
 * while good rows go in; a bad manifest or an unreadable file refuses the whole set; a set that would
 * deactivate too much changes nothing until confirmed.
 */
export class OneRosterImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A CSV set: the files by name without `.csv` (manifest, orgs, users, roles, enrollments, demographics). */
  async import(files: Readonly<Record<string, Buffer>>, options: ImportOptions = {}): Promise<ImportReport> {
    return this.importSet(await readOneRosterCsv(files, options.onProgress), options);
  }

  async importSet(
    set: RosterSet,
    { dryRun = false, allowMassDeactivation = false, onProgress }: ImportOptions = {},
  ): Promise<ImportReport> {
    const started = Date.now();
    return inTransaction(this.dataSource, async (manager) => {
      const plan = await planRoster(manager, set, { newId: randomUUID, onProgress });
      if (dryRun) return reportOf(plan, true, started);
      if (plan.massDeactivation.length && !allowMassDeactivation)
        throw new MassDeactivationRefused(reportOf(plan, true, started));
      await applyRoster(manager, this.outbox, plan, onProgress);
      return reportOf(plan, false, started);
    });
  }
}

function reportOf(plan: RosterPlan, dryRun: boolean, started: number): ImportReport {
  return {
    oneRosterVersion: plan.oneRosterVersion,
    dryRun,
    files: plan.summaries,
    changes: plan.changes,
    massDeactivation: plan.massDeactivation,
    rejected: plan.sink.rejected,
    warnings: plan.sink.warnings,
    seconds: (Date.now() - started) / 1_000,
  };
}
