import type { JWTPayload } from 'jose';
import { ANONYMOUS, signPrincipal, type Principal, type StaffGrant } from '@homeroom/platform/auth';
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
    const { personId, grants } = await askDirectory(settings, {
      email: addressIn(payload, settings.emailClaim),
    });
    return { kind: 'user', subject: personId, grants };
  };
}

/**
 * A signed-in staff member's grants as the directory holds them now: what the gateway checks before each
 * of their writes, so that a role taken away stops working at the next change rather than when the token
 * carrying it expires. No longer staff, or no role left: no grants (the services then refuse the write).
 */
export function currentGrantsFromDirectory(
  settings: Pick<StaffIdentityProviderSettings, 'lookupUrl' | 'trustSecret'>,
): (personId: string) => Promise<StaffGrant[]> {
  return async (personId) => {
    try {
      return (await askDirectory(settings, { personId })).grants;
    } catch (error) {
      if (error instanceof UnauthenticatedException) return [];
      throw error;
    }
  };
}

async function askDirectory(
  settings: Pick<StaffIdentityProviderSettings, 'lookupUrl' | 'trustSecret'>,
  question: { email: string } | { personId: string },
): Promise<{ personId: string; grants: StaffGrant[] }> {
  let response: Response;
  try {
    response = await fetch(settings.lookupUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(ANONYMOUS, settings.trustSecret) },
      body: JSON.stringify(question),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    throw directoryUnavailable();
  }
  if (response.status === 404) {
    const { error } = (await response.json()) as { error?: string };
    throw lookupRefusal(error);
  }
  if (!response.ok) throw directoryUnavailable();
  return (await response.json()) as { personId: string; grants: StaffGrant[] };
}

function lookupRefusal(error: string | undefined): UnauthenticatedException {
  switch (error) {
    case 'AMBIGUOUS_EMAIL':
      return new UnauthenticatedException(
        'More than one staff member has this address in the directory; ask the district to fix it',
        'AMBIGUOUS_EMAIL',
      );
    case 'NO_ROLE':
      return new UnauthenticatedException(
        'Your account has no role in Homeroom; ask your district administrator',
        'NO_ROLE',
      );
    default:
      return new UnauthenticatedException(
        'This account is not a member of the district’s staff in Homeroom',
        'NOT_STAFF',
      );
  }
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
