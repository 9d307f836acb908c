import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { ANONYMOUS, type Principal, signPrincipal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import {
  clientCredentialsToken,
  CookieJar,
  freePort,
  PORTAL_REDIRECT_URI,
  signInThroughPortal,
  startGroupAtEnd,
  testKafkaBrokers,
  uniqueName,
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
import { SIGN_IN_THROTTLES, throttleKey } from '@homeroom/directory/domain';
import { loadDirectoryConfig } from './config';
import { DirectoryAppModule } from './directory-app.module';

const SECRET = 'directory-test-secret-0123456789abcdef';
const PASSWORD = 'homeroom-demo';
const REDIRECT_URI = PORTAL_REDIRECT_URI;
const admin: Principal = staffPrincipal('admin-1', { role: 'DISTRICT_ADMIN', schoolId: null });

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
      // The directory consumes the cases topic (SmsConsentChanged): a group of its own, from what comes next.
      KAFKA_CONSUMER_GROUP: uniqueName('directory-sign-in-test', '-'),
      GATEWAY_TRUST_SECRET: SECRET,
      OIDC_ISSUER: issuer,
      PORTAL_REDIRECT_URIS: REDIRECT_URI,
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
      OIDC_COOKIE_KEYS: 'cookie-key-for-tests-0123456789abcdef',
    });
    await startGroupAtEnd(config.KAFKA_CONSUMER_GROUP);
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
      grants: [{ role: 'DISTRICT_ADMIN', school_id: null }],
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

  it('answers an unknown address, a wrong password and a throttled account alike; a password reset lifts the wait', async () => {
    const [agent] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email FROM person p JOIN staff_role r ON r.person_id = p.id WHERE r.role = 'AGENT' AND r.school_id IS NOT NULL LIMIT 1`,
    );
    await graphql(
      'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a long agent passphrase") }',
      { id: agent.id },
    );
    const unknown = await submitLogin('nobody.here@homeroom.test', 'not the password', '127.0.0.21');
    const wrong = await submitLogin(agent.email, 'not the password', '127.0.0.22');
    expect(wrong.status).toBe(401);
    expect(answerOf(unknown)).toEqual(answerOf(wrong));
    // Four more failures, each from another address: the account's own count, not an address's.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(answerOf(await submitLogin(agent.email, 'not the password', `127.0.0.${23 + attempt}`))).toEqual(
        answerOf(wrong),
      );
    }
    // Now the right password waits too, and is answered in the same status and words: nothing says the
    // account exists, or is being waited on.
    const throttled = await submitLogin(agent.email, 'a long agent passphrase', '127.0.0.30');
    expect(answerOf(throttled)).toEqual(answerOf(wrong));
    // An address nobody has is counted and delayed exactly the same way.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await submitLogin('nobody.here@homeroom.test', 'not the password', `127.0.0.${31 + attempt}`);
    }
    expect(answerOf(await submitLogin('nobody.here@homeroom.test', 'anything', '127.0.0.40'))).toEqual(
      answerOf(wrong),
    );
    // The refused attempts are audited, by id: no address, email or password is kept.
    const audit = await database.dataSource.query(
      `SELECT channel, event, scope, subject, person_id, client_id FROM sign_in_audit WHERE scope = 'ACCOUNT' ORDER BY id`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          channel: 'PASSWORD',
          event: 'REFUSED',
          scope: 'ACCOUNT',
          subject: throttleKey('ACCOUNT', agent.email).slice('ACCOUNT:'.length, 'ACCOUNT:'.length + 16),
          person_id: agent.id,
          client_id: null,
        },
        expect.objectContaining({ event: 'REFUSED', person_id: null }),
      ]),
    );
    expect(JSON.stringify(audit)).not.toMatch(/homeroom\.test|127\.0\.0|passphrase/);
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
    expect(await admin.json()).toMatchObject({ grants: [{ role: 'DISTRICT_ADMIN', schoolId: null }] });

    const [agent] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email, r.school_id FROM person p JOIN staff_role r ON r.person_id = p.id
        WHERE r.role = 'AGENT' AND r.school_id IS NOT NULL ORDER BY p.id LIMIT 1`,
    );
    expect(await (await lookup(agent.email)).json()).toEqual({
      personId: agent.id,
      grants: [{ role: 'AGENT', schoolId: agent.school_id }],
    });

    // Staff whose every role was taken away are not let in as no one in particular.
    const [roleless] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email FROM person p JOIN staff_role r ON r.person_id = p.id
        WHERE r.role = 'VIEWER' AND p.id <> $1 ORDER BY p.id LIMIT 1`,
      [agent.id],
    );
    await database.dataSource.query('DELETE FROM staff_role WHERE person_id = $1', [roleless.id]);
    const noRole = await lookup(roleless.email);
    expect([noRole.status, await noRole.json()]).toEqual([404, { error: 'NO_ROLE' }]);

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

  it('delays every attempt from an address that failed too often, whichever accounts it tried, and waits twice as long after each further failure', async () => {
    const address = '127.0.2.1';
    const failures = SIGN_IN_THROTTLES.ADDRESS.failuresBeforeDelay;
    for (let attempt = 0; attempt < failures; attempt += 1) {
      expect((await submitLogin(`sprayed-${attempt}@homeroom.test`, 'Winter2025!', address)).status).toBe(
        401,
      );
    }
    const refused = await submitLogin(DEMO_ADMIN_EMAIL, PASSWORD, address);
    expect(refused.status).toBe(401);
    expect(answerOf(refused)).toEqual(
      answerOf(await submitLogin('sprayed-0@homeroom.test', 'x', '127.0.2.9')),
    );
    expect((await submitLogin(DEMO_ADMIN_EMAIL, PASSWORD, '127.0.2.2')).status).toBe(303);

    const key = throttleKey('ADDRESS', address);
    const wait = async (): Promise<number> =>
      (
        await database.dataSource.query(
          'SELECT extract(epoch FROM delayed_until - now())::float AS seconds FROM sign_in_throttle WHERE key = $1',
          [key],
        )
      )[0].seconds;
    const first = await wait();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(SIGN_IN_THROTTLES.ADDRESS.firstDelaySeconds);
    // The wait is over (ended here rather than waited out): the next failure is evaluated, and the wait
    // after it is twice as long.
    await database.dataSource.query('UPDATE sign_in_throttle SET delayed_until = now() WHERE key = $1', [
      key,
    ]);
    expect((await submitLogin('sprayed-next@homeroom.test', 'Winter2025!', address)).status).toBe(401);
    expect(await wait()).toBeGreaterThan(SIGN_IN_THROTTLES.ADDRESS.firstDelaySeconds * 1.5);
    // The failure that began the wait and the attempt refused during it are audited, naming no account.
    const audit = await database.dataSource.query(
      `SELECT channel, event, person_id FROM sign_in_audit WHERE scope = 'ADDRESS' AND subject = $1 ORDER BY id`,
      [key.slice('ADDRESS:'.length, 'ADDRESS:'.length + 16)],
    );
    expect(audit.slice(0, 2)).toEqual([
      { channel: 'PASSWORD', event: 'DELAYED', person_id: null },
      { channel: 'PASSWORD', event: 'REFUSED', person_id: null },
    ]);
  });

  it("lets a district administrator lift a staff member's wait, and no one else", async () => {
    const [viewer] = await database.dataSource.query(
      `SELECT p.id, p.emails->0->>'address' AS email FROM person p JOIN staff_role r ON r.person_id = p.id WHERE r.role = 'VIEWER' ORDER BY p.id DESC LIMIT 1`,
    );
    await graphql(
      'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a long viewer passphrase") }',
      { id: viewer.id },
    );
    for (let attempt = 0; attempt < SIGN_IN_THROTTLES.ACCOUNT.failuresBeforeDelay; attempt += 1) {
      await submitLogin(viewer.email, 'not the password', `127.0.5.${attempt + 1}`);
    }
    expect((await submitLogin(viewer.email, 'a long viewer passphrase', '127.0.5.20')).status).toBe(401);

    const unlock = 'mutation($id: ID!) { unlockStaffSignIn(personId: $id) }';
    const anonymous = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(ANONYMOUS, SECRET) },
      body: JSON.stringify({ query: unlock, variables: { id: viewer.id } }),
    });
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect((await submitLogin(viewer.email, 'a long viewer passphrase', '127.0.5.21')).status).toBe(401);

    expect(await graphql(unlock, { id: viewer.id })).toEqual({ data: { unlockStaffSignIn: true } });
    expect((await submitLogin(viewer.email, 'a long viewer passphrase', '127.0.5.22')).status).toBe(303);
    const [entry] = await database.dataSource.query(
      `SELECT event, actor_id FROM sign_in_audit WHERE person_id = $1 AND event = 'UNLOCKED'`,
      [viewer.id],
    );
    expect(entry).toEqual({ event: 'UNLOCKED', actor_id: admin.kind === 'user' ? admin.subject : null });
  });

  it('throttles client credentials per client and per address, answering invalid_client alike', async () => {
    const issued = (
      await graphql(
        'mutation { createApiClient(name: "Guessed vendor", scopes: ["cases:read"]) { client { clientId } secret } }',
      )
    ).data.createApiClient;
    const { clientId } = issued.client;
    const token = async (id: string, secret: string, address: string) => {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
          'x-forwarded-for': address,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'cases:read' }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    const unknown = await token('no-such-client', 'whatever', '127.0.3.1');
    const wrong = await token(clientId, 'wrong-secret', '127.0.3.2');
    expect(wrong).toEqual({ status: 401, body: expect.objectContaining({ error: 'invalid_client' }) });
    expect(unknown).toEqual(wrong);
    // Each failed request is one failure of its address, whether or not a secret was compared.
    expect(
      await database.dataSource.query(
        'SELECT failures FROM sign_in_throttle WHERE key = ANY($1) ORDER BY key',
        [[throttleKey('ADDRESS', '127.0.3.1'), throttleKey('ADDRESS', '127.0.3.2')]],
      ),
    ).toEqual([{ failures: 1 }, { failures: 1 }]);
    for (let attempt = 0; attempt < SIGN_IN_THROTTLES.CLIENT.failuresBeforeDelay - 1; attempt += 1) {
      expect(await token(clientId, 'wrong-secret', `127.0.3.${3 + attempt}`)).toEqual(wrong);
    }
    expect(await token(clientId, issued.secret, '127.0.3.10')).toEqual(wrong);
    // A new secret lifts the client's wait: the vendor's next request with it works at once.
    const rotated = await graphql(
      'mutation($id: String!) { rotateApiClientSecret(clientId: $id) { secret } }',
      { id: clientId },
    );
    expect((await token(clientId, rotated.data.rotateApiClientSecret.secret, '127.0.3.11')).status).toBe(200);

    const address = '127.0.3.20';
    for (let attempt = 0; attempt < SIGN_IN_THROTTLES.ADDRESS.failuresBeforeDelay; attempt += 1) {
      expect(await token(`guessed-${attempt}`, 'whatever', address)).toEqual(wrong);
    }
    expect(await token('demo-vendor', 'demo-vendor-secret', address)).toEqual(wrong);
    expect((await token('demo-vendor', 'demo-vendor-secret', '127.0.3.21')).status).toBe(200);

    const audit = await database.dataSource.query(
      `SELECT event, scope, client_id FROM sign_in_audit WHERE channel = 'CLIENT_CREDENTIALS' AND event = 'REFUSED' ORDER BY id`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { event: 'REFUSED', scope: 'CLIENT', client_id: clientId },
        { event: 'REFUSED', scope: 'ADDRESS', client_id: 'demo-vendor' },
      ]),
    );
  });

  it('refuses a staff member who has no role at sign-in, and says why', async () => {
    const created = await graphql(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      {
        input: {
          kind: 'STAFF',
          givenName: 'Nadia',
          familyName: 'Noroles',
          emails: [{ address: 'nadia.noroles@homeroom.test', primary: true }],
        },
      },
    );
    await graphql(
      'mutation($id: ID!) { setStaffPassword(personId: $id, password: "a long passphrase of hers") }',
      {
        id: created.data.createPerson.id,
      },
    );
    const refused = await submitLogin(
      'nadia.noroles@homeroom.test',
      'a long passphrase of hers',
      '127.0.4.1',
    );
    expect(refused.status).toBe(403);
    expect(answerOf(refused).error).toBe(
      'Your account has no role in Homeroom; ask your district administrator.',
    );
    // Only the account's owner learns that: a wrong password gets the common answer.
    const wrong = await submitLogin('nadia.noroles@homeroom.test', 'not her password', '127.0.4.1');
    expect(answerOf(wrong)).toEqual(
      answerOf(await submitLogin('nobody.here@homeroom.test', 'x', '127.0.4.2')),
    );
  });

  it('builds every URL from the configured issuer, whatever Host or X-Forwarded-Host a request names', async () => {
    const forwarded = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      })
    ).json()) as Record<string, unknown>;
    const hosted = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const url = new URL(`${issuer}/.well-known/openid-configuration`);
      httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example:666' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>));
        },
      )
        .on('error', reject)
        .end();
    });
    for (const discovery of [forwarded, hosted]) {
      expect(discovery).toMatchObject({
        issuer,
        jwks_uri: `${issuer}/jwks`,
        token_endpoint: `${issuer}/token`,
        authorization_endpoint: `${issuer}/auth`,
      });
      expect(JSON.stringify(discovery)).not.toMatch(/evil\.example|https:/);
    }
  });

  it('answers invalid_target, not a server error, for a resource it does not serve', async () => {
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('demo-vendor:demo-vendor-secret').toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'cases:read',
        resource: 'urn:example:not-ours',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_target' });
  });

  it('does not name its framework under /auth', async () => {
    const jar = new CookieJar();
    const location = await jar.follow(
      `${issuer}/auth?${new URLSearchParams({ client_id: 'homeroom-portal', response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', code_challenge: createHash('sha256').update('v'.repeat(43)).digest('base64url'), code_challenge_method: 'S256' })}`,
    );
    const page = await fetch(new URL(location, origin), { headers: { cookie: jar.header() } });
    expect(page.status).toBe(200);
    for (const response of [
      page,
      await fetch(`${issuer}/.well-known/openid-configuration`),
      await fetch(`${issuer}/jwks`),
    ])
      expect(response.headers.get('x-powered-by')).toBeNull();
  });

  /** What a person sees of a refused sign-in: the status and the words of the page's error region. */
  function answerOf({ status, html }: { status: number; html: string }): { status: number; error?: string } {
    return { status, error: /<div role="alert" id="error">([^<]*)<\/div>/.exec(html)?.[1] };
  }

  /** The sign-in form sent from `address`, as the gateway names the caller in X-Forwarded-For. */
  async function submitLogin(
    email: string,
    password: string,
    address = '127.0.0.1',
  ): Promise<{ status: number; html: string }> {
    const jar = new CookieJar();
    const challenge = createHash('sha256').update('v'.repeat(43)).digest('base64url');
    const location = await jar.follow(
      `${issuer}/auth?${new URLSearchParams({ client_id: 'homeroom-portal', response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' })}`,
    );
    const response = await fetch(new URL(`${location}/login`, origin), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: jar.header(),
        'x-forwarded-for': address,
      },
      body: new URLSearchParams({ email, password }),
    });
    return { status: response.status, html: await response.text() };
  }
});
