import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { createGateway, listen, type Gateway } from '@homeroom/gateway/server';
import { createLogger } from '@homeroom/platform/observability';
import { loadGatewayConfig } from './config';
import { gatewaySettings } from './gateway-settings';

/**
 * The gateway's own answers at the public origin, built from its configuration as `main.ts` builds it, with a
 * stand-in for the directory's sign-in on loopback: what a caller without a token is told, and what
 * passes through `/auth` in each direction.
 */
describe('the public origin', () => {
  const received: IncomingHttpHeaders[] = [];
  let signIn: Server;
  let gateway: Gateway;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    signIn = createServer((request, response) => {
      received.push(request.headers);
      // What the directory's Express app said about itself before it stopped saying it.
      response.setHeader('X-Powered-By', 'Express');
      response.setHeader('Content-Type', 'application/json');
      response.end('{"issuer":"http://localhost:4000/auth"}');
    });
    await new Promise<void>((resolve) => signIn.listen(0, '127.0.0.1', resolve));
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      GATEWAY_TRUST_SECRET: 'gateway-test-secret-0123456789abcdef',
      SIGN_IN_URL: `http://127.0.0.1:${(signIn.address() as AddressInfo).port}/auth`,
      // Production names every other address too: the local development ones, as before.
      DIRECTORY_SUBGRAPH_URL: 'http://localhost:4001/graphql',
      CASES_SUBGRAPH_URL: 'http://localhost:4002/graphql',
      SLAS_SUBGRAPH_URL: 'http://localhost:4003/graphql',
      SURVEYS_SUBGRAPH_URL: 'http://localhost:4004/graphql',
      ATTACHMENTS_URL: 'http://localhost:4002/attachments',
      TEXT_MESSAGES_URL: 'http://localhost:4002/sms',
      CHAT_URL: 'http://localhost:4002/chat',
      OIDC_ISSUER: 'http://localhost:4000/auth',
      CORS_ORIGINS: 'http://localhost:4200',
      // Nothing in front of this gateway: the client address is the connection's, whatever it claims.
      TRUST_PROXY: 'false',
    });
    gateway = await createGateway(
      gatewaySettings(config, {
        logger: createLogger({ service: 'gateway', level: 'silent' }),
        registry: new Registry(),
      }),
    );
    server = await listen(gateway.app, 0, '127.0.0.1');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await gateway?.stop();
    await new Promise((resolve) => signIn?.close(resolve));
  });

  it('challenges a caller without a token to an operation that needs one (RFC 6750 §3)', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ people(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    // No error code: the request carried no token at all (§3.1 is for a token that failed).
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="homeroom"');
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves /auth without naming the framework behind it', async () => {
    const response = await fetch(`${origin}/auth/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('tells the sign-in the caller address it determined, never one the caller made up', async () => {
    await fetch(`${origin}/auth/jwks`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(received.at(-1)!['x-forwarded-for']).toBe('127.0.0.1');
  });
});
