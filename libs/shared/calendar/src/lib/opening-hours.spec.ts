import { overlappingHours, sortOpeningHours } from './opening-hours';

const hours = (weekday: number, opens: string, closes: string) => ({ weekday, opens, closes });

describe('opening hours', () => {
  it('sorts by weekday, then by the time they open', () => {
    expect(
      sortOpeningHours([hours(2, '13:00', '16:00'), hours(1, '07:30', '12:00'), hours(2, '07:30', '12:00')]),
    ).toEqual([hours(1, '07:30', '12:00'), hours(2, '07:30', '12:00'), hours(2, '13:00', '16:00')]);
  });

  it('finds the intervals of one weekday that overlap, whatever order they come in', () => {
    const morning = hours(1, '07:30', '12:00');
    const lunch = hours(1, '11:30', '13:00');
    expect(overlappingHours([lunch, hours(2, '08:00', '09:00'), morning])).toEqual([[morning, lunch]]);
  });

  it('lets one interval close as the next opens, and the same hours on different days', () => {
    expect(
      overlappingHours([hours(1, '07:30', '12:00'), hours(1, '12:00', '16:30'), hours(2, '07:30', '12:00')]),
    ).toEqual([]);
  });

  it('counts an interval that runs to the end of the day', () => {
    const evening = hours(5, '18:00', '24:00');
    const late = hours(5, '23:00', '23:30');
    expect(overlappingHours([late, evening])).toEqual([[evening, late]]);
  });

  it('leaves out intervals whose times cannot be read (they are refused for that)', () => {
    expect(overlappingHours([hours(1, '7:30', '12:00'), hours(1, '08:00', '09:00')])).toEqual([]);
  });
});
