import { EVERYONE, type AuditActor, type PersonVisibility } from '@homeroom/directory/data-access';
import type { Principal } from '@homeroom/platform/auth';

/** Scopes vendors' API clients hold for the directory. */
export const DIRECTORY_SCOPES = { read: 'directory:read', write: 'directory:write' } as const;

/** District administrators and API clients see everyone; other staff, their schools' people and the community. */
export function visibilityOf(principal: Principal): PersonVisibility {
  if (principal.kind === 'client') return EVERYONE;
  if (principal.kind === 'user' && principal.roles.includes('DISTRICT_ADMIN')) return EVERYONE;
  return { everyone: false, schoolIds: principal.kind === 'user' ? principal.schoolIds : [] };
}

export function actorOf(principal: Principal): AuditActor {
  if (principal.kind === 'anonymous') throw new Error('anonymous callers never reach audited reads');
  return { kind: principal.kind, id: principal.subject };
}
