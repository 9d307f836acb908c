import { formatBytes, formatWhen } from './formats';

describe('sizes and times as people read them', () => {
  it('shows sizes rounded up, in the unit that reads best', () => {
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(2_000)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });

  it('shows a date-time in the given time zone', () => {
    expect(formatWhen('2026-12-01T14:00:00.000Z', 'America/Chicago')).toBe('Dec 1, 2026, 8:00 AM');
  });
});
