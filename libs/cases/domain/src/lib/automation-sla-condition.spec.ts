import { refusal } from './testing/refusal';
import { checkAutomationRule } from './automation-rule';
import { checkSlaCondition, type SlaAlert, slaConditionMet } from './automation-sla-condition';

// Tuesday 2026-12-08, 10:00 in the district.
const now = new Date('2026-12-08T16:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const warned = (timerKind: SlaAlert['timerKind'], hours: number): SlaAlert => ({
  timerKind,
  dueAt: inHours(hours),
  breachedAt: null,
});
const breached = (timerKind: SlaAlert['timerKind'], hoursAgo: number): SlaAlert => ({
  timerKind,
  dueAt: inHours(-hoursAgo),
  breachedAt: inHours(-hoursAgo),
});

describe('automation rules: the SLA condition', () => {
  it.each([
    ['a first response breached an hour ago', [breached('FIRST_RESPONSE', 1)], { state: 'BREACHED' }, true],
    [
      'only the resolution breached, first responses asked for',
      [breached('RESOLUTION', 3)],
      { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] },
      false,
    ],
    ['a warning, not a breach', [warned('FIRST_RESPONSE', 1)], { state: 'BREACHED' }, false],
    [
      'a first response due in 90 minutes, within 2 hours',
      [warned('FIRST_RESPONSE', 1.5)],
      { state: 'DUE_WITHIN', withinHours: 2 },
      true,
    ],
    [
      'a resolution due tomorrow morning, within 2 hours',
      [warned('RESOLUTION', 20)],
      { state: 'DUE_WITHIN', withinHours: 2 },
      false,
    ],
    [
      'overdue by ten minutes, the breach not heard of yet',
      [warned('NEXT_RESPONSE', -1 / 6)],
      { state: 'DUE_WITHIN', withinHours: 1 },
      true,
    ],
    [
      'breached already: no longer "due"',
      [breached('FIRST_RESPONSE', 1)],
      { state: 'DUE_WITHIN', withinHours: 4 },
      false,
    ],
    [
      'the resolution due soon, next responses asked for',
      [warned('RESOLUTION', 1), breached('FIRST_RESPONSE', 2)],
      { state: 'DUE_WITHIN', withinHours: 2, timerKinds: ['NEXT_RESPONSE'] },
      false,
    ],
    ['no timer warned of at all', [], { state: 'DUE_WITHIN', withinHours: 168 }, false],
  ] as const)('%s', (_case, alerts, condition, expected) => {
    expect(
      slaConditionMet(
        alerts,
        { ...condition, timerKinds: 'timerKinds' in condition ? [...condition.timerKinds] : null },
        now,
      ),
    ).toBe(expected);
  });

  it('keeps a complete condition, timers named once', () => {
    expect(
      checkSlaCondition({ state: 'DUE_WITHIN', withinHours: 4, timerKinds: ['RESOLUTION', 'RESOLUTION'] }),
    ).toEqual({ state: 'DUE_WITHIN', withinHours: 4, timerKinds: ['RESOLUTION'] });
    expect(checkSlaCondition({ state: 'BREACHED', timerKinds: [] })).toEqual({
      state: 'BREACHED',
      timerKinds: null,
    });
  });

  it('refuses hours missing, out of range or without DUE_WITHIN, and unknown states and timers', () => {
    const reasonAndDetails = (condition: unknown) => {
      const error = refusal(() => checkSlaCondition(condition as never));
      return { code: error.code, reason: error.reason, details: error.details };
    };
    expect(reasonAndDetails({ state: 'DUE_WITHIN' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SLA_CONDITION',
      details: [{ path: 'conditions.sla.withinHours', message: 'a whole number of hours from 1 to 168' }],
    });
    expect(reasonAndDetails({ state: 'DUE_WITHIN', withinHours: 169 }).reason).toBe('INVALID_SLA_CONDITION');
    expect(reasonAndDetails({ state: 'DUE_WITHIN', withinHours: 1.5 }).reason).toBe('INVALID_SLA_CONDITION');
    expect(reasonAndDetails({ state: 'BREACHED', withinHours: 2 }).details).toEqual([
      { path: 'conditions.sla.withinHours', message: 'only with DUE_WITHIN' },
    ]);
    expect(reasonAndDetails({ state: 'LATE', timerKinds: ['REPLY'] }).details).toEqual([
      { path: 'conditions.sla.state', message: 'BREACHED or DUE_WITHIN' },
      { path: 'conditions.sla.timerKinds', message: 'unknown timer REPLY' },
    ]);
  });

  it('is checked with the rule, and a rule without one keeps none', () => {
    const actions = [{ kind: 'SET_PRIORITY', priority: 'URGENT' }] as const;
    expect(
      refusal(() =>
        checkAutomationRule(
          'Escalate',
          { statuses: ['NEW'], idleBusinessDays: 1, sla: { state: 'DUE_WITHIN' } },
          actions,
        ),
      ).reason,
    ).toBe('INVALID_SLA_CONDITION');
    expect(
      checkAutomationRule(
        'Escalate',
        {
          statuses: ['NEW'],
          idleBusinessDays: 1,
          sla: { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] },
        },
        actions,
      ).conditions,
    ).toEqual({
      statuses: ['NEW'],
      idleBusinessDays: 1,
      sla: { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] },
    });
    expect(
      checkAutomationRule('Escalate', { statuses: ['NEW'], idleBusinessDays: 1, sla: null }, actions)
        .conditions,
    ).toEqual({ statuses: ['NEW'], idleBusinessDays: 1 });
  });
});
