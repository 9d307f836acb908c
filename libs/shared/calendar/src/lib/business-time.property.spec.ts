import {
  validateCalendar,
  type BusinessCalendarInput,
  type Closure,
  type OpeningInterval,
} from './business-calendar';
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextOpening } from './business-time';
import { mulberry32 } from '@homeroom/shared/random';

/**
 * addBusinessMinutes and businessMinutesBetween against a deliberately simple reference written here, apart
 * from the implementation: it asks Intl for the wall clock of every single minute and compares strings.
 */

const MINUTE = 60_000;
const CALENDARS = 320;
const WINDOW_MINUTES = 7 * 24 * 60;

const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
];

/** Days around which clocks change somewhere in the list (2025–2027). */
const DST_DAYS = [
  '2025-03-09', '2025-11-02', '2025-03-30', '2025-10-26', '2025-04-06', '2025-10-05', '2025-09-07',
  '2025-09-28', '2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04',
  '2026-09-06', '2026-09-27', '2027-03-14', '2027-11-07', '2027-04-04', '2027-10-03',
]; // prettier-ignore

/** Wall-clock times that sit on or inside a DST change in some zone. */
const TRICKY_TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '02:00',
  '02:15',
  '02:30',
  '03:00',
  '23:00',
  '23:30',
];

const pad = (value: number) => String(value).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---- the reference: one Intl call per minute, string comparisons only ----
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const slowFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, ms: number): { date: string; weekday: number; time: string } {
  let formatter = slowFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    slowFormatters.set(zone, formatter);
  }
  const match = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/.exec(formatter.format(ms));
  if (!match) throw new Error(`unexpected wall clock ${formatter.format(ms)}`);
  return {
    weekday: WEEKDAYS.indexOf(match[1]!),
    date: `${match[4]}-${match[2]}-${match[3]}`,
    time: `${match[5]}:${match[6]}`,
  };
}

function isOpenSlow(calendar: BusinessCalendarInput, ms: number): boolean {
  const { date, weekday, time } = wallClock(calendar.timeZone, ms);
  const inHours = calendar.openingHours.some(
    (interval) => interval.weekday === weekday && interval.opens <= time && time < interval.closes,
  );
  if (!inHours) return false;
  const key = `${date} ${time}`;
  return !(calendar.closures ?? []).some(
    (closure) =>
      `${closure.date} ${closure.from ?? '00:00'}` <= key &&
      key < `${closure.through ?? closure.date} ${closure.to ?? '24:00'}`,
  );
}

// ---- random calendars ----
function randomCalendar(random: () => number, startMs: number): BusinessCalendarInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const minute = () =>
    random() < 0.4 ? TRICKY_TIMES.map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) [Math.floor(random() * TRICKY_TIMES.length)]! : Math.floor(random() * 1441); // prettier-ignore
  const openingHours: OpeningInterval[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1) {
    if (random() < 0.2) continue;
    const count = 1 + Math.floor(random() * 3);
    const points = [...new Set(Array.from({ length: count * 2 }, minute))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 2) {
      if (points[i]! >= 1440) continue;
      openingHours.push({
        weekday: weekday as OpeningInterval['weekday'],
        opens: hhmm(points[i]!),
        closes: hhmm(points[i + 1]!),
      });
    }
  }
  if (openingHours.length === 0) openingHours.push({ weekday: 3, opens: '09:00', closes: '17:00' });
  const closures: Closure[] = [];
  const closureCount = Math.floor(random() * 5);
  for (let i = 0; i < closureCount; i += 1) {
    const first = startMs + Math.floor(random() * 11 - 2) * 86_400_000;
    const closure: Closure = {
      date: isoDay(first),
      reason: 'random',
      kind: pick(['HOLIDAY', 'BREAK', 'EMERGENCY'] as const),
    };
    const shape = random();
    if (shape < 0.3) closure.through = isoDay(first + Math.floor(1 + random() * 4) * 86_400_000);
    if (shape >= 0.3 && shape < 0.6) closure.from = hhmm(minute() % 1440);
    if (shape >= 0.5 && shape < 0.8) {
      const from = closure.from ? Number(closure.from.slice(0, 2)) * 60 + Number(closure.from.slice(3)) : 0;
      closure.to = hhmm(Math.min(1440, from + 1 + Math.floor(random() * (1440 - from))));
    }
    closures.push(closure);
  }
  return { timeZone: pick(ZONES), openingHours, closures };
}

