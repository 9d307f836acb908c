import { isIsoDate, isIsoDateTime } from './dates';

describe('OneRoster dates', () => {
  it.each(['2026-08-01', '2024-02-29'])('%s is a date', (value) => expect(isIsoDate(value)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '08/01/2026', '2026-8-1', ''])('%s is not', (value) =>
    expect(isIsoDate(value)).toBe(false),
  );
  it.each(['2026-08-01T12:00:00.000Z', '2026-08-01T12:00:00+02:00', '2026-08-01', '2026-08-01 07:30'])(
    '%s is a date-time',
    (value) => expect(isIsoDateTime(value)).toBe(true),
  );
  it.each(['2026-08-01T25:00:00Z', 'yesterday', '2026-02-30T00:00:00Z'])('%s is not', (value) =>
    expect(isIsoDateTime(value)).toBe(false),
  );
});
