import { channelName, personKindName, priorityName } from '@homeroom/portal/ui';
import type { AdminSlasQuery, SlaClock, SlaPolicyInput } from '../operations.generated';
import { type DurationUnit, splitMinutes, toMinutes } from './durations';

type Policy = AdminSlasQuery['slaPolicies'][number];

/** The longest target the API accepts: a year of minutes. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

/** Names for the ids a policy holds; an id no longer known (a retired school) reads as "unknown". */
export interface PolicyNames {
  schools: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
}

/** "priority Urgent; school Lincoln or Oak": every condition a case must meet, in words. */
export function describePolicyConditions(conditions: Policy['conditions'], names: PolicyNames): string {
  const either = (label: string, values: readonly string[], name: (value: string) => string) =>
    values.length ? `${label} ${values.map(name).join(' or ')}` : null;
  const known = (lookup: ReadonlyMap<string, string>) => (id: string) => lookup.get(id) ?? 'unknown';
  const parts = [
    either('priority', conditions.priorities, priorityName),
    either('channel', conditions.channels, channelName),
    either('requester', conditions.requesterKinds, personKindName),
    either('school', conditions.schoolIds, known(names.schools)),
    either('topic', conditions.topicIds, known(names.topics)),
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('; ') : 'Every case';
}

export const TARGET_KINDS = [
  { key: 'firstResponse', name: 'First response' },
  { key: 'nextResponse', name: 'Next response' },
  { key: 'resolution', name: 'Resolution' },
] as const;
export type TargetKey = (typeof TARGET_KINDS)[number]['key'];

/** The policy editor as typed. */
export interface PolicyForm {
  id: string | null;
  name: string;
  position: number | null;
  active: boolean;
  clock: SlaClock;
  warnAtPercent: number | null;
  pausedStatuses: readonly string[];
  priorities: readonly string[];
  channels: readonly string[];
  requesterKinds: readonly string[];
  schoolIds: readonly string[];
  topicIds: readonly string[];
  targets: Record<TargetKey, { amount: number | null; unit: DurationUnit }>;
}

/** The statuses a policy may pause in; resolved and closed cases have no running timers to pause. */
export const PAUSABLE_STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] as const;

/**
 * The editor for a new policy: active, on the business clock, warning at 75% of a target, the clock
 * stopped while the case waits on the requester or is on hold, and no conditions (every case).
 */
export function newPolicyForm(): PolicyForm {
  const none = { amount: null, unit: 'HOURS' } as const;
  return {
    id: null,
    name: '',
    position: null,
    active: true,
    clock: 'BUSINESS',
    warnAtPercent: 75,
    pausedStatuses: ['PENDING', 'ON_HOLD'],
    priorities: [],
    channels: [],
    requesterKinds: [],
    schoolIds: [],
    topicIds: [],
    targets: { firstResponse: none, nextResponse: none, resolution: none },
  };
}

/** The editor filled from a saved policy, targets in the largest unit that holds them exactly. */
export function policyForm(policy: Policy, businessDay: number): PolicyForm {
  const target = (key: TargetKey) => splitMinutes(policy.targets[key], policy.clock, businessDay);
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    active: policy.active,
    clock: policy.clock,
    warnAtPercent: policy.warnAtPercent,
    pausedStatuses: policy.pausedStatuses,
    ...policy.conditions,
    targets: {
      firstResponse: target('firstResponse'),
      nextResponse: target('nextResponse'),
      resolution: target('resolution'),
    },
  };
}

/** The policy to save, targets in minutes on its clock; or every problem in words. */
export function policyInput(
  form: PolicyForm,
  businessDay: number,
): { input: SlaPolicyInput } | { problems: string[] } {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Give the policy a name.');
  const targets: Partial<Record<TargetKey, number>> = {};
  for (const { key, name } of TARGET_KINDS) {
    const { amount, unit } = form.targets[key];
    const minutes = toMinutes(amount, unit, form.clock, businessDay);
    if (minutes === null) continue;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TARGET_MINUTES) {
      problems.push(`${name}: a target is between 1 minute and a year.`);
    } else targets[key] = minutes;
  }
  if (!problems.length && !Object.keys(targets).length)
    problems.push('Set at least one target: first response, next response or resolution.');
  const warn = form.warnAtPercent;
  if (warn !== null && (!Number.isInteger(warn) || warn < 1 || warn > 99))
    problems.push('The warning comes at a whole percentage of the target, 1 to 99.');
  if (form.position !== null && !Number.isInteger(form.position))
    problems.push('The order is a whole number.');
  if (problems.length) return { problems };
  return {
    input: {
      ...(form.id ? { id: form.id } : {}),
      name: form.name.trim(),
      position: form.position,
      active: form.active,
      clock: form.clock,
      warnAtPercent: warn,
      pausedStatuses: [...form.pausedStatuses],
      conditions: {
        priorities: [...form.priorities],
        channels: [...form.channels],
        requesterKinds: [...form.requesterKinds],
        schoolIds: [...form.schoolIds],
        topicIds: [...form.topicIds],
      },
      targets,
    },
  };
}
