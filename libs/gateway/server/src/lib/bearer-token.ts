import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import {
  ANONYMOUS,
  STAFF_ROLES,
  type Principal,
  type StaffGrant,
  type StaffRole,
} from '@homeroom/platform/auth';
import { DomainException, ERROR_CODES, UnauthenticatedException } from '@homeroom/shared/errors';

/** An issuer whose tokens the gateway accepts, and how its tokens become principals. */
export interface TrustedIssuer {
  /** The `iss` its tokens carry. */
  issuer: string;
  /** The `aud` its tokens must carry for this API. */
  audience: string;
  /** Where it publishes its signing keys. */
  jwksUrl: URL;
  /** The principal a verified token stands for (may ask the directory). */
  principalOf(payload: JWTPayload): Promise<Principal>;
  /** Keys to use instead of fetching `jwksUrl` (tests). */
  keys?: JWTVerifyGetKey;
}

/** About 10,000 callers' tokens: a few MiB at most. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Turns the `Authorization` header into the caller's principal: no header is the anonymous caller; a
 * bearer token must be a JWT signed by one of the trusted issuers (its JWKS, fetched and cached, fetched
 * again when a token names a key it does not know, as after a rotation), for that issuer's audience,
 * current within the allowed skew. Anything else is refused with UNAUTHENTICATED and a reason, never
 * treated as anonymous: a client that sent a token expects to act as someone.
 */
export class BearerTokenVerifier {
  private readonly issuers: Map<string, TrustedIssuer & { keys: JWTVerifyGetKey }>;
  /**
   * Tokens already verified, until they expire: a portal or vendor sends the same token with every request
   * for its lifetime, and checking an ES256 signature (and, for a district's own provider, asking the
   * directory) is most of what authentication costs. Bounded; the oldest entry goes first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(
    issuers: readonly TrustedIssuer[],
    private readonly clockToleranceSeconds: number,
  ) {
    this.issuers = new Map(
      issuers.map((trusted) => [
        trusted.issuer,
        {
          ...trusted,
          keys:
            trusted.keys ??
            createRemoteJWKSet(trusted.jwksUrl, {
              timeoutDuration: 5_000,
              // A token signed by a key we have not seen makes us look again, at most every 30 s.
              cooldownDuration: 30_000,
              cacheMaxAge: 10 * 60_000,
            }),
        },
      ]),
    );
  }

  async principalOf(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(authorization);
    if (!match)
      throw new UnauthenticatedException(
        'Send the access token as "Authorization: Bearer <jwt>"',
        'TOKEN_MALFORMED',
      );
    const token = match[1]!;
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.principal;
    if (known) this.verified.delete(token);

    // Unverified, only to choose whose keys to verify it with; the verification checks `iss` again.
    const trusted = this.issuers.get(issuerOf(token));
    if (!trusted) throw new UnauthenticatedException('The access token is not valid', 'TOKEN_INVALID');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw tokenRefusal(error);
    }
    const principal = await trusted.principalOf(payload);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, {
      principal,
      expiresAtMs: (payload.exp! + this.clockToleranceSeconds) * 1_000,
    });
    return principal;
  }
}

function issuerOf(token: string): string {
  try {
    return String(decodeJwt(token).iss ?? '');
  } catch {
    return '';
  }
}

/**
 * The directory's access tokens (docs/sign-in.md): staff tokens carry `sub` and `grants` (each role with
 * the school it was granted at, `school_id` null for district-wide), besides `roles` and `school_ids` for
 * display; API clients' tokens carry `client_id` and a space-separated `scope`. Authorization reads the
 * grants alone: a staff token without them (issued before grants existed) is refused, never guessed at.
 */
export async function principalFromClaims(payload: JWTPayload): Promise<Principal> {
  if (Array.isArray(payload['roles'])) {
    if (!payload.sub) throw new UnauthenticatedException('The token names no subject', 'TOKEN_INVALID');
    const grants = payload['grants'];
    if (!Array.isArray(grants))
      throw new UnauthenticatedException('The access token names no grants; sign in again', 'TOKEN_INVALID');
    return { kind: 'user', subject: payload.sub, grants: grants.flatMap(grantOf) };
  }
  const clientId = payload['client_id'];
  if (typeof clientId === 'string' && clientId) {
    const scope = payload['scope'];
    return {
      kind: 'client',
      subject: clientId,
      scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    };
  }
  throw new UnauthenticatedException(
    'The token names neither a staff member nor an API client',
    'TOKEN_INVALID',
  );
}

/** A grant claim as the directory writes it; anything else (an unknown role) grants nothing. */
function grantOf(claim: unknown): StaffGrant[] {
  const { role, school_id: schoolId } = (claim ?? {}) as { role?: unknown; school_id?: unknown };
  if (!(STAFF_ROLES as readonly unknown[]).includes(role)) return [];
  if (schoolId !== null && (typeof schoolId !== 'string' || !schoolId)) return [];
  return [{ role: role as StaffRole, schoolId }];
}

function tokenRefusal(error: unknown): DomainException {
  if (error instanceof joseErrors.JWTExpired)
    return new UnauthenticatedException('The access token has expired; get a new one', 'TOKEN_EXPIRED');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return new UnauthenticatedException(
      `The access token is not for this API (${error.claim})`,
      'TOKEN_INVALID',
    );
  if (error instanceof joseErrors.JWKSTimeout || isNetworkFailure(error))
    return new DomainException(
      ERROR_CODES.UPSTREAM_UNAVAILABLE,
      'The sign-in service could not be reached to check the token; try again shortly',
      'ISSUER_UNREACHABLE',
    );
  return new UnauthenticatedException('The access token is not valid', 'TOKEN_INVALID');
}

/** The JWKS could not be fetched or read: the issuer is down, not the token wrong. */
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return /fetch failed/i.test(error.message);
  return (
    error instanceof joseErrors.JOSEError &&
    error.code === 'ERR_JOSE_GENERIC' &&
    /JSON Web Key Set HTTP response/.test(error.message)
  );
}
