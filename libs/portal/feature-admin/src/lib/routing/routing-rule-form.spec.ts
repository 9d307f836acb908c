import type { RoutingRulesQuery } from '../operations.generated';
import { newRuleForm, newRuleInput, ruleFormOf, ruleUpdate } from './routing-rule-form';

type Rule = RoutingRulesQuery['routingRules'][number];

// As the cache gives it, __typename and all.
const saved = {
  __typename: 'RoutingRule',
  id: 'r1',
  name: 'Buses',
  position: 2,
  active: true,
  conditions: {
    __typename: 'RoutingConditions',
    schoolIds: ['s1'],
    topicIds: null,
    channels: ['WEB_FORM', 'EMAIL'],
    priorities: ['HIGH'],
    languages: null,
    keywords: ['bus stop', 'late'],
  },
  actions: {
    __typename: 'RoutingActions',
    teamId: 'team1',
    assigneeId: 'p1',
    priority: null,
    tags: ['bus'],
  },
} as Rule;

describe('adding a rule', () => {
  it('sends empty fields as no condition, and an empty position as last', () => {
    const form = {
      ...newRuleForm(),
      name: ' Crossing guards ',
      keywords: 'crossing guard, ',
      tags: 'crossing',
    };
    expect(newRuleInput(form)).toEqual({
      input: {
        name: 'Crossing guards',
        position: null,
        conditions: {
          schoolIds: null,
          topicIds: null,
          channels: null,
          priorities: null,
          keywords: ['crossing guard'],
          languages: null,
        },
        actions: { teamId: null, assigneeId: null, priority: null, tags: ['crossing'] },
      },
    });
    expect(newRuleInput({ ...form, teamId: 'team1', position: 1 }).input).toMatchObject({
      position: 1,
      actions: { teamId: 'team1' },
    });
  });

  it('says what is missing before sending: a name, and something to do', () => {
    expect(newRuleInput(newRuleForm())).toEqual({
      problems: [
        'Give the rule a name.',
        'Choose what the rule does: send it to a team, set its priority or tag it.',
      ],
    });
    expect(newRuleInput({ ...newRuleForm(), name: 'x', priority: 'HIGH' }).input).toBeDefined();
  });
});

describe('editing a rule', () => {
  it('fills the form with the rule, lists comma-separated', () => {
    expect(ruleFormOf(saved)).toEqual({
      name: 'Buses',
      schoolIds: ['s1'],
      topicIds: [],
      channels: ['WEB_FORM', 'EMAIL'],
      keywords: 'bus stop, late',
      languages: '',
      teamId: 'team1',
      priority: '',
      tags: 'bus',
      position: 2,
    });
  });

  it('finds nothing changed in the form as filled, however the lists are ordered', () => {
    expect(ruleUpdate(saved, ruleFormOf(saved))).toEqual({ problems: ['Nothing has changed.'] });
    const reordered = {
      ...ruleFormOf(saved),
      channels: ['EMAIL', 'WEB_FORM'] as const,
      keywords: 'late, bus stop',
    };
    expect(ruleUpdate(saved, reordered)).toEqual({ problems: ['Nothing has changed.'] });
  });

  it('sends only what changed: the conditions whole, keeping the priorities the form does not show', () => {
    expect(ruleUpdate(saved, { ...ruleFormOf(saved), keywords: 'excursion' })).toEqual({
      input: {
        conditions: {
          schoolIds: ['s1'],
          topicIds: null,
          channels: ['WEB_FORM', 'EMAIL'],
          priorities: ['HIGH'],
          keywords: ['excursion'],
          languages: null,
        },
      },
    });
  });

  it('sends the actions whole, keeping the named assignee, and a new name trimmed', () => {
    expect(ruleUpdate(saved, { ...ruleFormOf(saved), name: ' School buses ', teamId: '', tags: '' })).toEqual(
      {
        input: {
          name: 'School buses',
          actions: { teamId: null, assigneeId: 'p1', priority: null, tags: null },
        },
      },
    );
  });

  it('says what is wrong before sending', () => {
    expect(ruleUpdate(saved, { ...ruleFormOf(saved), name: '  ' })).toEqual({
      problems: ['Give the rule a name.'],
    });
  });

  it('ignores the position: a saved rule moves with its buttons', () => {
    expect(ruleUpdate(saved, { ...ruleFormOf(saved), position: 1 })).toEqual({
      problems: ['Nothing has changed.'],
    });
  });
});
