import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { BusinessCalendarChanged } from '@homeroom/slas/contracts';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import {
  recompute,
  validateCalendar,
  type BusinessCalendar,
  type BusinessCalendarInput,
  type Closure,
  type Weekday,
} from '@homeroom/slas/domain';
import { BusinessCalendarEntity, CALENDAR_SCOPES, type CalendarScope } from '../entities/sla.entities';
import { timerFromRow, type SlaTimerRow } from './timer-rows';
import { calendarSnapshot } from './calendar-announcements';

/** Used when no calendar has been saved at all: open around the clock (a BUSINESS target is then wall time). */
export const ALWAYS_OPEN: BusinessCalendar = validateCalendar({
  timeZone: 'UTC',
  openingHours: ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).map((weekday) => ({
    weekday,
    opens: '00:00',
    closes: '24:00',
  })),
});

/** Running timers recomputed per statement after a calendar edit. */
export const RECOMPUTE_BATCH_SIZE = 2_000;

export interface SaveCalendarInput {
  id?: string | null;
  name: string;
  scope: CalendarScope;
  schoolId?: string | null;
  definition: BusinessCalendarInput;
}

export interface ResolvedCalendar {
  id: string | null;
  calendar: BusinessCalendar;
}

/**
 * Business calendars: saved validated, one validated calendar object per calendar and version kept in
 * memory (the domain caches each day's open intervals on that object), rebuilt when another edit (from
 * any replica) bumps the version. Editing a calendar recomputes the deadlines of the running timers that
 * follow it, and announces its snapshot (BusinessCalendarChanged), in the same transaction.
 */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<string, { version: number; calendar: BusinessCalendar }>();

  constructor(
    private readonly dataSource: DataSource,
    // Outside the app (the seed, a migration, a benchmark) the events still go to this service's outbox.
    private readonly outbox: OutboxWriter = new OutboxWriter('slas'),
  ) {}

  list(): Promise<BusinessCalendarEntity[]> {
    return this.dataSource
      .getRepository(BusinessCalendarEntity)
      .find({ order: { scope: 'ASC', name: 'ASC' } });
  }

  /** The calendar a case at `schoolId` follows: the school's own when it has one, else the district's. */
  async calendarFor(manager: EntityManager, schoolId: string | null): Promise<ResolvedCalendar> {
    const [row] = (await manager.query(
      `SELECT id, version FROM business_calendar
        WHERE scope = 'DISTRICT' OR (scope = 'SCHOOL' AND school_id = $1)
        ORDER BY (scope = 'SCHOOL') DESC LIMIT 1`,
      [schoolId],
    )) as { id: string; version: number }[];
    if (!row) return { id: null, calendar: ALWAYS_OPEN };
    return { id: row.id, calendar: await this.cached(manager, row.id, row.version) };
  }

  /** A timer's calendar by id; a deleted or absent one falls back as `calendarFor` would for the district. */
  async byId(manager: EntityManager, id: string | null): Promise<BusinessCalendar> {
    if (id) {
      const [row] = (await manager.query('SELECT version FROM business_calendar WHERE id = $1', [id])) as {
        version: number;
      }[];
      if (row) return this.cached(manager, id, row.version);
    }
    return (await this.calendarFor(manager, null)).calendar;
  }

  private async cached(manager: EntityManager, id: string, version: number): Promise<BusinessCalendar> {
    const hit = this.cache.get(id);
    if (hit && hit.version === version) return hit.calendar;
    const [row] = (await manager.query('SELECT definition, version FROM business_calendar WHERE id = $1', [
      id,
    ])) as { definition: BusinessCalendarInput; version: number }[];
    if (!row) throw new NotFoundException('Business calendar');
    const calendar = validateCalendar(row.definition);
    this.cache.set(id, { version: row.version, calendar });
    return calendar;
  }

  /** Creates or replaces a calendar; refuses (nothing written) with the domain's reasons. */
  save(input: SaveCalendarInput): Promise<BusinessCalendarEntity> {
    const calendar = validateCalendar(input.definition);
    const name = input.name?.trim() ?? '';
    if (!name) {
      throw new InvalidInputException(
        'A calendar needs a name',
        [{ path: 'name', message: 'required' }],
        'NAME_REQUIRED',
      );
    }
    if (!CALENDAR_SCOPES.includes(input.scope)) {
      throw new InvalidInputException(
        'Unknown calendar scope',
        [{ path: 'scope', message: 'unknown' }],
        'INVALID_SCOPE',
      );
    }
    const schoolId = input.scope === 'SCHOOL' ? (input.schoolId ?? null) : null;
    if (input.scope === 'SCHOOL' && !schoolId) {
      throw new InvalidInputException(
        'A school calendar names its school',
        [{ path: 'schoolId', message: 'required for a SCHOOL calendar' }],
        'SCHOOL_REQUIRED',
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const id = input.id ?? randomUUID();
      const [clash] = (await manager.query(
        `SELECT id FROM business_calendar
          WHERE id <> $1 AND ((scope = 'DISTRICT' AND $2 = 'DISTRICT') OR (scope = 'SCHOOL' AND school_id = $3))`,
        [id, input.scope, schoolId],
      )) as { id: string }[];
      if (clash) {
        throw new InvalidInputException(
          input.scope === 'DISTRICT'
            ? 'The district already has a calendar'
            : 'The school already has a calendar',
          [{ path: 'scope', message: `calendar ${clash.id} already covers it` }],
          'DUPLICATE_CALENDAR',
        );
      }
      if (input.id) {
        const [existing] = (await manager.query('SELECT id FROM business_calendar WHERE id = $1 FOR UPDATE', [
          input.id,
        ])) as { id: string }[];
        if (!existing) throw new NotFoundException('Business calendar');
      }
      const [saved] = (await manager.query(
        `INSERT INTO business_calendar (id, name, scope, school_id, definition, version)
         VALUES ($1, $2, $3, $4, $5, 1)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, scope = EXCLUDED.scope,
           school_id = EXCLUDED.school_id, definition = EXCLUDED.definition, version = business_calendar.version + 1
         RETURNING version`,
        [id, name, input.scope, schoolId, JSON.stringify(calendar)],
      )) as { version: number }[];
      this.cache.set(id, { version: saved!.version, calendar });
      await this.outbox.append(
        manager,
        BusinessCalendarChanged,
        calendarSnapshot({ id, scope: input.scope, schoolId, version: saved!.version, definition: calendar }),
      );
      await this.recomputeTimers(manager, { calendarId: id, scope: input.scope, schoolId }, { id, calendar });
      return Object.assign(new BusinessCalendarEntity(), {
        id,
        name,
        scope: input.scope,
        schoolId,
        definition: calendar,
        version: saved!.version,
      });
    });
  }

  /** An emergency closure (a snow day declared at 11:00): added to the calendar, deadlines moved at once. */
  async addClosure(calendarId: string, closure: Closure): Promise<BusinessCalendarEntity> {
    const existing = await this.dataSource
      .getRepository(BusinessCalendarEntity)
      .findOneBy({ id: calendarId });
    if (!existing) throw new NotFoundException('Business calendar');
    return this.save({
      id: existing.id,
      name: existing.name,
      scope: existing.scope,
      schoolId: existing.schoolId,
      definition: { ...existing.definition, closures: [...(existing.definition.closures ?? []), closure] },
    });
  }

  /**
   * Deletes a calendar. Its cases fall back to the district's calendar (none left: always open): running
   * deadlines are recomputed on it, the other timers are moved to it.
   */
  delete(id: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const [row] = (await manager.query(
        `WITH gone AS (DELETE FROM business_calendar WHERE id = $1 RETURNING id, scope, school_id, version)
         SELECT id, scope, school_id, version FROM gone`,
        [id],
      )) as { id: string; scope: CalendarScope; school_id: string | null; version: number }[];
      if (!row) return false;
      this.cache.delete(id);
      // The next version, so a consumer's copy of the last save (or a snapshot still in flight) gives way.
      await this.outbox.append(
        manager,
        BusinessCalendarChanged,
        calendarSnapshot({
          id,
          scope: row.scope,
          schoolId: row.school_id,
          version: row.version + 1,
          definition: null,
        }),
      );
      const fallback = await this.calendarFor(manager, null);
      await this.recomputeTimers(manager, { calendarId: id, scope: 'DELETED', schoolId: null }, fallback);
      await manager.query('UPDATE sla_timer SET calendar_id = $2 WHERE calendar_id = $1', [id, fallback.id]);
      return true;
    });
  }

  /**
   * Recomputes, in keyset-paged batches, the running timers that follow this calendar now: those stored
   * with it, plus (a new school calendar) the school's cases' timers, or (the district's) those that had none.
   */
  private async recomputeTimers(
    manager: EntityManager,
    match: { calendarId: string; scope: CalendarScope | 'DELETED'; schoolId: string | null },
    target: ResolvedCalendar,
  ): Promise<void> {
    // One condition per scope, so each batch walks the primary key (no join, no scan of other timers).
    const follows =
      match.scope === 'SCHOOL'
        ? `(t.calendar_id = $4 OR EXISTS (SELECT 1 FROM sla_case c WHERE c.case_id = t.case_id AND c.school_id = $5))`
        : match.scope === 'DISTRICT'
          ? `(t.calendar_id = $4 OR t.calendar_id IS NULL)`
          : `t.calendar_id = $4`;
    const scopeParams = match.scope === 'SCHOOL' ? [match.calendarId, match.schoolId] : [match.calendarId];
    let after: [string, string] = ['00000000-0000-0000-0000-000000000000', ''];
    for (;;) {
      const rows = (await manager.query(
        `SELECT t.* FROM sla_timer t
          WHERE t.status = 'RUNNING' AND (t.case_id, t.kind) > ($1::uuid, $2::text) AND ${follows}
          ORDER BY t.case_id, t.kind
          LIMIT $3
          FOR UPDATE OF t`,
        [after[0], after[1], RECOMPUTE_BATCH_SIZE, ...scopeParams],
      )) as SlaTimerRow[];
      if (rows.length === 0) return;
      // Only the deadlines and the calendar change: four columns, not the whole timer.
      const recomputed = rows.map((row) => recompute(timerFromRow(row).timer, target.calendar));
      await manager.query(
        `UPDATE sla_timer t SET due_at = u.due_at, warn_at = u.warn_at, calendar_id = $5, version = t.version + 1
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(case_id, kind, due_at, warn_at)
          WHERE t.case_id = u.case_id AND t.kind = u.kind`,
        [
          rows.map((row) => row.case_id),
          rows.map((row) => row.kind),
          recomputed.map((timer) => timer.dueAt?.toISOString() ?? null),
          recomputed.map((timer) => timer.warnAt?.toISOString() ?? null),
          target.id,
        ],
      );
      const last = rows[rows.length - 1]!;
      after = [last.case_id, last.kind];
      if (rows.length < RECOMPUTE_BATCH_SIZE) return;
    }
  }
}
