import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export interface FakeIdentityProvider {
  /** The issuer (`iss`), as Google's is https://accounts.google.com. */
  issuer: string;
  /** Its JWKS, as Google's https://www.googleapis.com/oauth2/v3/certs. */
  jwksUrl: string;
  /** The client id the district registered for Homeroom: the `aud` of its tokens. */
  audience: string;
  /** An ID token for these claims, signed as the provider signs them (RS256, its current key). */
  issue(claims: JWTPayload, options?: { expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A district's own OpenID Connect provider (Google Workspace, Microsoft Entra ID) on loopback, for tests of
 * staff who sign in there: its discovery document and JWKS over HTTP as the real ones publish them, and
 * RS256 tokens signed with the key the JWKS lists.
 */
export async function startFakeIdentityProvider(
  audience = 'homeroom-district-client',
): Promise<FakeIdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'district-key-1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server = createServer((request, response) => {
    const reply = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration')
      return reply({ issuer, jwks_uri: `${issuer}/certs`, id_token_signing_alg_values_supported: ['RS256'] });
    if (request.url === '/certs') return reply({ keys: [jwk] });
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/certs`,
    audience,
    issue: (claims, { expiresInSeconds = 3_600 } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(String(claims.sub ?? 'district-user'))
        .setIssuedAt()
        .setExpirationTime(`${expiresInSeconds}s`)
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
