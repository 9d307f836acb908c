import { type RollupSpan, type WholeDays, wholeDaySpans, wholeDaysCondition } from './rollup-periods';

const DAY = 86_400_000;
const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY).toISOString().slice(0, 10);
const wholeDays = (firstDay: string, endDay: string): WholeDays => ({
  firstDay,
  endDay,
  from: new Date(`${firstDay}T00:00:00Z`),
  to: new Date(`${endDay}T00:00:00Z`),
});

/** Every day a span's rows hold, the way the rollups key them: a month's days, a week's seven, a day. */
function daysCovered(spans: RollupSpan[]): string[] {
  const covered: string[] = [];
  for (const span of spans)
    for (let period = span.from; period < span.to;) {
      const next =
        span.grain === 'd'
          ? addDays(period, 1)
          : span.grain === 'w'
            ? addDays(period, 7)
            : (() => {
                const date = new Date(`${period}T00:00:00Z`);
                date.setUTCMonth(date.getUTCMonth() + 1);
                return date.toISOString().slice(0, 10);
              })();
      for (let day = period; day < next; day = addDays(day, 1)) covered.push(day);
      period = next;
    }
  return covered.sort();
}

describe('whole day spans', () => {
  // Every range of 1 to 120 days starting on each day of two months that hold a leap day and a year's end.
  const ranges: [string, string][] = [];
  for (let start = '2027-12-20'; start < '2028-03-05'; start = addDays(start, 1))
    for (const length of [1, 2, 6, 7, 8, 13, 14, 29, 31, 35, 62, 120])
      ranges.push([start, addDays(start, length)]);

  it.each([false, true])('cover each day of a range exactly once (weeks: %s)', (weeks) => {
    for (const [firstDay, endDay] of ranges) {
      const expected: string[] = [];
      for (let day = firstDay; day < endDay; day = addDays(day, 1)) expected.push(day);
      expect({
        firstDay,
        endDay,
        days: daysCovered(wholeDaySpans(wholeDays(firstDay, endDay), { weeks })),
      }).toEqual({
        firstDay,
        endDay,
        days: expected,
      });
    }
  });

  it('key weeks by their Monday and months by their first day', () => {
    for (const [firstDay, endDay] of ranges)
      for (const span of wholeDaySpans(wholeDays(firstDay, endDay), { weeks: true })) {
        if (span.grain === 'w') expect(new Date(`${span.from}T00:00:00Z`).getUTCDay()).toBe(1);
        if (span.grain === 'm') expect(span.from.endsWith('-01') && span.to.endsWith('-01')).toBe(true);
      }
  });

  it('read a 35-day range as four weeks and seven days instead of 35 days', () => {
    expect(wholeDaySpans(wholeDays('2026-11-05', '2026-12-10'), { weeks: true })).toEqual([
      { grain: 'd', from: '2026-11-05', to: '2026-11-09' },
      { grain: 'w', from: '2026-11-09', to: '2026-12-07' },
      { grain: 'd', from: '2026-12-07', to: '2026-12-10' },
    ]);
    expect(wholeDaySpans(wholeDays('2026-11-05', '2026-12-10'))).toEqual([
      { grain: 'd', from: '2026-11-05', to: '2026-12-10' },
    ]);
  });

  it('write one condition per span, each on its grain and its periods', () => {
    const values: string[] = [];
    const condition = wholeDaysCondition(
      wholeDays('2026-01-29', '2026-04-03'),
      (day) => `$${values.push(day)}`,
      { weeks: true },
    );
    expect(values).toEqual([
      '2026-01-29',
      '2026-02-01',
      '2026-02-01',
      '2026-04-01',
      '2026-04-01',
      '2026-04-03',
    ]);
    expect(condition.match(/f\.grain = '(\w)'/g)).toEqual([
      "f.grain = 'd'",
      "f.grain = 'm'",
      "f.grain = 'd'",
    ]);
  });
});
