import { readSlaTimer } from './sla-countdown';

describe('readSlaTimer', () => {
  const now = Date.parse('2026-12-07T15:00:00Z');
  const due = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString();

  it('counts down in the tone of what is left', () => {
    expect(readSlaTimer({ status: 'RUNNING', dueAt: due(600), target: 1_440 }, now)).toEqual({
      text: '10h 0m left',
      tone: 'ok',
    });
    // Amber in the last quarter of a day's target (six hours), and in the last hour of a short one.
    expect(readSlaTimer({ status: 'RUNNING', dueAt: due(300), target: 1_440 }, now).tone).toBe('amber');
    expect(readSlaTimer({ status: 'RUNNING', dueAt: due(90), target: 240 }, now).tone).toBe('ok');
    expect(readSlaTimer({ status: 'RUNNING', dueAt: due(45), target: 240 }, now)).toEqual({
      text: '45m left',
      tone: 'amber',
    });
    expect(
      readSlaTimer({ status: 'RUNNING', dueAt: due(3 * 1_440 + 120), target: 5 * 1_440 }, now).text,
    ).toBe('3d 2h left');
  });

  it('turns red once due, before the breach event arrives, and says met or paused plainly', () => {
    expect(readSlaTimer({ status: 'RUNNING', dueAt: due(-5), target: 60 }, now)).toEqual({
      text: 'Overdue by 5m',
      tone: 'red',
    });
    expect(readSlaTimer({ status: 'BREACHED', dueAt: due(-125), target: 60 }, now).text).toBe(
      'Overdue by 2h 5m',
    );
    expect(readSlaTimer({ status: 'MET', dueAt: due(-5), target: 60 }, now)).toEqual({
      text: 'Met',
      tone: 'ok',
    });
    expect(readSlaTimer({ status: 'PAUSED', dueAt: null, target: 60 }, now).text).toBe('Paused');
    expect(readSlaTimer(null, now)).toEqual({ text: 'No target', tone: 'quiet' });
  });
});
