import { padTime, typedClockMinutes } from './days-and-times';

describe('times as typed', () => {
  it('reads a time with or without its leading zero, by the SLA service rule', () => {
    expect(typedClockMinutes('7:30')).toBe(450);
    expect(typedClockMinutes(' 07:30 ')).toBe(450);
    expect(typedClockMinutes('24:00')).toBe(1_440);
    expect(typedClockMinutes('7.30')).toBeUndefined();
    expect(typedClockMinutes('25:00')).toBeUndefined();
    expect(padTime(' 9:05')).toBe('09:05');
  });
});
