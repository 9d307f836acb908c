/**
 * The gateway's cost: the same operations through the gateway and straight to the subgraphs, in one run on
 * the whole platform (every service in its own process, the demo district, real PostgreSQL and Kafka), then
 * the gateway's memory over a million requests with varied variables, and what a query-plan cache miss
 * costs.
 */
import { Agent, request } from 'node:http';
import { signPrincipal, type Principal } from '@homeroom/platform/auth';
import { clientCredentialsToken, waitUntil } from '@homeroom/platform/testing';
// The end-to-end suite's harness starts the platform exactly as its tests see it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startPlatform, type RunningPlatform } from '../../apps/platform-e2e/src/support/running-platform';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const SECONDS = Number(process.env['BENCH_GATEWAY_SECONDS'] ?? 15);
const CONCURRENCY = Number(process.env['BENCH_GATEWAY_CONCURRENCY'] ?? 8);
const SEQUENTIAL_REQUESTS = Number(process.env['BENCH_GATEWAY_SEQUENTIAL'] ?? 2_000);
const MEMORY_REQUESTS = Number(process.env['BENCH_GATEWAY_MEMORY_REQUESTS'] ?? 1_000_000);
const CASES = 200;
const VENDOR_SCOPES = 'directory:read cases:read slas:read surveys:read';

const ONE_SUBGRAPH = `query Schools($first: Int) {
  schools(first: $first) { totalCount edges { node { id name code } } pageInfo { hasNextPage endCursor } }
}`;

const INBOX = `query Inbox($first: Int) {
  cases(first: $first, filter: { status: [NEW, OPEN] }) {
    edges { node {
      id number subject status priority createdAt
      school { id name }
      assignee { id displayName }
      sla { firstResponse { status dueAt } resolution { status dueAt } }
    } }
  }
}`;

/** The inbox as the gateway's query plan fetches it: cases first, then directory and slas side by side. */
const INBOX_CASES = `query($first: Int) {
  cases(first: $first, filter: { status: [NEW, OPEN] }) {
    edges { node { id number subject status priority createdAt school { id } assignee { id } } }
  }
}`;
const INBOX_DIRECTORY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on School { id name } ... on Person { id displayName } }
}`;
const INBOX_SLAS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Case { sla { firstResponse { status dueAt } resolution { status dueAt } } }
  }
}`;

type Json = Record<string, unknown>;
type Call = (variables: Json) => Promise<Json>;

