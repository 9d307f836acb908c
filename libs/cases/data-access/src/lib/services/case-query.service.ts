import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { CaseSort, CaseStatus, Channel, Priority } from '@homeroom/cases/domain';
import { substringPatterns } from '@homeroom/shared/text';
import { CaseEntity, CaseMessageEntity, CaseTimelineEntity, KnownPersonEntity } from '../entities';
import type { CaseVisibility } from './case-actor';

export interface CaseFilter {
  status?: CaseStatus[] | null;
  schoolId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  topicId?: string | null;
  priority?: Priority | null;
  channel?: Channel | null;
  requesterId?: string | null;
  search?: string | null;
  /** Cases carrying every one of these tags (normalized by the caller). */
  tags?: string[] | null;
  /** Cases this user watches. */
  watcherId?: string | null;
  /** Cases routed to a team this person belongs to. */
  teamMemberId?: string | null;
  /** Cases at any of these schools (an empty list matches none). */
  schoolIds?: readonly string[] | null;
  /** Cases no one is assigned to. */
  unassigned?: boolean | null;
  /** Cases with an SLA timer warned about or breached and not yet met (SlaAlerts). */
  slaAtRisk?: boolean | null;
}

/** A person id no one has: what "me" is for a caller who is not a staff member, and "no schools" matches. */
export const NO_ONE = '00000000-0000-0000-0000-000000000000';

