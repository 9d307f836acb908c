import { refusal } from './testing/refusal';
import { checkAutomationRule, quietSince } from './automation-rule';

describe('automation rules', () => {
  it('keeps a complete rule, messages and tags as cases keep them', () => {
    expect(
      checkAutomationRule(' Close quiet pending cases ', { statuses: ['PENDING'], idleBusinessDays: 5 }, [
        { kind: 'RESOLVE', message: '  We have not heard back, so we are closing this case.  ' },
        { kind: 'ADD_TAG', tag: 'Auto closed' },
      ]),
    ).toEqual({
      name: 'Close quiet pending cases',
      conditions: { statuses: ['PENDING'], idleBusinessDays: 5 },
      actions: [
        { kind: 'RESOLVE', message: 'We have not heard back, so we are closing this case.' },
        { kind: 'ADD_TAG', tag: 'auto-closed' },
      ],
    });
  });

  it('refuses a rule that would act every sweep, on cases that are done, or with nothing complete to do', () => {
    expect(
      refusal(() =>
        checkAutomationRule('x', { statuses: ['PENDING'], idleBusinessDays: 0 }, [
          { kind: 'ADD_TAG', tag: 'x' },
        ]),
      ).reason,
    ).toBe('RULE_WOULD_LOOP');
    expect(
      refusal(() =>
        checkAutomationRule('x', { statuses: ['RESOLVED'], idleBusinessDays: 2 }, [
          { kind: 'ADD_TAG', tag: 'x' },
        ]),
      ).details,
    ).toEqual([
      { path: 'conditions.statuses', message: 'RESOLVED cases are done; a rule acts on open ones' },
    ]);
    expect(
      refusal(() => checkAutomationRule('x', { statuses: ['OPEN'], idleBusinessDays: 2 }, [])).details,
    ).toEqual([{ path: 'actions', message: '1 to 5 actions' }]);
    expect(
      refusal(() =>
        checkAutomationRule('x', { statuses: ['OPEN'], idleBusinessDays: 2 }, [
          { kind: 'REMIND_REQUESTER', message: ' ' },
        ]),
      ).details![0]!.path,
    ).toBe('actions.0.message');
  });

  it('counts quiet business days back from now, skipping weekends, in the district time zone', () => {
    // Monday 2026-12-07 10:00 in Chicago.
    const monday = new Date('2026-12-07T16:00:00Z');
    expect(quietSince(monday, 1, 'America/Chicago').toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(quietSince(monday, 3, 'America/Chicago').toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(quietSince(monday, 5, 'America/Chicago').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