export async function gatewayBenchmarks(): Promise<BenchmarkReport[]> {
  const platform = await startPlatform({
    gatewayOverrides: {
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
      RATE_LIMIT_CLIENT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'error',
    },
  });
  try {
    await platform.settle(180_000);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
    const token = await vendorToken(platform);
    const viaGateway = graphqlCall(agent, `${platform.origin}/graphql`, () => ({
      authorization: `Bearer ${token}`,
    }));
    const principal: Principal = { kind: 'client', subject: 'demo-vendor', scopes: VENDOR_SCOPES.split(' ') };
    const direct = (service: keyof RunningPlatform['subgraphUrls']) =>
      graphqlCall(
        agent,
        platform.subgraphUrls[service],
        signedEvery10Seconds(principal, platform.trustSecret),
      );

    await openCases(platform);
    const schoolsDirect = direct('directory');
    const cases = direct('cases');
    const directory = direct('directory');
    const slas = direct('slas');
    const operations: { name: string; gateway: Call; direct: Call; variables: Json }[] = [
      {
        name: 'one subgraph (schools, directory)',
        gateway: (variables) => viaGateway(ONE_SUBGRAPH, variables),
        direct: (variables) => schoolsDirect(ONE_SUBGRAPH, variables),
        variables: { first: 12 },
      },
      {
        name: 'inbox (cases + directory + slas)',
        gateway: (variables) => viaGateway(INBOX, variables),
        direct: (variables) => inboxDirect(cases, directory, slas, variables),
        variables: { first: 25 },
      },
    ];
    for (const operation of operations) {
      const answer = await operation.gateway(operation.variables);
      if (answer['errors']) throw new Error(`${operation.name}: ${JSON.stringify(answer['errors'])}`);
      const straight = await operation.direct(operation.variables);
      if (straight['errors'])
        throw new Error(`${operation.name} direct: ${JSON.stringify(straight['errors'])}`);
    }

    const rows: BenchmarkRow[] = [];
    const ratios: Record<string, number> = {};
    for (const operation of operations) {
      // Warm both paths (connections, plan cache, JIT), then measure them one after the other.
      await closedLoop(operation.direct, operation.variables, 3);
      await closedLoop(operation.gateway, operation.variables, 3);
      const direct = await closedLoop(operation.direct, operation.variables, SECONDS);
      const gateway = await closedLoop(operation.gateway, operation.variables, SECONDS);
      const directAlone = await sequential(operation.direct, operation.variables, SEQUENTIAL_REQUESTS);
      const gatewayAlone = await sequential(operation.gateway, operation.variables, SEQUENTIAL_REQUESTS);
      for (const [path, load, alone] of [
        ['direct', direct, directAlone],
        ['gateway', gateway, gatewayAlone],
      ] as const)
        rows.push({
          variant: `${operation.name}: ${path}`,
          [`requests/s (${CONCURRENCY} concurrent)`]: Math.round(load.throughput),
          'p50 ms (one at a time)': round(percentile(alone, 50)),
          'p99 ms (one at a time)': round(percentile(alone, 99)),
          [`p99 ms (${CONCURRENCY} concurrent)`]: round(percentile(load.latencies, 99)),
        });
      ratios[`${operation.name}: gateway throughput / direct`] = gateway.throughput / direct.throughput;
      ratios[`${operation.name}: added p50 ms`] = percentile(gatewayAlone, 50) - percentile(directAlone, 50);
      ratios[`${operation.name}: added p99 ms`] = percentile(gatewayAlone, 99) - percentile(directAlone, 99);
    }

    // A plan-cache miss: the same inbox, each request a document the gateway has not seen (a new comment).
    let unseen = 0;
    const coldPlans = await sequential(
      (variables) => viaGateway(`${INBOX}\n# ${(unseen += 1)}`, variables),
      { first: 25 },
      300,
    );
    const warmPlans = await sequential((variables) => viaGateway(INBOX, variables), { first: 25 }, 300);
    rows.push(
      {
        variant: 'inbox, plan not cached (new document each time)',
        'p50 ms (one at a time)': round(percentile(coldPlans, 50)),
      },
      { variant: 'inbox, plan cached', 'p50 ms (one at a time)': round(percentile(warmPlans, 50)) },
    );
    ratios['inbox: planning cost per cache miss, ms (p50 difference)'] =
      percentile(coldPlans, 50) - percentile(warmPlans, 50);

    const memory = await memoryOverRequests(platform, viaGateway);

    return [
      {
        name: 'gateway',
        description:
          'The same operations through the gateway and straight to the subgraphs (with the signed principal the gateway would send), one after the other in one run, on the whole platform started as the end-to-end suite starts it (demo district, 200 open cases). Throughput with several requests in flight; latency one request at a time, so the added milliseconds are the gateway’s own and not queueing.',
        command: 'npm run bench -- gateway',
        rows,
        ratios,
        notes: [
          `${SECONDS} s per path at ${CONCURRENCY} requests in flight after 3 s of warm-up; ${SEQUENTIAL_REQUESTS} requests one at a time for the latencies. The load generator, the gateway, the four services, PostgreSQL and Kafka share the machine's cores, so the throughput ratio understates what a gateway on its own cores does.`,
          '"Direct" for the inbox makes the requests the gateway’s query plan makes (cases, then directory and slas `_entities` side by side) and merges nothing; the gateway adds parsing, validation, the operation guard, the plan-cache lookup, signing the principal per subgraph call and merging the results.',
          `Plan-cache misses measured by sending the inbox with a new comment each time (a new document hash); the cache held ${memory.planCacheEntries} plans at the end (QUERY_PLAN_CACHE_MIB=30 by default).`,
          ...memory.notes,
        ],
      },
    ];
  } finally {
    await platform.stop();
  }
}

