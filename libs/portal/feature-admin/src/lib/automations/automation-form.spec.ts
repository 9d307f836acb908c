import type { AdminAutomationRuleFragment } from '../operations.generated';
import {
  automationFormOf,
  automationInput,
  describeActions,
  describeConditions,
  newAction,
  newAutomationForm,
} from './automation-form';

const rule: AdminAutomationRuleFragment = {
  id: 'r1',
  name: 'Resolve quiet pending cases',
  active: true,
  conditions: {
    statuses: ['PENDING'],
    idleBusinessDays: 5,
    priorities: null,
    schoolIds: ['s1'],
    topicIds: null,
    sla: null,
  },
  actions: [
    { kind: 'RESOLVE', message: 'We are closing this case.', priority: null, teamId: null, tag: null },
    { kind: 'ASSIGN_TEAM', message: null, priority: null, teamId: 't1', tag: null },
  ],
  appliedCount: 0,
  lastAppliedAt: null,
};

describe('the automation form', () => {
  it('sends a saved rule back as it was, keeping narrowing the form does not show', () => {
    expect(automationInput(automationFormOf(rule)).input).toEqual({
      name: 'Resolve quiet pending cases',
      active: true,
      conditions: {
        statuses: ['PENDING'],
        idleBusinessDays: 5,
        priorities: null,
        schoolIds: ['s1'],
        topicIds: null,
        sla: null,
      },
      actions: [
        { kind: 'RESOLVE', message: 'We are closing this case.', priority: null, teamId: null, tag: null },
        { kind: 'ASSIGN_TEAM', message: null, priority: null, teamId: 't1', tag: null },
      ],
    });
  });

  it('says what to fix: a name, a status, whole days, complete actions', () => {
    const form = {
      ...newAutomationForm(),
      statuses: [],
      idleBusinessDays: 1.5,
      actions: [newAction('REMIND_REQUESTER'), newAction('SET_PRIORITY'), newAction('ADD_TAG')],
    };
    expect(automationInput(form).problems).toEqual([
      'Give the rule a name.',
      'Choose the statuses of the cases it acts on.',
      'Say how many school days a case must be quiet, as a whole number.',
      'Action 1: write the reminder.',
      'Action 2: choose the priority.',
      'Action 3: write the tag.',
    ]);
  });

  it('says what a rule acts on and does, in words', () => {
    expect(describeConditions(rule.conditions)).toBe(
      'Pending cases quiet for 5 school days, at some schools or topics',
    );
    expect(
      describeConditions({
        ...rule.conditions,
        statuses: ['NEW', 'OPEN'],
        idleBusinessDays: 1,
        schoolIds: null,
        priorities: ['URGENT'],
      }),
    ).toBe('New or open cases quiet for 1 school day, priority urgent');
    expect(describeActions(rule.actions, new Map([['t1', 'Transportation']]))).toBe(
      'resolve with a message; hand to Transportation',
    );
  });

  it('keeps an SLA condition: breached, or due within whole hours, on the timers ticked', () => {
    const breached = {
      ...rule,
      conditions: {
        ...rule.conditions,
        sla: { state: 'BREACHED' as const, timerKinds: ['FIRST_RESPONSE' as const], withinHours: null },
      },
    };
    expect(automationInput(automationFormOf(breached)).input!.conditions.sla).toEqual({
      state: 'BREACHED',
      timerKinds: ['FIRST_RESPONSE'],
      withinHours: null,
    });
    expect(describeConditions(breached.conditions)).toBe(
      'Pending cases quiet for 5 school days, at some schools or topics, first response breached',
    );
    const form = { ...newAutomationForm(), name: 'Soon', slaState: 'DUE_WITHIN' as const, slaWithinHours: 4 };
    expect(automationInput(form).input!.conditions.sla).toEqual({
      state: 'DUE_WITHIN',
      timerKinds: null,
      withinHours: 4,
    });
    expect(
      describeConditions({
        ...rule.conditions,
        schoolIds: null,
        sla: { state: 'DUE_WITHIN', timerKinds: null, withinHours: 1 },
      }),
    ).toBe('Pending cases quiet for 5 school days, an SLA deadline due within 1 hour');
    // Hours typed but the state set back to "whatever": no condition, and no stale hours sent.
    expect(automationInput({ ...form, slaState: '' }).input!.conditions.sla).toBeNull();
    expect(automationInput({ ...form, slaWithinHours: 200 }).problems).toEqual([
      'Say within how many hours the SLA deadline falls, a whole number from 1 to 168.',
    ]);
    expect(automationInput({ ...form, slaWithinHours: null }).problems).toHaveLength(1);
  });
});
