import { parseQuietHours, quietUntil } from './quiet-hours';

const CHICAGO = 'America/Chicago';

describe('quiet hours', () => {
  it('reads a window, across midnight or not, and none', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: 21 * 60, end: 8 * 60 });
    expect(parseQuietHours(' 12:30 - 13:15 ')).toEqual({ start: 12 * 60 + 30, end: 13 * 60 + 15 });
    expect(parseQuietHours('')).toBeNull();
  });

  it.each(['21:00', '9pm-8am', '21:00-08:00-09:00', '24:00-08:00', '08:00-08:00', '8:00-9:00'])(
    'refuses %j',
    (value) => {
      expect(() => parseQuietHours(value)).toThrow(
        expect.objectContaining({ reason: 'INVALID_QUIET_HOURS' }),
      );
    },
  );

  const night = parseQuietHours('21:00-08:00')!;

  it('holds a text at night until the window ends, in the district time', () => {
    // 22:30 in Chicago (CST, UTC-6) on a December night: held until 08:00, 9.5 hours later.
    expect(quietUntil(new Date('2026-12-08T04:30:00Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    // 06:15 the next morning: until 08:00.
    expect(quietUntil(new Date('2026-12-08T12:15:42Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    // Exactly at the start, it is quiet; exactly at the end, it is not.
    expect(quietUntil(new Date('2026-12-08T03:00:00Z'), night, CHICAGO)).toEqual(
      new Date('2026-12-08T14:00:00Z'),
    );
    expect(quietUntil(new Date('2026-12-08T14:00:00Z'), night, CHICAGO)).toBeNull();
  });

  it('lets a text go in the day', () => {
    expect(quietUntil(new Date('2026-12-08T18:00:00Z'), night, CHICAGO)).toBeNull();
    // 20:59 Chicago.
    expect(quietUntil(new Date('2026-12-08T02:59:00Z'), night, CHICAGO)).toBeNull();
  });

  it('reads the window in the district time zone, not the server one', () => {
    // 04:30 UTC is 22:30 in Chicago (quiet) but 05:30 in Paris (quiet too, until 08:00 there).
    expect(quietUntil(new Date('2026-12-08T04:30:00Z'), night, 'Europe/Paris')).toEqual(
      new Date('2026-12-08T07:00:00Z'),
    );
    // 16:00 UTC: 10:00 in Chicago, 17:00 in Paris, 01:00 in Tokyo.
    expect(quietUntil(new Date('2026-12-08T16:00:00Z'), night, CHICAGO)).toBeNull();
    expect(quietUntil(new Date('2026-12-08T16:00:00Z'), night, 'Asia/Tokyo')).toEqual(
      new Date('2026-12-08T23:00:00Z'),
    );
  });

  it('keeps a window within one day', () => {
    const lunch = parseQuietHours('12:00-13:00')!;
    expect(quietUntil(new Date('2026-12-08T18:30:00Z'), lunch, CHICAGO)).toEqual(
      new Date('2026-12-08T19:00:00Z'),
    );
    expect(quietUntil(new Date('2026-12-08T19:00:00Z'), lunch, CHICAGO)).toBeNull();
  });
});
