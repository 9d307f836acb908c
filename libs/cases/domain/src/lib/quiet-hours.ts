import { InvalidInputException } from '@homeroom/shared/errors';
import { isOpen, nextOpening, type BusinessCalendar } from '@homeroom/shared/calendar';

/** A window (district time, usually nightly) when nothing but urgent texts goes out: minutes after midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * "21:00-08:00" as minutes (the window may run past midnight); '' is none. A start equal to its end is
 * refused: it would mean never or always.
 */
export function parseQuietHours(value: string): QuietHours | null {
  const text = value.trim();
  if (!text) return null;
  const [from, to, ...rest] = text.split('-').map((part) => part.trim());
  const start = from ? TIME.exec(from) : null;
  const end = to ? TIME.exec(to) : null;
  if (!start || !end || rest.length || from === to)
    throw new InvalidInputException(
      `Quiet hours are "HH:MM-HH:MM" in the district's time, start and end differing: "${value}"`,
      [{ path: 'quietHours', message: 'HH:MM-HH:MM' }],
      'INVALID_QUIET_HOURS',
    );
  return { start: Number(start[1]) * 60 + Number(start[2]), end: Number(end[1]) * 60 + Number(end[2]) };
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them. Counted in minutes of the
 * district's clock, so on the two nights a year the clock changes inside the window, texts resume an hour
 * early or late: still within hours a family expects texts.
 */
export function quietUntil(now: Date, quiet: QuietHours, timeZone: string): Date | null {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const minute = part('hour') * 60 + part('minute');
  const inside =
    quiet.start < quiet.end
      ? minute >= quiet.start && minute < quiet.end
      : minute >= quiet.start || minute < quiet.end;
  if (!inside) return null;
  const untilEnd = (quiet.end - minute + 24 * 60) % (24 * 60);
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  return new Date(startOfMinute + untilEnd * 60_000);
}

/**
 * What `SMS_QUIET_HOURS` says: a fixed window in the district's time, or `calendar`: the business calendar
 * of the case's school (else the district's), texts going only while it is open.
 */
export type QuietHoursRule = { kind: 'WINDOW'; window: QuietHours } | { kind: 'CALENDAR' };

/**
 * The calendar rule's night when no calendar is known (none saved yet, or not yet learned from the slas
 * service): 21:00-08:00, the TCPA's window, so a family is still never texted at night.
 */
export const NIGHT_QUIET_HOURS: QuietHours = Object.freeze({ start: 21 * 60, end: 8 * 60 });

/** `calendar` (any case), a window as `parseQuietHours` reads it, or '' for none. */
export function parseQuietHoursRule(value: string): QuietHoursRule | null {
  if (value.trim().toLowerCase() === 'calendar') return { kind: 'CALENDAR' };
  const window = parseQuietHours(value);
  return window ? { kind: 'WINDOW', window } : null;
}

/**
 * Until when a text that is not urgent waits at `now`, or null when it may go now. By the calendar: while
 * it is closed (evenings, weekends, holidays, a snow day), until it next opens; without a calendar, or with
 * one that does not open again within its horizon (closed for years), the night window in `timeZone`.
 */
export function textHeldUntil(
  now: Date,
  rule: QuietHoursRule,
  calendar: BusinessCalendar | null,
  timeZone: string,
): Date | null {
  if (rule.kind === 'WINDOW') return quietUntil(now, rule.window, timeZone);
  if (!calendar) return quietUntil(now, NIGHT_QUIET_HOURS, timeZone);
  if (isOpen(calendar, now)) return null;
  try {
    return nextOpening(calendar, now);
  } catch (error) {
    if (!(error instanceof InvalidInputException) || error.reason !== 'NO_OPENING_WITHIN_HORIZON')
      throw error;
    return quietUntil(now, NIGHT_QUIET_HOURS, timeZone);
  }
}
