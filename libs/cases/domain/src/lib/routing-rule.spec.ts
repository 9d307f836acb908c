import type { DomainException } from '@homeroom/shared/errors';
import { ruleMatches, validateRoutingRule, type RoutableCase } from './routing-rule';

const busDelay: RoutableCase = {
  topicId: 'bus-delay',
  schoolId: 'lincoln',
  channel: 'WEB_FORM',
  language: 'es-MX',
  priority: 'NORMAL',
  text: 'El autobús número 14 llegó tarde otra vez',
};

describe('routing rules', () => {
  it.each([
    ['an empty rule matches everything', {}, true],
    ['the topic', { topicIds: ['bus-delay'] }, true],
    ['another topic', { topicIds: ['grades'] }, false],
    ['a school and a channel together', { schoolIds: ['lincoln'], channels: ['WEB_FORM' as const] }, true],
    ['one condition failing', { schoolIds: ['lincoln'], channels: ['PHONE' as const] }, false],
    ['a language family ("es" takes "es-MX")', { languages: ['es'] }, true],
    ['a keyword without its accent', { keywords: ['autobus'] }, true],
    ['a keyword that is only part of a word', { keywords: ['auto'] }, false],
    ['a priority', { priorities: ['URGENT' as const] }, false],
  ])('%s', (_, conditions, expected) => {
    expect(ruleMatches(conditions, busDelay)).toBe(expected);
  });

  it('does not match a condition on a field the case lacks', () => {
    expect(ruleMatches({ topicIds: ['bus-delay'] }, { ...busDelay, topicId: null })).toBe(false);
  });
});

describe('a rule as written', () => {
  const refusal = (rule: Parameters<typeof validateRoutingRule>[0]) => {
    try {
      validateRoutingRule(rule);
    } catch (error) {
      const { code, reason, details } = error as DomainException;
      return { code, reason, details };
    }
    throw new Error('accepted');
  };

  it('is kept with its name trimmed and its tags in one spelling, once each', () => {
    expect(
      validateRoutingRule({
        name: '  Buses ',
        conditions: { keywords: ['bus'] },
        actions: { teamId: 't1', tags: ['Bus 14', 'bus-14 ', 'late'] },
      }),
    ).toEqual({
      name: 'Buses',
      conditions: { keywords: ['bus'] },
      actions: { teamId: 't1', tags: ['bus-14', 'late'] },
    });
  });

  it('needs a name', () => {
    expect(refusal({ name: '  ', conditions: {}, actions: { priority: 'HIGH' } })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: undefined,
      details: [{ path: 'name', message: 'required' }],
    });
  });

  it('must do something: an empty list of tags is nothing', () => {
    expect(refusal({ name: 'Idle', conditions: {}, actions: { teamId: null, tags: [] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'EMPTY_RULE_ACTIONS',
      details: [{ path: 'actions', message: 'set a team, an assignee, a priority or tags' }],
    });
  });

  it('names the tag that is not one, and refuses more tags than a case keeps', () => {
    expect(refusal({ name: 'Tags', conditions: {}, actions: { tags: ['ok', '#!'] } })).toMatchObject({
      reason: 'INVALID_TAG',
      details: [{ path: 'actions.tags.1', message: 'invalid tag' }],
    });
    const many = Array.from({ length: 21 }, (_, i) => `tag-${i}`);
    expect(refusal({ name: 'Tags', conditions: {}, actions: { tags: many } })).toMatchObject({
      reason: 'TOO_MANY_TAGS',
      details: [{ path: 'actions.tags', message: 'too many tags' }],
    });
  });
});
