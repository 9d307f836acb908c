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

/** Channels staff log on someone's behalf with createCase; the public form and email have their own routes. */
export const STAFF_LOGGED_CHANNELS: readonly Channel[] = [
  'PHONE',
  'WALK_IN',
  'CHAT',
  'SMS',
  'SOCIAL',
  'STAFF',
];
