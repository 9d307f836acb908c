import type { Channel, PersonKind, Priority } from './operations.generated';

/** One choice a picker offers: the value the API takes, and the words people see. */
export interface CaseChoice<Value extends string> {
  value: Value;
  name: string;
}

/** A case's priorities, lowest first, as the routing rule and SLA policy pickers offer them. */
export const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** The ways a case comes in, as the routing rule and SLA policy pickers offer them. */
export const CHANNELS: readonly Channel[] = [
  'WEB_FORM',
  'EMAIL',
  'PHONE',
  'SMS',
  'CHAT',
  'WALK_IN',
  'SOCIAL',
  'STAFF',
];

/** The kinds of people who raise cases, families first, as the SLA policy picker offers them. */
export const REQUESTER_KINDS: readonly PersonKind[] = ['GUARDIAN', 'STUDENT', 'STAFF', 'COMMUNITY'];

/**
 * The values as a picker offers them: the value kept, people's words shown (`priorityName` and the other
 * word maps of @homeroom/portal/ui).
 */
export function choicesOf<Value extends string>(
  values: readonly Value[],
  nameOf: (value: string) => string,
): CaseChoice<Value>[] {
  return values.map((value) => ({ value, name: nameOf(value) }));
}