async function vendorToken(platform: RunningPlatform): Promise<string> {
  const token = await clientCredentialsToken(
    platform.issuer,
    'demo-vendor',
    'demo-vendor-secret',
    VENDOR_SCOPES,
  );
  if (token.status !== 200) throw new Error(`no vendor token: ${JSON.stringify(token.body)}`);
  return token.body['access_token']!;
}

/** Families write in: open cases for the inbox, through the gateway's public inquiry operation. */
async function openCases(platform: RunningPlatform): Promise<void> {
  const schools = (await (
    await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ schools(first: 12) { edges { node { id } } } }' }),
    })
  ).json()) as { data: { schools: { edges: { node: { id: string } }[] } } };
  const ids = schools.data.schools.edges.map((edge) => edge.node.id);
  for (let index = 0; index < CASES; index += 1) {
    const response = await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }',
        variables: {
          input: {
            schoolId: ids[index % ids.length],
            subject: `Question ${index} about the bus`,
            message: 'The bus was late again this morning. When will it be on time?',
            requester: { name: `Parent ${index}`, email: `parent${index}@family.test` },
          },
        },
      }),
    });
    if (!response.ok) throw new Error(`inquiry ${index} failed: ${await response.text()}`);
  }
  await platform.settle(120_000);
}

async function inboxDirect(cases: CallOf, directory: CallOf, slas: CallOf, variables: Json): Promise<Json> {
  const page = (await cases(INBOX_CASES, variables)) as {
    data: {
      cases: {
        edges: { node: { id: string; school: { id: string } | null; assignee: { id: string } | null } }[];
      };
    };
  };
  const nodes = page.data.cases.edges.map((edge) => edge.node);
  // Each school and assignee once, as the query plan asks for them.
  const references = new Map<string, { __typename: string; id: string }>();
  for (const node of nodes) {
    if (node.school) references.set(`School:${node.school.id}`, { __typename: 'School', id: node.school.id });
    if (node.assignee)
      references.set(`Person:${node.assignee.id}`, { __typename: 'Person', id: node.assignee.id });
  }
  const [people, timers] = await Promise.all([
    directory(INBOX_DIRECTORY, { representations: [...references.values()] }),
    slas(INBOX_SLAS, { representations: nodes.map((node) => ({ __typename: 'Case', id: node.id })) }),
  ]);
  return { data: page.data, people, timers };
}

type CallOf = (query: string, variables: Json) => Promise<Json>;

/** POSTs GraphQL over a keep-alive agent (lighter than fetch, so the client costs the machine less). */
function graphqlCall(agent: Agent, url: string, headers: () => Record<string, string>): CallOf {
  const target = new URL(url);
  return (query, variables) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const outgoing = request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers(),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
              if (response.statusCode !== 200)
                reject(new Error(`${response.statusCode}: ${JSON.stringify(parsed)}`));
              else resolve(parsed);
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}

/** The headers the gateway would send, signed again every 10 s (subgraphs accept a minute's age). */
function signedEvery10Seconds(principal: Principal, secret: string): () => Record<string, string> {
  let signedAt = 0;
  let headers: Record<string, string> = {};
  return () => {
    if (Date.now() - signedAt > 10_000) {
      headers = signPrincipal(principal, secret);
      signedAt = Date.now();
    }
    return headers;
  };
}

