import { eventHandler } from '@homeroom/platform/messaging';
import { BusinessCalendarChanged } from '@homeroom/slas/contracts';

/**
 * The slas service's business calendars as their newest snapshot describes them. Snapshots come on every
 * save and again whenever the slas service starts, in any order across calendars: a row only ever moves to
 * a higher version, so a repeated or late snapshot changes nothing. A deletion keeps the row, without its
 * definition, for the same reason.
 */
export const CALENDAR_READ_MODEL = [
  eventHandler(BusinessCalendarChanged, async ({ data, occurredAt }, manager) => {
    await manager.query(
      `INSERT INTO known_calendar (id, scope, school_id, definition, version, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET scope = EXCLUDED.scope, school_id = EXCLUDED.school_id,
         definition = EXCLUDED.definition, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at,
         updated_at = now()
       WHERE known_calendar.version < EXCLUDED.version`,
      [
        data.calendarId,
        data.scope,
        data.schoolId,
        data.definition ? JSON.stringify(data.definition) : null,
        data.version,
        occurredAt,
      ],
    );
  }),
];
