import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { ANONYMOUS, signPrincipal, type Principal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import {
  clientCredentialsToken,
  CookieJar,
  freePort,
  PORTAL_REDIRECT_URI,
  signInThroughPortal,
  testKafkaBrokers,
} from '@homeroom/platform/testing';
import { mountSignIn } from '@homeroom/directory/feature-auth';
import {
  DEMO_ADMIN_EMAIL,
  demoSeedServices,
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  seedDemoDistrict,
  seedDemoSignIns,
} from '@homeroom/directory/data-access';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

const SECRET = 'directory-test-secret-0123456789abcdef';
const PASSWORD = 'homeroom-demo';
const REDIRECT_URI = PORTAL_REDIRECT_URI;
const admin: Principal = { kind: 'user', subject: 'admin-1', roles: ['DISTRICT_ADMIN'], schoolIds: [] };

/**
 * The directory as the district's OpenID issuer, driven over HTTP as the portal, a vendor and an
 * administrator would: discovery and JWKS, client credentials, authorization code with PKCE through the
 * login page, lockout, and signing-key rotation.
 */
describe('sign-in', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let origin: string;
  let issuer: string;

  beforeAll(async () => {
    database = await createTestDatabase('sign_in', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    const services = demoSeedServices(database.dataSource);
    await seedDemoDistrict(services);
    await seedDemoSignIns(services, PASSWORD);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    issuer = `${origin}/auth`;
    const config = loadDirectoryConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      GATEWAY_TRUST_SECRET: SECRET,
      OIDC_ISSUER: issuer,
      OIDC_COOKIE_KEYS: 'cookie-key-for-tests-0123456789abcdef',
    });
    app = await NestFactory.create(DirectoryAppModule.forRoot(config), { logger: false });
    mountSignIn(app);
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
  async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(admin, SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }

  const clientCredentials = (clientId: string, secret: string, scope: string) =>
    clientCredentialsToken(issuer, clientId, secret, scope);

  const jwks = () => createRemoteJWKSet(new URL(`${issuer}/jwks`));

  it('publishes discovery and the JWKS under the issuer', async () => {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/jwks`,
      token_endpoint: `${issuer}/token`,
      authorization_endpoint: `${issuer}/auth`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials']),
    );
    const keys = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys.keys[0]).not.toHaveProperty('d');
  });

  it('gives a vendor a JWT for the API by client credentials, only within its scopes', async () => {
    const issued = await graphql(
      'mutation { createApiClient(name: "Acme SIS", scopes: ["directory:read", "cases:read"]) { client { clientId scopes } secret } }',
    );
    const { clientId } = issued.data.createApiClient.client;
    const { secret } = issued.data.createApiClient;
    expect(clientId).toMatch(/^acme-sis-[0-9a-f]{8}$/);
    const [{ secret_hash }] = await database.dataSource.query(
      'SELECT secret_hash FROM api_client WHERE client_id = $1',
      [clientId],
    );
    expect(secret_hash).toMatch(/^\$argon2id\$/);
    expect(secret_hash).not.toContain(secret);

    const token = await clientCredentials(clientId, secret, 'directory:read');
    expect(token).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'directory:read' } });
    const { payload, protectedHeader } = await jwtVerify(token.body['access_token']!, jwks(), {
      issuer,
      audience: 'homeroom-api',
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ client_id: clientId, scope: 'directory:read' });
    expect(payload.exp! - payload.iat!).toBe(3600);

    const beyond = await clientCredentials(clientId, secret, 'directory:write');
    expect(beyond.body['error']).toBe('invalid_scope');
    expect((await clientCredentials(clientId, 'wrong-secret', 'directory:read')).status).toBe(401);

    const rotated = await graphql(
      'mutation($id: String!) { rotateApiClientSecret(clientId: $id) { secret } }',
      { id: clientId },
    );
    expect((await clientCredentials(clientId, secret, 'directory:read')).status).toBe(401);
    expect(
      (await clientCredentials(clientId, rotated.data.rotateApiClientSecret.secret, 'directory:read')).status,
    ).toBe(200);

    await graphql('mutation($id: String!) { revokeApiClient(clientId: $id) { revokedAt } }', {
      id: clientId,
    });
    expect(
      (await clientCredentials(clientId, rotated.data.rotateApiClientSecret.secret, 'directory:read')).body[
        'error'
      ],
    ).toBe('invalid_client');
  });

  it('tells when a client last got a token: never before, the grant after, no write for a wrong secret', async () => {
    const issued = (
      await graphql(
        'mutation { createApiClient(name: "Bus tracker", scopes: ["cases:read"]) { client { clientId } secret } }',
      )
    ).data.createApiClient;
    const { clientId } = issued.client;
    const lastUsed = async (): Promise<string | null> =>
      (await graphql('{ apiClients { clientId lastUsedAt } }')).data.apiClients.find(
        (client: { clientId: string }) => client.clientId === clientId,
      ).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    expect((await clientCredentials(clientId, 'wrong-secret', 'cases:read')).status).toBe(401);
    expect(await lastUsed()).toBeNull();

    const before = Date.now();
    expect((await clientCredentials(clientId, issued.secret, 'cases:read')).status).toBe(200);
    const first = await lastUsed();
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(first!)).toBeLessThanOrEqual(Date.now() + 1_000);
    expect((await clientCredentials(clientId, issued.secret, 'cases:read')).status).toBe(200);
    expect(Date.parse((await lastUsed())!)).toBeGreaterThan(Date.parse(first!));
  });

  it('signs staff in to the portal with authorization code and PKCE, carrying their roles', async () => {
    const { access_token: accessToken, id_token: idToken } = await signInThroughPortal(
      issuer,
      DEMO_ADMIN_EMAIL,
      PASSWORD,
    );
    const access = await jwtVerify(accessToken!, jwks(), { issuer, audience: 'homeroom-api' });
    const [adminPerson] = await database.dataSource.query(
      `SELECT id FROM person WHERE emails @> '[{"address": "admin@homeroom.test"}]'`,
    );
    expect(access.payload).toMatchObject({
      sub: adminPerson.id,
      roles: ['DISTRICT_ADMIN'],
      school_ids: [],
      client_id: 'homeroom-portal',
    });
    const id = await jwtVerify(idToken!, jwks(), { issuer, audience: 'homeroom-portal' });
    expect(id.payload).toMatchObject({ sub: adminPerson.id, email: DEMO_ADMIN_EMAIL });
  });

  it('refuses PKCE-less authorization requests', async () => {
    const response = await fetch(
      `${issuer}/auth?${new URLSearchParams({ client_id: 'homeroom-portal', response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid' })}`,
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/requires PKCE/);
  });

  it('locks an account after five wrong passwords, and an administrator reset unlocks it', async () => {
    const [agent] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email FROM person p JOIN staff_role r ON r.person_id = p.id WHERE r.role = 'AGENT' AND r.school_id IS NOT NULL LIMIT 1`,
    );
    await graphql(
      'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a long agent passphrase") }',
      { id: agent.id },
    );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await submitLogin(agent.email, 'not the password')).status).toBe(401);
    }
    const locked = await submitLogin(agent.email, 'a long agent passphrase');
    expect(locked.status).toBe(423);
    expect(locked.html).toContain('locked for 15 minutes');
    await graphql(
      'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a new agent passphrase") }',
      { id: agent.id },
    );
    const tokens = await signInThroughPortal(issuer, agent.email, 'a new agent passphrase');
    const access = await jwtVerify(tokens.access_token!, jwks(), { issuer, audience: 'homeroom-api' });
    expect(access.payload['roles']).toEqual(['AGENT']);
    expect((access.payload['school_ids'] as string[]).length).toBe(1);
  });

  it('rotates signing keys: new tokens use the new key, tokens signed before still verify', async () => {
    const before = await clientCredentials('demo-vendor', 'demo-vendor-secret', 'cases:read');
    const rotated = await graphql('mutation { rotateSigningKeys }');
    const newKid = rotated.data.rotateSigningKeys;
    const keys = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(keys.keys.map((k) => k.kid)).toContain(newKid);
    expect(keys.keys).toHaveLength(2);
    const after = await clientCredentials('demo-vendor', 'demo-vendor-secret', 'cases:read');
    expect(decodeProtectedHeader(after.body['access_token']!).kid).toBe(newKid);
    expect(decodeProtectedHeader(before.body['access_token']!).kid).not.toBe(newKid);
    const fresh = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    await expect(
      jwtVerify(before.body['access_token']!, fresh, { issuer, audience: 'homeroom-api' }),
    ).resolves.toBeDefined();
    await expect(
      jwtVerify(after.body['access_token']!, fresh, { issuer, audience: 'homeroom-api' }),
    ).resolves.toBeDefined();
  });

  it("tells the gateway who a district identity provider's user is here, only when exactly one staff member has the address", async () => {
    const lookup = (email: unknown, headers: Record<string, string> = signPrincipal(ANONYMOUS, SECRET)) =>
      fetch(`${origin}/internal/staff-principals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email }),
      });
    expect((await lookup(DEMO_ADMIN_EMAIL, {})).status).toBe(401);

    const admin = await lookup(DEMO_ADMIN_EMAIL.toUpperCase());
    expect(admin.status).toBe(200);
    expect(await admin.json()).toMatchObject({ roles: ['DISTRICT_ADMIN'], schoolIds: [] });

    const [agent] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email, r.school_id FROM person p JOIN staff_role r ON r.person_id = p.id
        WHERE r.role = 'AGENT' AND r.school_id IS NOT NULL ORDER BY p.id LIMIT 1`,
    );
    expect(await (await lookup(agent.email)).json()).toEqual({
      personId: agent.id,
      roles: ['AGENT'],
      schoolIds: [agent.school_id],
    });

    expect((await lookup('nobody@homeroom.test')).status).toBe(404);
    expect((await lookup('not an address')).status).toBe(400);
    // Two staff members sharing an address: neither is chosen.
    await database.dataSource.query(
      `UPDATE person SET emails = emails || jsonb_build_array(jsonb_build_object('address', $1::text, 'primary', false))
        WHERE id = (SELECT person_id FROM staff_role WHERE role = 'VIEWER' ORDER BY person_id LIMIT 1)`,
      [agent.email],
    );
    const shared = await lookup(agent.email);
    expect(shared.status).toBe(404);
    expect(await shared.json()).toEqual({ error: 'AMBIGUOUS_EMAIL' });
  });

  async function submitLogin(email: string, password: string): Promise<{ status: number; html: string }> {
    const jar = new CookieJar();
    const challenge = createHash('sha256').update('v'.repeat(43)).digest('base64url');
    const location = await jar.follow(
      `${issuer}/auth?${new URLSearchParams({ client_id: 'homeroom-portal', response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' })}`,
    );
    const response = await fetch(new URL(`${location}/login`, origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ email, password }),
    });
    return { status: response.status, html: await response.text() };
  }
});