async function closedLoop(call: Call, variables: Json, seconds: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1_000;
  let completed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const answer = await call(variables);
        if (answer['errors']) throw new Error(JSON.stringify(answer['errors']));
        latencies.push(performance.now() - sent);
        completed += 1;
      }
    }),
  );
  return { throughput: completed / ((performance.now() - started) / 1_000), latencies };
}

async function sequential(call: Call, variables: Json, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const sent = performance.now();
    const answer = await call(variables);
    if (answer['errors']) throw new Error(JSON.stringify(answer['errors']));
    latencies.push(performance.now() - sent);
  }
  return latencies;
}

/**
 * The gateway's resident and heap memory before and after MEMORY_REQUESTS requests whose variables vary
 * (page sizes, cursors, school ids that exist and ids that do not), sampled from its own metrics.
 */
async function memoryOverRequests(platform: RunningPlatform, viaGateway: CallOf) {
  const sample = async () => {
    const metrics = await (await fetch(`${platform.origin}/metrics`)).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1]);
    return {
      rssMiB: value('process_resident_memory_bytes') / 2 ** 20,
      heapMiB: value('nodejs_heap_size_used_bytes') / 2 ** 20,
      planCacheEntries: value('gateway_query_plan_cache_entries'),
    };
  };
  const schools = (
    (await viaGateway('{ schools(first: 12) { edges { node { id } } } }', {})) as {
      data: { schools: { edges: { node: { id: string } }[] } };
    }
  ).data.schools.edges.map((edge) => edge.node.id);
  const variants: { query: string; variables: (n: number) => Json }[] = [
    {
      query: 'query School($id: ID!) { school(id: $id) { id name } }',
      variables: (n) => ({ id: schools[n % 12] }),
    },
    {
      query: 'query School($id: ID!) { school(id: $id) { id name } }',
      // Ids no school has: every one a different value.
      variables: (n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }),
    },
    { query: ONE_SUBGRAPH, variables: (n) => ({ first: 1 + (n % 100) }) },
    { query: 'query Topics { topics { id name } }', variables: () => ({}) },
  ];
  await waitUntil('gateway metrics', async () => !Number.isNaN((await sample()).rssMiB), {
    timeoutMs: 10_000,
  });
  const before = await sample();
  const checkpoints: { requests: number; rssMiB: number; heapMiB: number }[] = [];
  let sent = 0;
  const started = performance.now();
  while (sent < MEMORY_REQUESTS) {
    const batch = Math.min(MEMORY_REQUESTS - sent, 100_000);
    let next = sent;
    const end = sent + batch;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < end) {
          const n = (next += 1);
          const variant = variants[n % variants.length]!;
          const answer = await viaGateway(variant.query, variant.variables(n));
          if (answer['errors']) throw new Error(JSON.stringify(answer['errors']));
        }
      }),
    );
    sent = end;
    const now = await sample();
    checkpoints.push({ requests: sent, rssMiB: now.rssMiB, heapMiB: now.heapMiB });
  }
  const seconds = (performance.now() - started) / 1_000;
  const after = checkpoints.at(-1)!;
  const first = checkpoints[0]!;
  return {
    planCacheEntries: (await sample()).planCacheEntries,
    notes: [
      `Memory: ${MEMORY_REQUESTS.toLocaleString('en-US')} requests (four operations, variables varied on every request: ${variants.length} shapes, ${CONCURRENCY} in flight) in ${Math.round(seconds)} s (${Math.round(MEMORY_REQUESTS / seconds)}/s). Gateway RSS ${round(before.rssMiB)} MiB before, ${round(first.rssMiB)} MiB after the first 100,000, ${round(after.rssMiB)} MiB after all; heap used ${round(before.heapMiB)} → ${round(first.heapMiB)} → ${round(after.heapMiB)} MiB.`,
      `Checkpoints (requests: RSS MiB / heap MiB): ${checkpoints.map((point) => `${point.requests / 1_000}k: ${round(point.rssMiB)}/${round(point.heapMiB)}`).join(', ')}.`,
    ],
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
