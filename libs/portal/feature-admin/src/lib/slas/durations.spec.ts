import { describeDuration, describeTarget, splitMinutes, toMinutes } from './durations';

describe('targets in words and back', () => {
  it('turns minutes into business days on the business clock, wall time otherwise', () => {
    expect(describeDuration(960, 'BUSINESS', 480)).toBe('2 business days');
    expect(describeDuration(720, 'BUSINESS', 480)).toBe('1 business day 4 hours');
    expect(describeDuration(480, 'BUSINESS', 540)).toBe('8 business hours');
    expect(describeDuration(45, 'BUSINESS', 480)).toBe('45 business minutes');
    expect(describeDuration(1_440, 'CALENDAR', 480)).toBe('1 day');
    expect(describeDuration(90, 'CALENDAR', 480)).toBe('1 hour 30 minutes');
    expect(describeDuration(null, 'CALENDAR', 480)).toBe('none');
  });

  it('converts what is typed into minutes, a day being the business day on that clock', () => {
    expect(toMinutes(2, 'DAYS', 'BUSINESS', 540)).toBe(1_080);
    expect(toMinutes(2, 'DAYS', 'CALENDAR', 540)).toBe(2_880);
    expect(toMinutes(1.5, 'HOURS', 'BUSINESS', 540)).toBe(90);
    expect(toMinutes(null, 'HOURS', 'BUSINESS', 540)).toBeNull();
    expect(splitMinutes(1_080, 'BUSINESS', 540)).toEqual({ amount: 2, unit: 'DAYS' });
    expect(splitMinutes(120, 'BUSINESS', 540)).toEqual({ amount: 2, unit: 'HOURS' });
    expect(splitMinutes(45, 'CALENDAR', 540)).toEqual({ amount: 45, unit: 'MINUTES' });
  });

  it('says what an amount typed comes to, and that none sets no target', () => {
    expect(describeTarget(2, 'DAYS', 'BUSINESS', 480)).toBe(
      '2 business days, 960 minutes on the business clock.',
    );
    expect(describeTarget(90, 'MINUTES', 'CALENDAR', 480)).toBe(
      '1 hour 30 minutes, 90 minutes on the wall clock.',
    );
    expect(describeTarget(null, 'HOURS', 'BUSINESS', 480)).toBe('No target: no timer of this kind.');
  });
});
