import { InvalidInputException } from '@homeroom/shared/errors';
import { firstMatchingPolicy, pausesIn, targetFor, validatePolicy, type SlaPolicyInput } from './sla-policy';

const SCHOOL = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const TOPIC = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';

const policy = (input: Partial<SlaPolicyInput> & Pick<SlaPolicyInput, 'id'>) =>
  validatePolicy({ name: input.id, targets: { firstResponse: 480 }, ...input });

function refusalReason(input: SlaPolicyInput): string | undefined {
  try {
    validatePolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputException);
    return (error as InvalidInputException).reason;
  }
  return undefined;
}

describe('validatePolicy', () => {
  it('fills the defaults: business clock, warning at 75 %, paused while PENDING or ON_HOLD, any case', () => {
    const valid = validatePolicy({
      id: 'p',
      name: 'Standard',
      targets: { firstResponse: 480, resolution: 7200 },
    });
    expect(valid).toEqual({
      id: 'p',
      name: 'Standard',
      conditions: { priorities: [], topicIds: [], schoolIds: [], channels: [], requesterKinds: [] },
      targets: { firstResponse: 480, resolution: 7200 },
      clock: 'BUSINESS',
      warnAtPercent: 75,
      pausedStatuses: ['PENDING', 'ON_HOLD'],
    });
    expect(targetFor(valid, 'FIRST_RESPONSE')).toBe(480);
    expect(targetFor(valid, 'NEXT_RESPONSE')).toBeUndefined();
    expect(targetFor(valid, 'RESOLUTION')).toBe(7200);
    expect(pausesIn(valid, 'PENDING')).toBe(true);
    expect(pausesIn(valid, 'OPEN')).toBe(false);
  });

  it.each([
    ['no targets', { targets: {} }, 'NO_TARGETS'],
    ['a zero target', { targets: { firstResponse: 0 } }, 'INVALID_TARGET'],
    ['a fractional target', { targets: { resolution: 90.5 } }, 'INVALID_TARGET'],
    ['a negative target', { targets: { nextResponse: -60 } }, 'INVALID_TARGET'],
    ['a target over a year', { targets: { resolution: 600_000 } }, 'INVALID_TARGET'],
    ['a warning at 0 %', { warnAtPercent: 0 }, 'INVALID_WARNING_THRESHOLD'],
    ['a warning at 100 %', { warnAtPercent: 100 }, 'INVALID_WARNING_THRESHOLD'],
    ['a warning at 75.5 %', { warnAtPercent: 75.5 }, 'INVALID_WARNING_THRESHOLD'],
    ['an unknown requester kind', { conditions: { requesterKinds: ['PARENT'] } }, 'INVALID_CONDITION'],
    ['an unknown channel', { conditions: { channels: ['FAX'] } }, 'INVALID_CONDITION'],
    ['a priority in lower case', { conditions: { priorities: ['urgent'] } }, 'INVALID_CONDITION'],
  ])('refuses %s', (_what, change, reason) => {
    expect(refusalReason({ id: 'p', name: 'P', targets: { firstResponse: 60 }, ...change })).toBe(reason);
  });
});

describe('firstMatchingPolicy', () => {
  const policies = [
    policy({
      id: 'urgent',
      conditions: { priorities: ['URGENT'] },
      targets: { firstResponse: 60 },
      clock: 'CALENDAR',
    }),
    policy({ id: 'school-email', conditions: { schoolIds: [SCHOOL], channels: ['EMAIL', 'WEB_FORM'] } }),
    policy({ id: 'staff-topic', conditions: { topicIds: [TOPIC], requesterKinds: ['STAFF'] } }),
    policy({ id: 'default', targets: { firstResponse: 960 } }),
  ];

  it.each([
    [
      'urgent wins over everything after it',
      { priority: 'URGENT', schoolId: SCHOOL, channel: 'EMAIL' },
      'urgent',
    ],
    [
      'school and channel both match',
      { priority: 'NORMAL', schoolId: SCHOOL, channel: 'EMAIL' },
      'school-email',
    ],
    [
      'school matches but not the channel',
      { priority: 'NORMAL', schoolId: SCHOOL, channel: 'PHONE' },
      'default',
    ],
    [
      'a topic for staff',
      { priority: 'LOW', topicId: TOPIC, requesterKind: 'STAFF', channel: 'PHONE' },
      'staff-topic',
    ],
    [
      'the topic for a parent',
      { priority: 'LOW', topicId: TOPIC, requesterKind: 'GUARDIAN', channel: 'PHONE' },
      'default',
    ],
    [
      'a case without a school does not meet a school condition',
      { priority: 'HIGH', channel: 'EMAIL', schoolId: null },
      'default',
    ],
  ])('%s', (_what, facts, expected) => {
    expect(firstMatchingPolicy(policies, facts)?.id).toBe(expected);
  });

  it('is undefined when no policy matches', () => {
    expect(firstMatchingPolicy(policies.slice(0, 3), { priority: 'LOW', channel: 'SMS' })).toBeUndefined();
    expect(firstMatchingPolicy([], { priority: 'LOW' })).toBeUndefined();
  });
});
