import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { DomainException } from '@homeroom/shared/errors';
import { BearerTokenVerifier, principalFromClaims } from './bearer-token';
import { staffFromDirectory } from './directory-staff-lookup';

const ISSUER = 'http://localhost:4000/auth';
const AUDIENCE = 'homeroom-api';
const PROVIDER = 'https://accounts.google.com';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe('BearerTokenVerifier', () => {
  let sign: (
    claims: JWTPayload,
    options?: { key?: PrivateKey; expiresIn?: number; audience?: string; issuer?: string },
  ) => Promise<string>;
  let verifier: BearerTokenVerifier;
  let strangerKey: PrivateKey;
  let providerKey: PrivateKey;

  beforeAll(async () => {
    const issuerKeys = await generateKeyPair('ES256');
    const strangerKeys = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(issuerKeys.publicKey)), kid: 'k1', alg: 'ES256' };
    const providerKeys = await generateKeyPair('ES256');
    const providerJwk = { ...(await exportJWK(providerKeys.publicKey)), kid: 'g1', alg: 'ES256' };
    providerKey = providerKeys.privateKey;
    verifier = new BearerTokenVerifier(
      [
        {
          issuer: ISSUER,
          audience: AUDIENCE,
          jwksUrl: new URL(`${ISSUER}/jwks`),
          keys: createLocalJWKSet({ keys: [jwk] }),
          principalOf: principalFromClaims,
        },
        {
          // A district's own provider: its tokens name an address, which the directory maps to staff.
          issuer: PROVIDER,
          audience: 'district-client-id',
          jwksUrl: new URL(`${PROVIDER}/certs`),
          keys: createLocalJWKSet({ keys: [providerJwk] }),
          principalOf: async (payload) => ({
            kind: 'user',
            subject: `person-of-${String(payload['email'])}`,
            grants: [{ role: 'AGENT', schoolId: null }],
          }),
        },
      ],
      30,
    );
    sign = (
      claims,
      { key = issuerKeys.privateKey, expiresIn = 900, audience = AUDIENCE, issuer = ISSUER } = {},
    ) => {
      const now = Math.floor(Date.now() / 1_000);
      return new SignJWT(claims)
        .setProtectedHeader({
          alg: 'ES256',
          kid: key === issuerKeys.privateKey ? 'k1' : key === providerKey ? 'g1' : 'k2',
        })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + expiresIn)
        .sign(key);
    };
    strangerKey = strangerKeys.privateKey;
  });

  const refusal = async (authorization: string) => {
    try {
      await verifier.principalOf(authorization);
    } catch (error) {
      if (error instanceof DomainException) return { code: error.code, reason: error.reason };
      throw error;
    }
    throw new Error('the token was accepted');
  };

  it('takes no header for the anonymous caller', async () => {
    await expect(verifier.principalOf(undefined)).resolves.toEqual({ kind: 'anonymous' });
  });

  it("maps a staff token to the user's grants, leaving out roles it does not know", async () => {
    const token = await sign({
      sub: 'p-1',
      roles: ['AGENT', 'VIEWER', 'SUPERUSER'],
      school_ids: ['s-1'],
      grants: [
        { role: 'AGENT', school_id: 's-1' },
        { role: 'VIEWER', school_id: null },
        { role: 'SUPERUSER', school_id: null },
        { role: 'AGENT', school_id: 42 },
      ],
      client_id: 'homeroom-portal',
    });
    await expect(verifier.principalOf(`Bearer ${token}`)).resolves.toEqual({
      kind: 'user',
      subject: 'p-1',
      grants: [
        { role: 'AGENT', schoolId: 's-1' },
        { role: 'VIEWER', schoolId: null },
      ],
    });
  });

  it('refuses a staff token without grants rather than guess where its roles reach', async () => {
    const token = await sign({
      sub: 'p-1',
      roles: ['VIEWER'],
      school_ids: ['s-1'],
      client_id: 'homeroom-portal',
    });
    await expect(refusal(`Bearer ${token}`)).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("maps a vendor's token to its client id and scopes", async () => {
    const token = await sign({ sub: 'acme', client_id: 'acme', scope: 'directory:read cases:read' });
    await expect(verifier.principalOf(`bearer ${token}`)).resolves.toEqual({
      kind: 'client',
      subject: 'acme',
      scopes: ['directory:read', 'cases:read'],
    });
  });

  it('accepts a token expired within the allowed clock skew, and refuses one expired beyond it', async () => {
    const justExpired = await sign({ client_id: 'acme', scope: '' }, { expiresIn: -10 });
    await expect(verifier.principalOf(`Bearer ${justExpired}`)).resolves.toMatchObject({ kind: 'client' });
    const expired = await sign({ client_id: 'acme', scope: '' }, { expiresIn: -120 });
    await expect(refusal(`Bearer ${expired}`)).resolves.toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('refuses tokens for another audience or from another issuer, or signed with another key', async () => {
    for (const token of [
      await sign({ client_id: 'acme' }, { audience: 'another-api' }),
      await sign({ client_id: 'acme' }, { issuer: 'https://accounts.example' }),
      await sign({ client_id: 'acme' }, { key: strangerKey }),
    ])
      await expect(refusal(`Bearer ${token}`)).resolves.toEqual({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
  });

  it('refuses a header that is not a bearer JWT, and a token that names nobody', async () => {
    await expect(refusal('Basic dXNlcjpwYXNz')).resolves.toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_MALFORMED',
    });
    await expect(refusal(`Bearer ${await sign({ scope: 'cases:read' })}`)).resolves.toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
  });

  it('remembers a verified token only until it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'], now: Date.now() });
    try {
      const token = await sign({ client_id: 'acme', scope: 'cases:read' }, { expiresIn: 60 });
      await expect(verifier.principalOf(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'acme' });
      jest.setSystemTime(Date.now() + 80_000);
      await expect(verifier.principalOf(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'acme' });
      jest.setSystemTime(Date.now() + 20_000);
      await expect(refusal(`Bearer ${token}`)).resolves.toEqual({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_EXPIRED',
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it("takes a district provider's token by its own keys and audience, and not by the directory's", async () => {
    const google = await sign(
      { email: 'ana@district.test', email_verified: true },
      { key: providerKey, issuer: PROVIDER, audience: 'district-client-id' },
    );
    await expect(verifier.principalOf(`Bearer ${google}`)).resolves.toMatchObject({
      subject: 'person-of-ana@district.test',
    });
    // Signed by the provider but claiming to be the directory's: the directory's keys refuse it.
    const forged = await sign({ sub: 'x', roles: ['DISTRICT_ADMIN'] }, { key: providerKey });
    await expect(refusal(`Bearer ${forged}`)).resolves.toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
    const unknownIssuer = await sign({ client_id: 'acme' }, { issuer: 'https://login.example' });
    await expect(refusal(`Bearer ${unknownIssuer}`)).resolves.toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
  });
});

describe('staffFromDirectory', () => {
  // The address checks come before the directory is asked, so no directory is needed here.
  const mapping = (emailClaim: string) =>
    staffFromDirectory({
      lookupUrl: new URL('http://127.0.0.1:9/unused'),
      trustSecret: 'x'.repeat(32),
      emailClaim,
    });
  const reasonOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: DomainException) => error.reason,
    );

  it('needs an address the provider has verified', async () => {
    await expect(reasonOf(mapping('email')({ email: 'ana@district.test' }))).resolves.toBe(
      'EMAIL_NOT_VERIFIED',
    );
    await expect(reasonOf(mapping('email')({ email_verified: true }))).resolves.toBe('EMAIL_MISSING');
    await expect(
      reasonOf(mapping('preferred_username')({ preferred_username: 'not-an-address' })),
    ).resolves.toBe('EMAIL_MISSING');
  });

  it('says the directory is unreachable, rather than that the caller is unknown', async () => {
    await expect(
      reasonOf(mapping('preferred_username')({ preferred_username: 'ana@district.test' })),
    ).resolves.toBe('DIRECTORY_UNREACHABLE');
  });
});
