import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';
import { validateCalendar, type BusinessCalendarInput } from '@homeroom/shared/calendar';

/** Business calendars as the slas service keeps them, keyed by calendar id. */
export const SLAS_CALENDAR_TOPIC = 'slas.calendar.v1';

const CLOCK = z.string().regex(/^\d{2}:\d{2}$/);
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `validateCalendar`'s output: the shape here, and the rules (zone, overlaps, real dates) by the function. */
const CALENDAR_DEFINITION = z
  .object({
    timeZone: z.string(),
    openingHours: z.array(z.object({ weekday: z.number().int().min(0).max(6), opens: CLOCK, closes: CLOCK })),
    closures: z.array(
      z.object({
        date: DAY,
        through: DAY.optional(),
        from: CLOCK.optional(),
        to: CLOCK.optional(),
        reason: z.string(),
        kind: z.enum(['HOLIDAY', 'BREAK', 'EMERGENCY']),
      }),
    ),
  })
  .refine((definition) => {
    try {
      validateCalendar(definition as BusinessCalendarInput);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid business calendar');

/**
 * A calendar's whole current state (a snapshot, not a change): sent when it is created, changed (a closure
 * added) or deleted, and again for every calendar whenever the slas service starts, so a consumer that
 * joins late, or after the topic's retention dropped the first ones, still learns each. `version` counts
 * the calendar's saves; a consumer keeps the highest it has seen, so a repeated or late snapshot changes
 * nothing. A deleted calendar's snapshot has no definition and the next version.
 */
export const BusinessCalendarChanged = defineEventContract({
  type: 'slas.BusinessCalendarChanged',
  version: 1,
  topic: SLAS_CALENDAR_TOPIC,
  schema: z
    .object({
      calendarId: z.uuid(),
      scope: z.enum(['DISTRICT', 'SCHOOL', 'DEPARTMENT']),
      schoolId: z.uuid().nullable(),
      definition: CALENDAR_DEFINITION.nullable(),
      version: z.number().int().min(1),
      deleted: z.boolean(),
    })
    .refine((data) => data.deleted === (data.definition === null), {
      message: 'a definition unless deleted',
      path: ['definition'],
    })
    .refine((data) => (data.scope === 'SCHOOL') === (data.schoolId !== null), {
      message: 'a school calendar names its school, and only it',
      path: ['schoolId'],
    }),
  fixture: {
    calendarId: '9b2f6c1d-4e3a-4f5b-8c7d-2a1b3c4d5e6f',
    scope: 'DISTRICT' as const,
    schoolId: null,
    definition: {
      timeZone: 'America/Chicago',
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:30', closes: '16:30' })),
      closures: [
        { date: '2026-11-26', through: '2026-11-27', reason: 'Thanksgiving', kind: 'HOLIDAY' as const },
      ],
    },
    version: 3,
    deleted: false,
  },
});
