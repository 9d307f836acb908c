import {
  addBusinessMinutes,
  firstMatchingPolicy,
  validateCalendar,
  validatePolicy,
} from '@homeroom/slas/domain';
import { DEFAULT_SLA_POLICIES, DISTRICT_CALENDAR_2026_27 } from './sla-defaults';

describe('the SLA defaults', () => {
  const calendar = validateCalendar(DISTRICT_CALENDAR_2026_27);
  const policies = DEFAULT_SLA_POLICIES.map((p, i) =>
    validatePolicy({ ...p.definition, id: String(i), name: p.name }),
  );

  it('is a valid calendar that skips the Thanksgiving break', () => {
    // Tuesday 24 November 2026, 15:30 Central (21:30Z): one business hour left that day, then the break.
    const due = addBusinessMinutes(calendar, new Date('2026-11-24T21:30:00Z'), 480);
    // 60 minutes on Tuesday, the rest (420) on Monday 30 November from 07:30 Central (13:30Z).
    expect(due.toISOString()).toBe('2026-11-30T20:30:00.000Z');
  });

  it('holds urgent cases to the calendar clock and everything else to the standard policy', () => {
    expect(firstMatchingPolicy(policies, { priority: 'URGENT' })?.name).toBe('Urgent safety concern');
    expect(firstMatchingPolicy(policies, { priority: 'LOW', channel: 'EMAIL' })?.name).toBe('Standard');
    expect(policies[0]!.clock).toBe('CALENDAR');
    expect(policies[1]!.targets).toEqual({ firstResponse: 480, nextResponse: 480, resolution: 2_400 });
  });
});
