import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { Registry } from 'prom-client';
import { DEFAULT_COST_MODEL, DEFAULT_OPERATION_LIMITS } from '@homeroom/gateway/operation-limits';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { testLogger } from '@homeroom/platform/testing';
import { createGateway, listen, type Gateway } from './create-gateway';

const ANONYMOUS_PER_MINUTE = 6;
const INQUIRY =
  'mutation Inquiry($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }';
const INPUT = { input: { message: 'The bus left early' } };
const aliasedInquiries = (count: number) =>
  `mutation Inquiries($input: SubmitInquiryInput!) { ${Array.from(
    { length: count },
    (_, index) => `i${index}: submitInquiry(input: $input) { caseNumber }`,
  ).join(' ')} }`;

/**
 * The gateway's rate limit counts operations, not HTTP requests: each operation of a batch, each root
 * field of a mutation, and at most one public mutation per operation. The real gateway on the committed
 * supergraph, with every subgraph played by one stub that records the root mutation fields it is asked
 * to run (what would have opened cases).
 */
describe('the gateway rate limit, per operation', () => {
  let gateway: Gateway;
  let server: Server;
  let stub: Server;
  let origin: string;
  /** Root mutation fields the subgraphs were asked to run. */
  const ran: string[] = [];
  let caller = 0;

  beforeAll(async () => {
    // Fixed one-minute windows: a test must not straddle two, so the clock stands still (timers run).
    jest.useFakeTimers({
      now: new Date('2030-09-02T08:00:05Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    stub = await startStubSubgraph(ran);
    const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    gateway = await createGateway({
      production: true,
      supergraphSdl: readFileSync(join(workspaceRoot(), 'apps/gateway/supergraph.graphql'), 'utf8'),
      introspectAndCompose: false,
      subgraphUrls: {
        directory: `${stubUrl}/graphql`,
        cases: `${stubUrl}/graphql`,
        slas: `${stubUrl}/graphql`,
        surveys: `${stubUrl}/graphql`,
      },
      trustSecret: randomBytes(32).toString('hex'),
      tokens: {
        clockToleranceSeconds: 30,
        directory: {
          issuer: `${stubUrl}/auth`,
          audience: 'homeroom-api',
          jwksUrl: new URL(`${stubUrl}/auth/jwks`),
        },
        staffLookupUrl: new URL(`${stubUrl}/internal/staff-principals`),
      },
      signInUrl: new URL(`${stubUrl}/auth`),
      attachmentsUrl: new URL(`${stubUrl}/attachments`),
      textMessagesUrl: new URL(`${stubUrl}/sms`),
      chatUrl: new URL(`${stubUrl}/chat`),
      corsOrigins: [],
      operationLimits: DEFAULT_OPERATION_LIMITS,
      costModel: DEFAULT_COST_MODEL,
      documentLimits: { maxBatchSize: 10, maxDocumentLength: 20_000 },
      maxTokens: 5_000,
      maxBodyBytes: 1_048_576,
      requestTimeoutMs: 15_000,
      subgraphTimeoutMs: 10_000,
      rateLimitsPerMinute: { anonymous: ANONYMOUS_PER_MINUTE, client: 1_200, user: 3_000 },
      queryPlanCacheMiB: 8,
      trustProxy: 'loopback',
      logger: testLogger('gateway'),
      registry: new Registry(),
    });
    server = await listen(gateway.app, 0, '127.0.0.1');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    stub?.closeAllConnections();
    stub?.close();
    await gateway?.stop();
    jest.useRealTimers();
  });

  beforeEach(() => {
    ran.length = 0;
    caller += 1;
  });

  /** Each test is another family's address (the gateway believes X-Forwarded-For from loopback). */
  const post = async (body: unknown) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${caller}` },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the answer field by field
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.[0]?.extensions?.code ?? 'ok';

  it('counts each operation of a batch: those within the limit run, the rest are refused', async () => {
    const batch = await post(Array.from({ length: 10 }, () => ({ query: INQUIRY, variables: INPUT })));

    expect(ran).toHaveLength(ANONYMOUS_PER_MINUTE);
    expect(batch.status).toBe(429);
    expect(batch.body.map(codeOf)).toEqual([
      ...Array<string>(ANONYMOUS_PER_MINUTE).fill('ok'),
      ...Array<string>(10 - ANONYMOUS_PER_MINUTE).fill('RATE_LIMITED'),
    ]);
    expect(batch.body[9].errors[0].extensions.retryAfterSeconds).toBe(55);
    expect(batch.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS_PER_MINUTE));
    expect(batch.headers.get('ratelimit-remaining')).toBe('0');
    expect(batch.headers.get('retry-after')).toBe('55');
    // The next request is refused as it arrives.
    const next = await post({ query: '{ __typename }' });
    expect(next.status).toBe(429);
    expect(codeOf(next.body)).toBe('RATE_LIMITED');
  });

  it('refuses a batch of operations each aliasing the public inquiry, and counts every alias asked', async () => {
    const batch = await post(
      Array.from({ length: 10 }, () => ({ query: aliasedInquiries(30), variables: INPUT })),
    );

    expect(ran).toHaveLength(0);
    expect(batch.status).toBe(429);
    expect(batch.body).toHaveLength(10);
    for (const result of batch.body)
      expect(result.errors[0].extensions).toEqual({
        code: 'RATE_LIMITED',
        reason: 'TOO_MANY_PUBLIC_MUTATIONS',
        limit: 1,
        actual: 30,
      });
    expect(batch.headers.get('ratelimit-remaining')).toBe('0');
    expect((await post({ query: INQUIRY, variables: INPUT })).status).toBe(429);
    expect(ran).toEqual([]);
  });

  it('allows one public mutation per operation, whichever fields and however they are selected', async () => {
    const twoFields = await post({
      query: `mutation Both($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } ...Reply }
        fragment Reply on Mutation { replyAsRequester(token: "t", body: "Thanks") { number } }`,
      variables: INPUT,
    });
    expect(ran).toHaveLength(0);
    expect(twoFields.status).toBe(429);
    expect(twoFields.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'TOO_MANY_PUBLIC_MUTATIONS',
      actual: 2,
    });
    expect(twoFields.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS_PER_MINUTE));

    const one = await post({ query: INQUIRY, variables: INPUT });
    expect(one.status).toBe(200);
    expect(one.body.data.submitInquiry.caseNumber).toBe('stub');
    expect(ran).toEqual(['submitInquiry']);
  });

  it('counts each root field of a mutation, whether it runs or not', async () => {
    const aliased = await post({
      query:
        'mutation { a: assignCase(caseId: "1") { id } b: assignCase(caseId: "2") { id } c: assignCase(caseId: "3") { id } }',
    });
    expect(aliased.status).toBe(401);
    expect(aliased.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_PER_MINUTE - 3));
    const query = await post({ query: '{ __typename }' });
    expect(query.status).toBe(200);
    expect(query.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_PER_MINUTE - 4));
  });

  // Last: draining does not end.
  it('once draining (after SIGTERM), fails its readiness probe but goes on serving requests', async () => {
    gateway.drain();
    const ready = await fetch(`${origin}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${origin}/health/live`)).status).toBe(200);
    const served = await post({ query: INQUIRY, variables: INPUT });
    expect(served.status).toBe(200);
    expect(codeOf(served.body)).toBe('ok');
  });
});

/**
 * Every subgraph at once: answers each fetch with `stub` for every leaf it asks for, and records the root
 * fields of each mutation it is sent.
 */
function startStubSubgraph(ran: string[]): Promise<Server> {
  const stubData = (selectionSet: SelectionSetNode): Record<string, unknown> => {
    const data: Record<string, unknown> = {};
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD)
        data[selection.alias?.value ?? selection.name.value] = selection.selectionSet
          ? stubData(selection.selectionSet)
          : 'stub';
      else if (selection.kind === Kind.INLINE_FRAGMENT) Object.assign(data, stubData(selection.selectionSet));
    }
    return data;
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
      const operation = parse(query).definitions.find(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      )!;
      if (operation.operation === 'mutation')
        for (const selection of operation.selectionSet.selections)
          if (selection.kind === Kind.FIELD) ran.push(selection.name.value);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: stubData(operation.selectionSet) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
