import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, retryingStartup } from '@homeroom/platform/database';
import { OutboxWriter, type NewEvent } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { BusinessCalendarChanged } from '@homeroom/slas/contracts';
import { validateCalendar, type BusinessCalendar, type BusinessCalendarInput } from '@homeroom/slas/domain';
import type { CalendarScope } from '../entities/sla.entities';

/** A calendar's snapshot for other services (the cases service's quiet hours for texts). */
export function calendarSnapshot(calendar: {
  id: string;
  scope: CalendarScope;
  schoolId: string | null;
  version: number;
  /** Null for a deleted calendar, whose `version` is then the one after its last save. */
  definition: BusinessCalendar | null;
}): NewEvent<typeof BusinessCalendarChanged> {
  return {
    aggregateId: calendar.id,
    data: {
      calendarId: calendar.id,
      scope: calendar.scope,
      schoolId: calendar.schoolId,
      definition: calendar.definition
        ? {
            timeZone: calendar.definition.timeZone,
            openingHours: calendar.definition.openingHours.map((hours) => ({ ...hours })),
            closures: calendar.definition.closures.map((closure) => ({ ...closure })),
          }
        : null,
      version: calendar.version,
      deleted: calendar.definition === null,
    },
  };
}

/**
 * Announces every calendar's current snapshot when the service starts. Saves and deletions announce
 * themselves (CalendarService, in their transaction), but a topic keeps its events only for the broker's
 * retention, and calendars saved before the event existed were never announced: a consumer could otherwise
 * never learn a calendar that has not changed lately. A handful of rows; consumers keep the highest version.
 */
@Injectable()
export class CalendarAnnouncements implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const announced = await retryingStartup(
      () => this.announceAll(),
      (error, failed) =>
        this.logger.warn({ err: error, attempt: failed }, 'announcing the calendars failed; trying again'),
    );
    this.logger.info({ calendars: announced }, 'announced the business calendars');
  }

  /** Writes every calendar's snapshot to the outbox in one transaction; returns how many. */
  announceAll(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = (await manager.query(
        'SELECT id, scope, school_id, definition, version FROM business_calendar ORDER BY id',
      )) as {
        id: string;
        scope: CalendarScope;
        school_id: string | null;
        definition: BusinessCalendarInput;
        version: number;
      }[];
      await this.outbox.appendAll(
        manager,
        BusinessCalendarChanged,
        rows.map((row) =>
          calendarSnapshot({
            id: row.id,
            scope: row.scope,
            schoolId: row.school_id,
            version: row.version,
            // Saved only once validated; validated again so the snapshot is exactly the domain's form.
            definition: validateCalendar(row.definition),
          }),
        ),
      );
      return rows.length;
    });
  }
}
