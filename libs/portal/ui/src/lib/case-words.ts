/**
 * The API's values for a case's priority, channel and status and for the kinds of people, in the words
 * staff see; one map each for every staff page (the pickers, the lists, the dashboard).
 */

const PRIORITY_NAMES: Readonly<Record<string, string>> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  URGENT: 'Urgent',
};

const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  WEB_FORM: 'Web form',
  EMAIL: 'Email',
  PHONE: 'Phone',
  SMS: 'Text message',
  CHAT: 'Chat',
  WALK_IN: 'Walk-in',
  SOCIAL: 'Social media',
  STAFF: 'Entered by staff',
};

const PERSON_KIND_NAMES: Readonly<Record<string, string>> = {
  STUDENT: 'Student',
  GUARDIAN: 'Guardian',
  STAFF: 'Staff',
  COMMUNITY: 'Community member',
};

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

/** GUARDIAN → "Guardian", as the directory says it. */
export function personKindName(kind: string): string {
  return nameIn(PERSON_KIND_NAMES, kind);
}

/** ON_HOLD → "On hold". */
export function caseStatusName(status: string): string {
  return nameIn(CASE_STATUS_NAMES, status);
}
