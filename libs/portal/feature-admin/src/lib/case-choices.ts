import type { Channel, PersonKind, Priority } from './operations.generated';
import { PERSON_KINDS } from './people/person-form';

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

const PRIORITY_NAMES: Record<Priority, string> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  URGENT: 'Urgent',
};

/** The same words as the dashboard's contacts by channel. */
const CHANNEL_NAMES: Record<Channel, string> = {
  WEB_FORM: 'Web form',
  EMAIL: 'Email',
  PHONE: 'Phone',
  SMS: 'Text message',
  CHAT: 'Chat',
  WALK_IN: 'Walk-in',
  SOCIAL: 'Social media',
  STAFF: 'Entered by staff',
};

/** The directory's own words for its kinds of people. */
const PERSON_KIND_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  PERSON_KINDS.map(({ kind, name }) => [kind, name]),
);

const CASE_STATUS_NAMES: Readonly<Record<string, string>> = {
  NEW: 'New',
  OPEN: 'Open',
  PENDING: 'Pending',
  ON_HOLD: 'On hold',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

/** A value in people's words; one the portal does not know yet, as the API names it. */
function nameIn(names: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(names, value) ? names[value]! : value;
}

/** HIGH → "High". */
export function priorityName(priority: string): string {
  return nameIn(PRIORITY_NAMES, priority);
}

/** WEB_FORM → "Web form". */
export function channelName(channel: string): string {
  return nameIn(CHANNEL_NAMES, channel);
}

/** GUARDIAN → "Guardian". */
export function personKindName(kind: string): string {
  return nameIn(PERSON_KIND_NAMES, kind);
}

/** ON_HOLD → "On hold". */
export function caseStatusName(status: string): string {
  return nameIn(CASE_STATUS_NAMES, status);
}

/** The values as a picker offers them: the value kept, people's words shown. */
export function choicesOf<Value extends string>(
  values: readonly Value[],
  nameOf: (value: string) => string,
): CaseChoice<Value>[] {
  return values.map((value) => ({ value, name: nameOf(value) }));
}
