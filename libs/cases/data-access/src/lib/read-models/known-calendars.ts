import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  validateCalendar,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from '@homeroom/shared/calendar';

/**
 * The business calendar a case follows, from the calendars learned from the slas service (`known_calendar`):
 * its school's own, else the district's, else none; the rule the slas service times the case's SLA by. One
 * validated calendar object per calendar and version is kept, since the calendar arithmetic caches each
 * day's open hours on that object.
 */
@Injectable()
export class KnownCalendars {
  private readonly cache = new Map<string, { version: number; calendar: BusinessCalendar }>();

  async calendarFor(manager: EntityManager, schoolId: string | null): Promise<BusinessCalendar | null> {
    // Two live calendars for one school only while a deletion and a new save cross: the newer one.
    const [row] = (await manager.query(
      `SELECT id, version, definition FROM known_calendar
        WHERE definition IS NOT NULL AND (scope = 'DISTRICT' OR (scope = 'SCHOOL' AND school_id = $1))
        ORDER BY (scope = 'SCHOOL') DESC, changed_at DESC
        LIMIT 1`,
      [schoolId],
    )) as { id: string; version: number; definition: BusinessCalendarInput }[];
    if (!row) return null;
    const hit = this.cache.get(row.id);
    if (hit?.version === row.version) return hit.calendar;
    const calendar = validateCalendar(row.definition);
    this.cache.set(row.id, { version: row.version, calendar });
    return calendar;
  }
}
