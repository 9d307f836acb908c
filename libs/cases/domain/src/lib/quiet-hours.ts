import { InvalidInputException } from '@homeroom/shared/errors';

/** A nightly window (district time) when nothing but urgent texts goes out: minutes after midnight. */
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
