import {
  describePolicyConditions,
  newPolicyForm,
  type PolicyForm,
  policyForm,
  policyInput,
} from './policy-form';

describe('policies', () => {
  const names = { schools: new Map([['s1', 'Lincoln Elementary']]), topics: new Map([['t1', 'Bus delay']]) };
  const conditions = { priorities: [], channels: [], requesterKinds: [], schoolIds: [], topicIds: [] };
  const saved = {
    id: 'p1',
    name: 'Standard',
    position: 1,
    active: true,
    clock: 'BUSINESS' as const,
    warnAtPercent: 75,
    pausedStatuses: ['PENDING', 'ON_HOLD'],
    conditions,
    targets: { firstResponse: 540, nextResponse: null, resolution: 2_700 },
  };

  it('starts a new policy active, on the business clock, paused while waiting, with no targets', () => {
    expect(newPolicyForm()).toMatchObject({
      id: null,
      active: true,
      clock: 'BUSINESS',
      warnAtPercent: 75,
      pausedStatuses: ['PENDING', 'ON_HOLD'],
      priorities: [],
      targets: { firstResponse: { amount: null, unit: 'HOURS' } },
    });
  });

  it("describes conditions by name, in people's words", () => {
    expect(
      describePolicyConditions(
        { ...conditions, priorities: ['URGENT'], schoolIds: ['s1', 'gone'], topicIds: ['t1'] },
        names,
      ),
    ).toBe('priority Urgent; school Lincoln Elementary or unknown; topic Bus delay');
    expect(
      describePolicyConditions(
        { ...conditions, channels: ['WEB_FORM', 'PHONE'], requesterKinds: ['GUARDIAN'] },
        names,
      ),
    ).toBe('channel Web form or Phone; requester Guardian');
    expect(describePolicyConditions(conditions, names)).toBe('Every case');
  });

  it('edits a saved policy in business days and saves it in minutes', () => {
    const form = policyForm(saved, 540);
    expect(form.targets).toEqual({
      firstResponse: { amount: 1, unit: 'DAYS' },
      nextResponse: { amount: null, unit: 'HOURS' },
      resolution: { amount: 5, unit: 'DAYS' },
    });
    expect(policyInput(form, 540)).toEqual({
      input: {
        id: 'p1',
        name: 'Standard',
        position: 1,
        active: true,
        clock: 'BUSINESS',
        warnAtPercent: 75,
        pausedStatuses: ['PENDING', 'ON_HOLD'],
        conditions,
        targets: { firstResponse: 540, resolution: 2_700 },
      },
    });
  });

  it('refuses a policy without targets, with a bad threshold or an out-of-range target', () => {
    const empty: PolicyForm = {
      ...policyForm(saved, 540),
      targets: {
        firstResponse: { amount: null, unit: 'HOURS' },
        nextResponse: { amount: null, unit: 'HOURS' },
        resolution: { amount: null, unit: 'HOURS' },
      },
    };
    expect(policyInput(empty, 540)).toEqual({
      problems: ['Set at least one target: first response, next response or resolution.'],
    });
    expect(
      policyInput(
        {
          ...policyForm(saved, 540),
          warnAtPercent: 100,
          targets: { ...empty.targets, resolution: { amount: 0, unit: 'DAYS' } },
        },
        540,
      ),
    ).toEqual({
      problems: [
        'Resolution: a target is between 1 minute and a year.',
        'The warning comes at a whole percentage of the target, 1 to 99.',
      ],
    });
  });
});