describe('business time against a minute-by-minute reference', () => {
  it(`agrees on ${CALENDARS} random calendars, DST zones included`, () => {
    const random = mulberry32(20_260_407);
    const failures: string[] = [];
    let targetsChecked = 0;
    let longestTarget = 0;
    for (let n = 0; n < CALENDARS; n += 1) {
      const anchor =
        random() < 0.6
          ? Date.parse(`${DST_DAYS[Math.floor(random() * DST_DAYS.length)]}T00:00:00Z`) -
            Math.floor(random() * 5 * 1440) * MINUTE
          : Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 3 * 365 * 1440) * MINUTE;
      const start = anchor + Math.floor(random() * 1440) * MINUTE;
      const input = randomCalendar(random, start);
      const calendar = validateCalendar(input);
      const open = new Uint8Array(WINDOW_MINUTES);
      const before = new Int32Array(WINDOW_MINUTES + 1);
      for (let i = 0; i < WINDOW_MINUTES; i += 1) {
        open[i] = isOpenSlow(input, start + i * MINUTE) ? 1 : 0;
        before[i + 1] = before[i]! + open[i]!;
      }
      const total = before[WINDOW_MINUTES]!;
      const label = (what: string) =>
        `#${n} ${what} from ${new Date(start).toISOString()} on ${JSON.stringify(input)}`;

      const targets =
        total > 0 ? [total, 1 + Math.floor(random() * total), 1 + Math.floor(random() * total), 1] : [];
      for (const target of targets) {
        let index = 0;
        while (before[index + 1]! < target) index += 1;
        const expected = start + (index + 1) * MINUTE;
        const actual = addBusinessMinutes(calendar, new Date(start), target).getTime();
        targetsChecked += 1;
        longestTarget = Math.max(longestTarget, target);
        if (actual !== expected) {
          failures.push(
            label(
              `add ${target}: expected ${new Date(expected).toISOString()}, got ${new Date(actual).toISOString()}`,
            ),
          );
        }
      }
      if (addBusinessMinutes(calendar, new Date(start), 0).getTime() !== start) failures.push(label('add 0'));

      for (let k = 0; k < 4; k += 1) {
        const [i, j] = [Math.floor(random() * (WINDOW_MINUTES + 1)), Math.floor(random() * (WINDOW_MINUTES + 1))].sort((a, b) => a - b) as [number, number]; // prettier-ignore
        const expected = before[j]! - before[i]!;
        const actual = businessMinutesBetween(
          calendar,
          new Date(start + i * MINUTE),
          new Date(start + j * MINUTE),
        );
        if (actual !== expected)
          failures.push(label(`between +${i}…+${j}: expected ${expected}, got ${actual}`));
        const reversed = businessMinutesBetween(
          calendar,
          new Date(start + j * MINUTE),
          new Date(start + i * MINUTE),
        );
        if (reversed !== -expected) failures.push(label(`between reversed +${j}…+${i}: got ${reversed}`));
      }

      for (let k = 0; k < 5; k += 1) {
        const i = Math.floor(random() * WINDOW_MINUTES);
        if (isOpen(calendar, new Date(start + i * MINUTE)) !== (open[i] === 1))
          failures.push(label(`isOpen +${i}`));
        const firstOpen = open.indexOf(1, i);
        if (firstOpen >= 0) {
          const next = nextOpening(calendar, new Date(start + i * MINUTE)).getTime();
          if (next !== start + firstOpen * MINUTE)
            failures.push(label(`nextOpening +${i}: got ${new Date(next).toISOString()}`));
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(targetsChecked).toBeGreaterThan(CALENDARS * 3);
    expect(longestTarget).toBeGreaterThan(3_000);
  });
});
