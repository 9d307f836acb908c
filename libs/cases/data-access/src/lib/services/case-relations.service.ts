import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { assertLinkable, assertMergeable, type LinkKind, mergeTags } from '@homeroom/cases/domain';
import { CaseMerged } from '@homeroom/cases/contracts';
import { CaseEntity } from '../entities';
import { type CaseActor, describeActor } from './case-actor';
import { CaseWriter } from './case-writer';

export interface CaseLinkRow {
  caseId: string;
  linkedCaseId: string;
  kind: LinkKind;
  /** OUTGOING: this case → the linked one ("this is a duplicate of"); INCOMING: the reverse. */
  direction: 'OUTGOING' | 'INCOMING';
  createdAt: Date;
}

/**
 * How cases relate to people and to each other: tags, watchers, links, and merging a duplicate into the
 * case that leads. Each change is one transaction with its timeline entry (and event, where other
 * services care).
 */
@Injectable()
export class CaseRelationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  setTags(caseId: string, add: string[], remove: string[], actor: CaseActor): Promise<CaseEntity> {
    return this.onCase(caseId, async (supportCase, writer, manager) => {
      const before = supportCase.tags;
      supportCase.tags = mergeTags(before, add, remove);
      if (before.join() === supportCase.tags.join()) return supportCase;
      await manager.save(supportCase);
      await writer.timeline(supportCase, 'TAGS_CHANGED', actor, { from: before, to: supportCase.tags });
      return supportCase;
    });
  }

  watch(caseId: string, userId: string, actor: CaseActor): Promise<CaseEntity> {
    return this.onCase(caseId, async (supportCase, writer, manager) => {
      const [inserted] = (await manager.query(
        `INSERT INTO case_watcher (case_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
        [caseId, userId],
      )) as unknown[];
      if (inserted) await writer.timeline(supportCase, 'WATCHER_ADDED', actor, { userId });
      return supportCase;
    });
  }

  unwatch(caseId: string, userId: string, actor: CaseActor): Promise<CaseEntity> {
    return this.onCase(caseId, async (supportCase, writer, manager) => {
      const [rows] = (await manager.query(
        'DELETE FROM case_watcher WHERE case_id = $1 AND user_id = $2 RETURNING user_id',
        [caseId, userId],
      )) as [unknown[], number];
      if (rows.length) await writer.timeline(supportCase, 'WATCHER_REMOVED', actor, { userId });
      return supportCase;
    });
  }

  async link(caseId: string, otherCaseId: string, kind: LinkKind, actor: CaseActor): Promise<CaseEntity> {
    assertLinkable(caseId, otherCaseId);
    return this.onCase(caseId, async (supportCase, writer, manager) => {
      const other = await manager.findOneBy(CaseEntity, { id: otherCaseId });
      if (!other) throw new NotFoundException('Case');
      await addLink(manager, caseId, otherCaseId, kind, actor);
      await writer.timeline(supportCase, 'LINKED', actor, { kind, caseId: other.id, number: other.number });
      return supportCase;
    });
  }

  unlink(caseId: string, otherCaseId: string, kind: LinkKind, actor: CaseActor): Promise<CaseEntity> {
    return this.onCase(caseId, async (supportCase, writer, manager) => {
      const [rows] = (await manager.query(
        'DELETE FROM case_link WHERE case_id = $1 AND linked_case_id = $2 AND kind = $3 RETURNING kind',
        [caseId, otherCaseId, kind],
      )) as [unknown[], number];
      if (!rows.length) throw new NotFoundException('CaseLink');
      await writer.timeline(supportCase, 'UNLINKED', actor, { kind, caseId: otherCaseId });
      return supportCase;
    });
  }

  /**
   * Merges a duplicate into the case that leads: its messages (with their attachments), watchers and tags move to the survivor,
   * it is closed and points there, and both timelines say so. The two rows are locked in id order, so two
   * staff merging the same pair in opposite directions cannot deadlock, and one of them is refused.
   */
  merge(sourceId: string, targetId: string, reason: string | null, actor: CaseActor) {
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.find(CaseEntity, {
        where: [{ id: sourceId }, { id: targetId }],
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const source = locked.find((c) => c.id === sourceId);
      const target = locked.find((c) => c.id === targetId);
      if (!source || !target) throw new NotFoundException('Case');
      assertMergeable(source, target);
      const writer = new CaseWriter(manager, this.outbox);
      const [, moved] = (await manager.query('UPDATE case_message SET case_id = $2 WHERE case_id = $1', [
        source.id,
        target.id,
      ])) as [unknown, number];
      for (const table of ['case_attachment', 'message_translation'])
        await manager.query(`UPDATE ${table} SET case_id = $2 WHERE case_id = $1`, [source.id, target.id]);
      await manager.query(
        `INSERT INTO case_watcher (case_id, user_id, added_at)
         SELECT $2, user_id, added_at FROM case_watcher WHERE case_id = $1 ON CONFLICT DO NOTHING`,
        [source.id, target.id],
      );
      target.tags = mergeTags(target.tags, source.tags);
      target.requesterId ??= source.requesterId;
      await manager.save(target);
      await addLink(manager, source.id, target.id, 'DUPLICATE_OF', actor);
      source.mergedIntoId = target.id;
      await writer.status(source, 'CLOSED', actor, `merged into ${target.number}`);
      await manager.save(source);
      const note = reason?.trim().slice(0, 500) || null;
      await writer.timeline(source, 'MERGED_INTO', actor, {
        caseId: target.id,
        number: target.number,
        reason: note,
      });
      await writer.timeline(target, 'MERGED_FROM', actor, {
        caseId: source.id,
        number: source.number,
        messagesMoved: moved,
        reason: note,
      });
      await this.outbox.append(manager, CaseMerged, {
        aggregateId: target.id,
        data: { mergedCaseId: source.id, survivorCaseId: target.id, at: new Date().toISOString() },
      });
      return { source, target };
    });
  }

  /** Watchers of many cases in one query (a page of cases asks once). */
  async watchersOf(caseIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = (await this.dataSource.query(
      'SELECT case_id, user_id FROM case_watcher WHERE case_id = ANY($1::uuid[]) ORDER BY added_at, user_id',
      [caseIds],
    )) as { case_id: string; user_id: string }[];
    const byCase = new Map<string, string[]>();
    for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row.user_id]);
    return byCase;
  }

  /** Links of many cases, both ways, in one query. */
  async linksOf(caseIds: readonly string[]): Promise<Map<string, CaseLinkRow[]>> {
    const rows = (await this.dataSource.query(
      `SELECT case_id, linked_case_id, kind, created_at, 'OUTGOING' AS direction FROM case_link WHERE case_id = ANY($1::uuid[])
       UNION ALL
       SELECT linked_case_id, case_id, kind, created_at, 'INCOMING' FROM case_link WHERE linked_case_id = ANY($1::uuid[])
       ORDER BY created_at`,
      [caseIds],
    )) as {
      case_id: string;
      linked_case_id: string;
      kind: LinkKind;
      created_at: Date;
      direction: 'OUTGOING' | 'INCOMING';
    }[];
    const byCase = new Map<string, CaseLinkRow[]>();
    for (const row of rows) {
      const link: CaseLinkRow = {
        caseId: row.case_id,
        linkedCaseId: row.linked_case_id,
        kind: row.kind,
        direction: row.direction,
        createdAt: row.created_at,
      };
      byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), link]);
    }
    return byCase;
  }

  private onCase<T>(
    caseId: string,
    work: (supportCase: CaseEntity, writer: CaseWriter, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const supportCase = await manager.findOne(CaseEntity, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!supportCase) throw new NotFoundException('Case');
      return work(supportCase, new CaseWriter(manager, this.outbox), manager);
    });
  }
}

/** One link, once: linking twice is not an error (the second changes nothing). */
export async function addLink(
  manager: EntityManager,
  caseId: string,
  linkedCaseId: string,
  kind: LinkKind,
  actor: CaseActor,
): Promise<void> {
  await manager.query(
    `INSERT INTO case_link (case_id, linked_case_id, kind, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [caseId, linkedCaseId, kind, describeActor(actor)],
  );
}
