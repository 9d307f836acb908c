import type { JWTPayload } from 'jose';
import { ANONYMOUS, signPrincipal, type Principal, type StaffRole } from '@homeroom/platform/auth';
import { DomainException, ERROR_CODES, UnauthenticatedException } from '@homeroom/shared/errors';

export interface StaffIdentityProviderSettings {
  /** The directory's `POST /internal/staff-principals`. */
  lookupUrl: URL;
  trustSecret: string;
  /**
   * The claim holding the staff member's address: `email` (then `email_verified` must be true: Google
   * Workspace), or `preferred_username` for Microsoft Entra ID, whose tenant vouches for it.
   */
  emailClaim: string;
}

/**
 * Staff signed in at the district's own identity provider: the token proves an address, and the directory
 * says who has it and what they may do (docs/sign-in.md). Roles never come from the provider's token, so a
 * group there cannot grant anything here.
 */
export function staffFromDirectory(
  settings: StaffIdentityProviderSettings,
): (payload: JWTPayload) => Promise<Principal> {
  return async (payload) => {
    const email = addressIn(payload, settings.emailClaim);
    let response: Response;
    try {
      response = await fetch(settings.lookupUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal(ANONYMOUS, settings.trustSecret) },
        body: JSON.stringify({ email }),
        signal: AbortSignal.timeout(5_000),
      });
    } catch {
      throw directoryUnavailable();
    }
    if (response.status === 404) {
      const { error } = (await response.json()) as { error?: string };
      throw new UnauthenticatedException(
        error === 'AMBIGUOUS_EMAIL'
          ? 'More than one staff member has this address in the directory; ask the district to fix it'
          : 'This account is not a member of the district’s staff in Homeroom',
        error === 'AMBIGUOUS_EMAIL' ? 'AMBIGUOUS_EMAIL' : 'NOT_STAFF',
      );
    }
    if (!response.ok) throw directoryUnavailable();
    const staff = (await response.json()) as { personId: string; roles: StaffRole[]; schoolIds: string[] };
    return { kind: 'user', subject: staff.personId, roles: staff.roles, schoolIds: staff.schoolIds };
  };
}

function addressIn(payload: JWTPayload, claim: string): string {
  const value = payload[claim];
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value))
    throw new UnauthenticatedException(`The token carries no address in ${claim}`, 'EMAIL_MISSING');
  if (claim === 'email' && payload['email_verified'] !== true)
    throw new UnauthenticatedException(
      'The identity provider has not verified this address',
      'EMAIL_NOT_VERIFIED',
    );
  return value;
}

function directoryUnavailable(): DomainException {
  return new DomainException(
    ERROR_CODES.UPSTREAM_UNAVAILABLE,
    'The directory could not be asked who this is; try again shortly',
    'DIRECTORY_UNREACHABLE',
  );
}
