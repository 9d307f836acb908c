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
});