/** Reading cases: lists (newest first, keyset), one case, its messages and timeline, within visibility. */
@Injectable()
export class CaseQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page in the given order; `after` holds the previous page's last sort keys (see sortKeys). */
  async page(
    filter: CaseFilter,
    limit: number,
    after: readonly (string | number)[] | undefined,
    visibility: CaseVisibility,
    sort: CaseSort = 'NEWEST',
  ) {
    const parts = this.pageParts(filter, limit, after, visibility, sort);
    const total = await parts.total();
    return { rows: await parts.rows(), total };
  }

  /**
   * The same page as two statements sent only when called: its rows (`limit + 1`, for "has a next page")
   * and the count of every matching case. A connection asks for what a query selects (lazyConnection):
   * the inbox's view counts need no rows, a next page no count.
   */
  pageParts(
    filter: CaseFilter,
    limit: number,
    after: readonly (string | number)[] | undefined,
    visibility: CaseVisibility,
    sort: CaseSort = 'NEWEST',
  ): { rows: () => Promise<CaseEntity[]>; total: () => Promise<number> } {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if (filter.status?.length) query.andWhere('c.status IN (:...status)', { status: filter.status });
    for (const key of [
      'schoolId',
      'teamId',
      'assigneeId',
      'topicId',
      'priority',
      'channel',
      'requesterId',
    ] as const) {
      if (filter[key]) query.andWhere(`c.${key} = :${key}`, { [key]: filter[key] });
    }
    if (filter.tags?.length) query.andWhere('c.tags @> :tags', { tags: filter.tags });
    if (filter.watcherId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM case_watcher w WHERE w.case_id = c.id AND w.user_id = :watcher)',
        {
          watcher: filter.watcherId,
        },
      );
    }
    if (filter.teamMemberId) {
      query.andWhere('c.teamId IN (SELECT m.team_id FROM known_team_member m WHERE m.person_id = :member)', {
        member: filter.teamMemberId,
      });
    }
    if (filter.schoolIds) {
      query.andWhere('c.schoolId = ANY(:schoolIds)', { schoolIds: filter.schoolIds });
    }
    if (filter.unassigned) query.andWhere('c.assigneeId IS NULL');
    if (filter.slaAtRisk) query.andWhere('c.slaDueAt IS NOT NULL');
    const search = filter.search?.trim();
    if (search) {
      // The number, or the subject through its trigram index (substringPatterns: short words, wildcards).
      query.andWhere(
        new Brackets((where) => {
          where.where('c.number = :number', { number: search.toUpperCase() });
          substringPatterns(search).forEach((pattern, i) =>
            where.orWhere(`c.subject ILIKE :subject${i}`, { [`subject${i}`]: pattern }),
          );
        }),
      );
    }
    restrict(query, visibility);
    const counted = query.clone();
    orderAndSeek(query, sort, after);
    return { rows: () => query.limit(limit + 1).getMany(), total: () => counted.getCount() };
  }

  async findVisible(
    where: { id: string } | { number: string },
    visibility: CaseVisibility,
  ): Promise<CaseEntity | null> {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if ('id' in where) query.where('c.id = :id', { id: where.id });
    else query.where('c.number = :number', { number: where.number.trim().toUpperCase() });
    restrict(query, visibility);
    return query.getOne();
  }

  findByIds(ids: readonly string[]): Promise<CaseEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(CaseEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  /**
   * Messages oldest first; the public and the requester never see internal notes, and the requester
   * (`requester`) never a reply that was not sent: one held for review, or returned (ADR 32).
   */
  async messages(
    caseId: string,
    includeInternal: boolean,
    { requester = false }: { requester?: boolean } = {},
  ): Promise<CaseMessageEntity[]> {
    const messages = await this.dataSource.getRepository(CaseMessageEntity).find({
      where: { caseId, ...(includeInternal ? {} : { direction: In(['INBOUND', 'OUTBOUND']) }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return requester ? messages.filter((m) => !m.reviewStatus || m.reviewStatus === 'APPROVED') : messages;
  }

  /**
   * The review queue (ADR 32): replies held for a qualified translator in one of `languages`, on cases the
   * caller may act on, oldest first (keyset on when they were written); its rows and count, each sent only
   * when asked (lazyConnection).
   */
  heldForReview(
    languages: readonly string[],
    visibility: CaseVisibility,
    limit: number,
    after: readonly (string | number)[] | undefined,
  ): { rows: () => Promise<CaseMessageEntity[]>; total: () => Promise<number> } {
    const cases = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').select('c.id');
    restrict(cases, visibility);
    const query = this.dataSource
      .getRepository(CaseMessageEntity)
      .createQueryBuilder('m')
      .where(`m.reviewStatus = 'PENDING'`)
      .andWhere(`split_part(lower(m.language), '-', 1) = ANY(:languages)`, { languages: [...languages] })
      .andWhere(`m.caseId IN (${cases.getQuery()})`)
      .setParameters({ ...cases.getParameters(), languages: [...languages] });
    const counted = query.clone();
    // Cursors carry milliseconds (toISOString); the column keeps microseconds, so both sides are cut to them.
    const writtenAt = `date_trunc('milliseconds', m.created_at)`;
    if (after)
      query.andWhere(`(${writtenAt}, m.id) > (:afterAt, :afterId)`, { afterAt: after[0], afterId: after[1] });
    query.orderBy(writtenAt, 'ASC').addOrderBy('m.id', 'ASC');
    return { rows: () => query.limit(limit + 1).getMany(), total: () => counted.getCount() };
  }

  /** The schools of a person the directory told us of (null: no such person), to check an assignment. */
  async knownPersonSchools(personId: string): Promise<string[] | null> {
    const person = await this.dataSource.getRepository(KnownPersonEntity).findOneBy({ id: personId });
    return person ? person.schoolIds : null;
  }

  timeline(caseId: string): Promise<CaseTimelineEntity[]> {
    return this.dataSource
      .getRepository(CaseTimelineEntity)
      .find({ where: { caseId }, order: { id: 'ASC' } });
  }
}

const SLA_DUE = `COALESCE(c.sla_due_at, 'infinity'::timestamptz)`;
const PRIORITY_RANK = `array_position(ARRAY['LOW', 'NORMAL', 'HIGH', 'URGENT']::text[], c.priority)`;

/** Keyset pagination: the order of the sort, and the rows after the cursor's keys in that order. */
function orderAndSeek(
  query: SelectQueryBuilder<CaseEntity>,
  sort: CaseSort,
  after: readonly (string | number)[] | undefined,
): void {
  switch (sort) {
    case 'NEWEST':
    case 'OLDEST':
    case 'RECENTLY_UPDATED': {
      const column = sort === 'RECENTLY_UPDATED' ? 'c.updatedAt' : 'c.createdAt';
      const direction = sort === 'OLDEST' ? 'ASC' : 'DESC';
      if (after)
        query.andWhere(`(${column}, c.id) ${direction === 'ASC' ? '>' : '<'} (:at, :id)`, {
          at: after[0],
          id: after[1],
        });
      query.orderBy(column, direction).addOrderBy('c.id', direction);
      return;
    }
    case 'SLA_DUE':
      // The nearest warned deadline first (breached ones are the nearest); cases without one last.
      if (after)
        query.andWhere(`(${SLA_DUE}, c.id) > (:due::timestamptz, :id)`, { due: after[0], id: after[1] });
      query.addSelect(SLA_DUE, 'sla_due').orderBy('sla_due', 'ASC').addOrderBy('c.id', 'ASC');
      return;
    case 'PRIORITY':
      // Most urgent first; within a priority, the longest waiting first.
      if (after) {
        query.andWhere(
          `(${PRIORITY_RANK} < :rank OR (${PRIORITY_RANK} = :rank AND (c.createdAt, c.id) > (:at, :id)))`,
          { rank: after[0], at: after[1], id: after[2] },
        );
      }
      query
        .addSelect(PRIORITY_RANK, 'priority_rank')
        .orderBy('priority_rank', 'DESC')
        .addOrderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id', 'ASC');
  }
}

/** Staff named on a case (its assignee, its watchers) see it even when it is confidential. */
// The watched cases as an array PostgreSQL computes once, not a correlated EXISTS: ORed with the
// school condition, an EXISTS keeps the planner from combining indexes, and every school agent's inbox
// then reads every open case (hot-query-plans.integration-spec.ts).
const NAMED_ON_CASE =
  '(c.assigneeId = :me OR c.id = ANY(ARRAY(SELECT nw.case_id FROM case_watcher nw WHERE nw.user_id = :me)))';

function restrict(query: SelectQueryBuilder<CaseEntity>, visibility: CaseVisibility): void {
  if (visibility.scope === 'all') {
    if (visibility.confidential) return;
    if (visibility.userId)
      query.andWhere(`(NOT c.confidential OR ${NAMED_ON_CASE})`, { me: visibility.userId });
    else query.andWhere('NOT c.confidential');
    return;
  }
  const { schoolIds, userId } = visibility;
  query.andWhere(
    new Brackets((where) =>
      where.where(NAMED_ON_CASE, { me: userId }).orWhere(
        new Brackets((inner) =>
          inner.where('NOT c.confidential').andWhere('c.schoolId IN (:...mySchools)', {
            mySchools: schoolIds.length ? schoolIds : [NO_ONE],
          }),
        ),
      ),
    ),
  );
}
