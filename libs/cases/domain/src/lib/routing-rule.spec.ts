import { ruleMatches, type RoutableCase } from './routing-rule';

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
