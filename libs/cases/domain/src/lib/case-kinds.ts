export const CHANNELS = ['WEB_FORM', 'EMAIL', 'PHONE', 'WALK_IN', 'CHAT', 'SMS', 'SOCIAL', 'STAFF'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'] as const;
export type CaseStatus = (typeof STATUSES)[number];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CASE_TYPES = ['QUESTION', 'CONCERN', 'COMPLAINT', 'SUGGESTION', 'COMPLIMENT'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const MESSAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND', 'INTERNAL_NOTE'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/**
 * Channels where anyone can claim any address: a directory person matched by the contact typed into the
 * form (or an email's From) is only a candidate until the address's owner confirms by a mailed link
 * (ADR 19). Staff-logged channels match at once: the staff member spoke with the person.
 */
export const UNVERIFIED_CHANNELS: readonly Channel[] = ['WEB_FORM', 'EMAIL'];

/** Channels staff log on someone's behalf with createCase; the public form and email have their own routes. */
export const STAFF_LOGGED_CHANNELS: readonly Channel[] = [
  'PHONE',
  'WALK_IN',
  'CHAT',
  'SMS',
  'SOCIAL',
  'STAFF',
];
