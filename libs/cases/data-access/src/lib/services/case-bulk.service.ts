import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  BULK_UNDO_SECONDS,
  type BulkCaseChange,
  type BulkCaseFields,
  checkBulkRequest,
} from '@homeroom/cases/domain';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { ConflictException, DomainException, ERROR_CODES, NotFoundException } from '@homeroom/shared/errors';
import type { CaseActor } from './case-actor';
import { CaseRelationsService } from './case-relations.service';
import { CaseService } from './case.service';

/** What came of a bulk action for one case: done, or refused with the refusal's code and words. */
export interface BulkCaseResult {
  caseId: string;
  ok: boolean;
  code: string | null;
  reason: string | null;
  message: string | null;
}

export interface BulkOutcome {
  id: string;
  results: BulkCaseResult[];
  /** Until when its maker may undo it; null when it cannot be undone (nothing changed, a merge, an undo). */
  undoableUntil: Date | null;
}

/** Checks that the caller may act on one case (as the single-case mutations do), throwing if not. */
export type MayAct = (caseId: string) => Promise<void>;

/**
 * Bulk work from the inbox: one change applied to many cases in one request, each case in a
 * transaction of its own with a result of its own (one refused case does not stop the others), and
 * the last action undone by the one who made it within a minute, case by case, where no one changed the
 * case since.
 */
@Injectable()
export class CaseBulkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly relations: CaseRelationsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async apply(
    caseIds: readonly string[],
    requested: BulkCaseChange,
    actor: CaseActor,
    mayAct: MayAct,
  ): Promise<BulkOutcome> {
    const change = checkBulkRequest(caseIds, requested);
    const id = randomUUID();
    const changed: { caseId: string; before: BulkCaseFields; version: number }[] = [];
    const results: BulkCaseResult[] = [];
    for (const caseId of caseIds) {
      results.push(
        await this.each(caseId, async () => {
          await mayAct(caseId);
          const { before, supportCase } = await this.cases.applyBulk(caseId, change, actor, { bulkId: id });
          changed.push({ caseId, before, version: supportCase.version });
        }),
      );
    }
    const createdAt = await this.record(id, actor, change, changed);
    return { id, results, undoableUntil: changed.length ? undoDeadline(createdAt) : null };
  }

  /**
   * Puts back what the caller's bulk action changed, within BULK_UNDO_SECONDS of it: each case as it was,
   * unless someone changed it since (CHANGED_SINCE, left as it is). Once only (ALREADY_UNDONE); late,
   * UNDO_EXPIRED; someone else's, or none, NOT_FOUND.
   */
  async undo(id: string, actor: CaseActor, mayAct: MayAct): Promise<BulkOutcome> {
    const [action] = (await this.dataSource.query(
      `SELECT created_at, undone_at, created_at + make_interval(secs => $3) < now() AS expired
         FROM case_bulk_action WHERE id = $1 AND actor_id = $2`,
      [id, actor.id ?? '', BULK_UNDO_SECONDS],
    )) as { created_at: Date; undone_at: Date | null; expired: boolean }[];
    if (!action) throw new NotFoundException('Bulk action');
    if (action.undone_at)
      throw new ConflictException('This bulk action was already undone', 'ALREADY_UNDONE');
    if (action.expired)
      throw new ConflictException(
        `A bulk action can be undone for ${BULK_UNDO_SECONDS} seconds after it was made`,
        'UNDO_EXPIRED',
      );
    // Claimed before any case is touched, so two undos of one action cannot both run.
    const [claimed] = (await this.dataSource.query(
      'UPDATE case_bulk_action SET undone_at = now() WHERE id = $1 AND undone_at IS NULL RETURNING id',
      [id],
    )) as [unknown[], number];
    if (!claimed.length) throw new ConflictException('This bulk action was already undone', 'ALREADY_UNDONE');
    const items = (await this.dataSource.query(
      'SELECT case_id, before, version_after FROM case_bulk_item WHERE bulk_id = $1 ORDER BY case_id',
      [id],
    )) as { case_id: string; before: BulkCaseFields; version_after: number }[];
    const results: BulkCaseResult[] = [];
    for (const item of items) {
      results.push(
        await this.each(item.case_id, async () => {
          await mayAct(item.case_id);
          const { before } = item;
          await this.cases.applyBulk(
            item.case_id,
            {
              assignment: { assigneeId: before.assigneeId, teamId: before.teamId },
              status: before.status,
              priority: before.priority,
              ...(before.topicId ? { topicId: before.topicId } : {}),
              setTags: before.tags,
            },
            actor,
            { bulkId: id, undoOf: true, expectVersion: item.version_after },
          );
        }),
      );
    }
    return { id, results, undoableUntil: null };
  }

  /** Merges each case into `intoCaseId` (as mergeCases does, one by one); merges are not undone. */
  async merge(
    caseIds: readonly string[],
    intoCaseId: string,
    reason: string | null,
    actor: CaseActor,
    mayAct: MayAct,
  ): Promise<BulkOutcome> {
    checkBulkRequest(caseIds, { addTags: ['merge'] });
    await mayAct(intoCaseId);
    const results: BulkCaseResult[] = [];
    for (const caseId of caseIds) {
      results.push(
        await this.each(caseId, async () => {
          await mayAct(caseId);
          await this.relations.merge(caseId, intoCaseId, reason, actor);
        }),
      );
    }
    return { id: randomUUID(), results, undoableUntil: null };
  }

  /** Runs one case's part; a refusal or a failure is its result, never the others'. */
  private async each(caseId: string, work: () => Promise<void>): Promise<BulkCaseResult> {
    try {
      await work();
      return { caseId, ok: true, code: null, reason: null, message: null };
    } catch (error) {
      if (error instanceof DomainException)
        return { caseId, ok: false, code: error.code, reason: error.reason ?? null, message: error.message };
      this.logger.error({ caseId, err: error }, 'a bulk action failed on one case');
      return {
        caseId,
        ok: false,
        code: ERROR_CODES.INTERNAL,
        reason: null,
        message: 'The change failed on this case',
      };
    }
  }

  private async record(
    id: string,
    actor: CaseActor,
    change: BulkCaseChange,
    changed: { caseId: string; before: BulkCaseFields; version: number }[],
  ): Promise<Date> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO case_bulk_action (id, actor_kind, actor_id, change) VALUES ($1, $2, $3, $4) RETURNING created_at`,
        [id, actor.kind, actor.id ?? '', JSON.stringify(change)],
      )) as { created_at: Date }[];
      if (changed.length)
        await manager.query(
          `INSERT INTO case_bulk_item (bulk_id, case_id, before, version_after)
           SELECT $1, c.case_id, c.before, c.version_after
             FROM jsonb_to_recordset($2::jsonb) AS c(case_id uuid, before jsonb, version_after int)`,
          [
            id,
            JSON.stringify(
              changed.map((c) => ({ case_id: c.caseId, before: c.before, version_after: c.version })),
            ),
          ],
        );
      return row!.created_at;
    });
  }
}

function undoDeadline(createdAt: Date): Date {
  return new Date(createdAt.getTime() + BULK_UNDO_SECONDS * 1000);
}
