import type { Channel, Priority } from './operations.generated';

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
