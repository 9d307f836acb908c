import type { StaffRole } from '@homeroom/platform/auth';

export const SLA_SCOPES = { read: 'slas:read', write: 'slas:write' } as const;

/** Staff who read SLAs, calendars and policies. */
export const SLA_READERS: StaffRole[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'];

/** Policies and calendars are the district's: its administrators change them. */
export const SLA_ADMINS: StaffRole[] = ['DISTRICT_ADMIN'];
