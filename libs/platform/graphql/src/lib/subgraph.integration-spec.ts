import { type INestApplication, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { NotFoundException } from '@homeroom/shared/errors';
import {
  ANONYMOUS,
  AuthorizationGuard,
  gatewayTrust,
  type Principal,
  Public,
  Roles,
  signPrincipal,
  staffPrincipal,
} from '@homeroom/platform/auth';
import { ObservabilityModule } from '@homeroom/platform/observability';
import { decodeCursor } from './cursor';
import { ConnectionType, PageArgs, pageSize, toConnection } from './pagination';
import { subgraphModule } from './subgraph.module';

const SECRET = 'test-secret-shared-with-the-gateway-0123456789';

@ObjectType()
class Widget {
  @Field(() => ID)
  id!: string;
}
const WidgetConnection = ConnectionType(Widget);
const WIDGETS = Array.from({ length: 45 }, (_, i) => ({ id: `w-${String(i).padStart(3, '0')}` }));

@Resolver(() => Widget)
class WidgetResolver {
  @Public()
  @Query(() => WidgetConnection)
  widgets(@Args() { first, after }: PageArgs) {
    const size = pageSize(first);
    const [afterId] = after ? decodeCursor(after, 1) : [''];
    const rows = WIDGETS.filter((w) => w.id > String(afterId)).slice(0, size + 1);
    return toConnection(
      rows,
      size,
      WIDGETS.length,
      (w) => [w.id],
      (w) => w,
    );
  }

  @Query(() => Widget)
  widget(@Args('id', { type: () => ID }) _id: string): Widget {
    throw new NotFoundException('Widget');
  }

  @Roles('DISTRICT_ADMIN')
  @Query(() => String)
  districtSettings(): string {
    return 'settings';
  }

  @Public()
  @Query(() => String)
  broken(): string {
    throw new Error('connection string with a password in it');
  }
}

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'widgets', logLevel: 'silent' }),
    subgraphModule({ production: true }),
  ],
  providers: [WidgetResolver, { provide: APP_GUARD, useClass: AuthorizationGuard }],
})
class WidgetsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(gatewayTrust(SECRET)).forRoutes('graphql');
  }
}

describe('a platform subgraph', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WidgetsModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  async function graphql(query: string, principal: Principal | null = ANONYMOUS) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(principal ? signPrincipal(principal, SECRET) : {}) },
      body: JSON.stringify({ query }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL responses are checked field by field below
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  const agent: Principal = staffPrincipal('staff-1', { role: 'AGENT', schoolId: null });

  it('refuses a request that did not come through the gateway', async () => {
    const { status, body } = await graphql('{ widgets { totalCount } }', null);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions.code).toBe('GATEWAY_TRUST_REQUIRED');
  });

  it('pages through a Relay connection with opaque cursors', async () => {
    const first = await graphql(
      '{ widgets(first: 20) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.widgets.totalCount).toBe(45);
    expect(first.body.data.widgets.edges).toHaveLength(20);
    expect(first.body.data.widgets.pageInfo.hasNextPage).toBe(true);
    const ids: string[] = first.body.data.widgets.edges.map((e: { node: { id: string } }) => e.node.id);
    let cursor: string | null = first.body.data.widgets.pageInfo.endCursor;
    while (cursor) {
      const next = await graphql(
        `{ widgets(first: 20, after: "${cursor}") { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      );
      ids.push(...next.body.data.widgets.edges.map((e: { node: { id: string } }) => e.node.id));
      cursor = next.body.data.widgets.pageInfo.hasNextPage ? next.body.data.widgets.pageInfo.endCursor : null;
    }
    expect(ids).toEqual(WIDGETS.map((w) => w.id));
  });

  it.each([
    ['a page size out of range', '{ widgets(first: 500) { totalCount } }', ANONYMOUS, 'BAD_USER_INPUT'],
    [
      'a cursor this API did not issue',
      '{ widgets(after: "bm9wZQ") { totalCount } }',
      ANONYMOUS,
      'INVALID_CURSOR',
    ],
    [
      'staff data without sign-in',
      '{ widget(id: "5d0f3c1e-6d1a-4b6e-9a57-2f4f1f9c0e21") { id } }',
      ANONYMOUS,
      'UNAUTHENTICATED',
    ],
    [
      'a record that does not exist',
      '{ widget(id: "5d0f3c1e-6d1a-4b6e-9a57-2f4f1f9c0e21") { id } }',
      agent,
      'NOT_FOUND',
    ],
    ['an administrator-only field as an agent', '{ districtSettings }', agent, 'FORBIDDEN'],
    ['a field the schema lacks', '{ gadgets { id } }', ANONYMOUS, 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with a typed error', async (_, query, principal, code) => {
    const { body } = await graphql(query, principal);
    expect(body.errors?.[0].extensions.code).toBe(code);
  });

  it('names the domain reason of a not-found error', async () => {
    const { body } = await graphql('{ widget(id: "5d0f3c1e-6d1a-4b6e-9a57-2f4f1f9c0e21") { id } }', agent);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Widget not found',
      extensions: { reason: 'WIDGET_NOT_FOUND' },
    });
  });

  it('hides unexpected errors in production', async () => {
    const { body } = await graphql('{ broken }');
    expect(body.errors?.[0]).toEqual({
      message: 'Internal server error',
      path: ['broken'],
      extensions: { code: 'INTERNAL' },
    });
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('is a Federation 2 subgraph with its entities and connections in the SDL', async () => {
    const { body } = await graphql('{ _service { sdl } }');
    expect(body.data._service.sdl).toContain('https://specs.apollo.dev/federation/v2');
    expect(body.data._service.sdl).toContain('type WidgetConnection');
  });

  it('serves probes and metrics, and echoes the correlation id', async () => {
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${url}/health/ready`, {
      headers: { 'x-correlation-id': 'support-ticket-1234' },
    });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-correlation-id')).toBe('support-ticket-1234');
    expect(ready.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total{service="widgets"}');
  });
});
