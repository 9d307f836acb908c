import { describeActions, describeConditions, listFromText } from './routing-rule-text';

const names = {
  schools: new Map([
    ['s1', 'Lincoln Elementary'],
    ['s2', 'Oak Middle'],
  ]),
  topics: new Map([['t1', 'Bus delay']]),
  teams: new Map([['team1', 'Transportation']]),
};

const rule = (conditions: object, actions: object) =>
  ({
    id: 'r',
    name: 'r',
    position: 1,
    active: true,
    conditions: {
      schoolIds: null,
      topicIds: null,
      channels: null,
      priorities: null,
      languages: null,
      keywords: null,
      ...conditions,
    },
    actions: { teamId: null, assigneeId: null, priority: null, tags: null, ...actions },
  }) as Parameters<typeof describeConditions>[0];

describe('routing rules in words', () => {
  it('names every condition, ids by their names', () => {
    expect(
      describeConditions(
        rule({ schoolIds: ['s1', 's2'], topicIds: ['t1'], languages: ['es'], keywords: ['bus stop'] }, {}),
        names,
      ),
    ).toBe(
      'school is Lincoln Elementary or Oak Middle; topic is Bus delay; language is es; mentions “bus stop”',
    );
  });

  it("names channels and priorities in people's words", () => {
    expect(
      describeConditions(rule({ channels: ['WEB_FORM', 'WALK_IN'], priorities: ['URGENT'] }, {}), names),
    ).toBe('channel is Web form or Walk-in; priority is Urgent');
  });

  it('says so when a rule matches every case, and when an id is no longer known', () => {
    expect(describeConditions(rule({}, {}), names)).toBe('Every new case');
    expect(describeConditions(rule({ schoolIds: ['gone'] }, {}), names)).toBe('school is unknown');
  });

  it('describes what the rule does', () => {
    expect(describeActions(rule({}, { teamId: 'team1', priority: 'HIGH', tags: ['bus'] }), names)).toBe(
      'team Transportation; priority High; tags bus',
    );
    expect(describeActions(rule({}, {}), names)).toBe('Nothing');
  });

  it('reads a comma-separated field as a clean list', () => {
    expect(listFromText(' bus stop, late,, bus stop ')).toEqual(['bus stop', 'late']);
    expect(listFromText(' , ')).toBeNull();
  });
});
