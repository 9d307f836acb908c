import type { FieldAccess, StaffRole } from '@homeroom/platform/auth';

export const SLA_SCOPES = { read: 'slas:read', write: 'slas:write' } as const;

/** Staff who read SLAs, calendars and policies. */
export const SLA_READERS: StaffRole[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT', 'VIEWER'];

/** Policies and calendars are the district's: its administrators change them. */
export const SLA_ADMINS: StaffRole[] = ['DISTRICT_ADMIN'];

export const SLA_READ: FieldAccess = { roles: SLA_READERS, scopes: [SLA_SCOPES.read] };
export const SLA_WRITE: FieldAccess = { roles: SLA_ADMINS, scopes: [SLA_SCOPES.write] };

/** SLA attainment figures: those who read a school's figures (agents see their cases, not the figures). */
export const ATTAINMENT_READ: FieldAccess = {
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'VIEWER'],
  scopes: [SLA_SCOPES.read],
};
