/**
 * The district-scale harness (issue 20): the whole platform on a generated 500,000-student district (700
 * schools, 1,000,000 people, 3,000,000 cases over three years with their messages, SLA timers and
 * satisfaction surveys), driven through the gateway by a mix of the portal's own operations at 1×, 2× and
 * 4× a school day's peak, with one replica of cases and then two. BENCH_DISTRICT_SCALE shrinks the district
 * (0.01 for a quick run).
 */
import { createHash, randomUUID } from 'node:crypto';
import { clientCredentialsToken, signInThroughPortal } from '@homeroom/platform/testing';
// The end-to-end suite's harness starts the platform exactly as its tests see it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startPlatform, type RunningPlatform } from '../../apps/platform-e2e/src/support/running-platform';
import { childProfileArgs } from './cpu-profile';
import { generateDistrictDataSet, type DataSetReport } from './district/district-data-set';
import {
  caseAgentPosition,
  caseSchool,
  districtShape,
  idOf,
  peopleCount,
  type DistrictShape,
} from './district/district-shape';
import { SEARCHED_NAMES, staffEmail } from './district/generate-directory';
import { runMix, type LoadOperation, type OperationResult } from './district/load-mix';
import { portalOperation, rootFieldOperations } from './district/portal-operations';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const SCALE = Number(process.env['BENCH_DISTRICT_SCALE'] ?? 1);
const SECONDS = Number(process.env['BENCH_DISTRICT_SECONDS'] ?? 30);
const LEVELS = [1, 2, 4];
/** Schools whose agents sign in and work their inboxes (each sign-in is an Argon2 verification). */
const AGENT_SCHOOLS = 20;
const DEMO_PASSWORD = 'homeroom-demo';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * A school day's peak, estimated for 500,000 students: 10,000 contacts a day (two per hundred students),
 * 15 % of them in the busiest hour; 500 staff signed in, 300 with the inbox open (its list polled every
 * 5 s, the views' counts every 30 s, as the portal's inbox-store.ts asks) and each opening a case a minute;
 * 20 leaders refreshing the dashboard each minute; vendors paging through cases.
 * Rates are whole requests a second (autocannon's pacing), so the rarest are rounded up to one.
 */
const PEAK_PER_SECOND = {
  inbox: 60,
  inboxCounts: 10,
  casePage: 8,
  personSearch: 2,
  dashboard: 1,
  submitInquiry: 1,
  trackCase: 1,
  vendorCases: 2,
};

export async function districtScaleBenchmark(): Promise<BenchmarkReport[]> {
  const shape = districtShape(SCALE);
  let dataSet: DataSetReport | undefined;
  const platform = await startPlatform({
    // BENCH_PROFILE=1: each app's CPU profile over the whole run, written when it stops.
    appNodeArgs: (app) => childProfileArgs(`district-scale-${app}`),
    gatewayOverrides: {
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
      RATE_LIMIT_CLIENT_PER_MINUTE: '10000000',
      LOG_LEVEL: 'error',
    },
    beforeServicesStart: async (databases) => {
      dataSet = await generateDistrictDataSet(databases, shape, (line) =>
        process.stdout.write(`[district] ${line}\n`),
      );
    },
    // Each service rebuilds its reporting rollups from millions of facts before it is ready.
    readyTimeoutMs: 900_000,
    // Cases behind a load balancer from the start, so that one replica and two are measured the same way.
    casesBehindLoadBalancer: true,
  });
  try {
    await platform.settle(600_000);
    const session = await signIn(platform, shape);
    const operations = loadOperations(platform, shape, session);
    // Every operation once, answered without errors, before anything is timed.
    for (const operation of operations) await once(platform, operation);
    const dashboard = operations.find((o) => o.name.startsWith('dashboard'))!;
    const dashboardAlone = await sequential(platform, dashboard, 20);
    const dashboardFields = await timeEachField(platform, dashboard, 10);
    const levels: Level[] = [];
    const runLevels = async (replicas: number) => {
      for (const multiplier of LEVELS) {
        process.stdout.write(`[district] load mix at ${multiplier}×, ${replicas} of cases\n`);
        levels.push({
          multiplier,
          replicas,
          results: await runMix(`${platform.origin}/graphql`, operations, multiplier, SECONDS),
        });
      }
    };
    await runLevels(1);
    await platform.addCasesReplica();
    await platform.settle(600_000);
    await runLevels(2);
    return [report(shape, dataSet!, dashboardAlone, dashboardFields, levels)];
  } finally {
    await platform.stop();
  }
}

/** The load mix at one multiple of the peak, with one or two replicas of cases. */
interface Level {
  multiplier: number;
  replicas: number;
  results: OperationResult[];
}

interface Session {
  admin: string;
  vendor: string;
  /** An agent's token for each of the sampled schools (school number → token). */
  agents: Map<number, string>;
  trackingTokens: string[];
}

async function signIn(platform: RunningPlatform, shape: DistrictShape): Promise<Session> {
  const token = async (email: string) =>
    (await signInThroughPortal(platform.issuer, email, DEMO_PASSWORD))['access_token']!;
  const agents = new Map<number, string>();
  for (let index = 0; index < AGENT_SCHOOLS; index += 1) {
    const school = 1 + Math.floor((index * shape.schools) / AGENT_SCHOOLS);
    agents.set(school, await token(staffEmail(shape, school, 1)));
  }
  const vendor = await clientCredentialsToken(
    platform.issuer,
    'demo-vendor',
    'demo-vendor-secret',
    'directory:read cases:read slas:read surveys:read',
  );
  if (vendor.status !== 200) throw new Error(`no vendor token: ${JSON.stringify(vendor.body)}`);
  return {
    admin: await token('admin@homeroom.test'),
    vendor: vendor.body['access_token']!,
    agents,
    trackingTokens: [],
  };
}

function loadOperations(platform: RunningPlatform, shape: DistrictShape, session: Session): LoadOperation[] {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const body = (query: string, variables: object) => JSON.stringify({ query, variables });
  const schools = [...session.agents.keys()];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const inbox = portalOperation('feature-inbox', 'inbox.graphql', 'Inbox');
  const inboxCounts = portalOperation('feature-inbox', 'inbox.graphql', 'InboxCounts');
  const casePage = portalOperation('feature-inbox', 'case-page.graphql', 'CasePage');
  const people = portalOperation('feature-admin', 'people.graphql', 'AdminPeople');
  const dashboard = portalOperation('feature-dashboard', 'dashboard-page.graphql', 'Dashboard');
  const submit = portalOperation('feature-public', 'inquiry-page.graphql', 'SubmitInquiry');
  const track = portalOperation('feature-public', 'tracking-page.graphql', 'TrackCase');
  const open = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];
  /** The inbox's views for the school's signed-in agent, as inbox-views.ts makes them. */
  const inboxFilters = (school: number) => {
    const me = idOf(
      'person',
      shape.students + shape.guardians + (school - 1) * shape.staffPerSchool + 2,
      md5,
    );
    const filter = (extra: object) => ({ status: open, ...extra });
    return {
      mine: filter({ assigneeId: me }),
      myTeams: filter({ myTeams: true }),
      mySchools: filter({ mySchools: true }),
      unassigned: filter({ unassigned: true }),
      breachingSoon: filter({ slaAtRisk: true }),
      watching: filter({ watchedByMe: true }),
      everything: filter({}),
    };
  };
  let vendorCursor: string | null = null;
  return [
    {
      name: 'inbox (agent, its view listed)',
      perSecond: PEAK_PER_SECOND.inbox,
      next: () => {
        const school = pick(schools);
        return {
          headers: bearer(session.agents.get(school)!),
          // 50 rows, as every run of this harness has asked (the portal asks for 100).
          body: body(inbox, { filter: inboxFilters(school).mySchools, sort: 'NEWEST', first: 50 }),
        };
      },
    },
    {
      name: 'inbox (agent, every view counted)',
      perSecond: PEAK_PER_SECOND.inboxCounts,
      next: () => {
        const school = pick(schools);
        return {
          headers: bearer(session.agents.get(school)!),
          body: body(inboxCounts, inboxFilters(school)),
        };
      },
    },
    {
      name: 'case page (agent, a case of the school)',
      perSecond: PEAK_PER_SECOND.casePage,
      next: () => {
        // A case from the last year at one of the signed-in agents' schools.
        const recent = Math.max(1, shape.cases - Math.floor(shape.cases / shape.years));
        for (;;) {
          const n = recent + Math.floor(Math.random() * (shape.cases - recent));
          const school = caseSchool(shape, n);
          const token = session.agents.get(school);
          if (token && caseAgentPosition(n) >= 1)
            return { headers: bearer(token), body: body(casePage, { id: idOf('case', n, md5) }) };
        }
      },
    },
    {
      name: 'person search (district admin)',
      perSecond: PEAK_PER_SECOND.personSearch,
      next: () => ({
        headers: bearer(session.admin),
        body: body(people, { filter: { search: pick(SEARCHED_NAMES) }, first: 25 }),
      }),
    },
    {
      name: 'dashboard, all 700 schools compared (district admin)',
      perSecond: PEAK_PER_SECOND.dashboard,
      next: () => {
        const to = new Date();
        const from = new Date(to.getTime() - 30 * 86_400_000);
        return {
          headers: bearer(session.admin),
          body: body(dashboard, {
            range: { from: from.toISOString(), to: to.toISOString() },
            compareSchools: true,
            districtWide: true,
          }),
        };
      },
    },
    {
      name: 'family writes in (public)',
      perSecond: PEAK_PER_SECOND.submitInquiry,
      next: () => ({
        headers: {},
        body: body(submit, {
          input: {
            schoolId: idOf('school', 1 + Math.floor(Math.random() * shape.schools), md5),
            subject: 'Bus stop',
            message: 'The bus did not stop at our corner this morning. Can someone check the route?',
            requester: { name: 'Load Family', email: `family.${randomUUID()}@example.org` },
          },
        }),
      }),
      answered: (answer) => {
        const token = /"trackingToken":"([^"]+)"/.exec(answer)?.[1];
        if (token && session.trackingTokens.length < 10_000) session.trackingTokens.push(token);
      },
    },
    {
      name: 'family follows the case (public)',
      perSecond: PEAK_PER_SECOND.trackCase,
      next: () => ({ headers: {}, body: body(track, { token: pick(session.trackingTokens) }) }),
    },
    {
      name: 'vendor pages through cases (API client)',
      perSecond: PEAK_PER_SECOND.vendorCases,
      next: () => ({
        headers: bearer(session.vendor),
        body: body(
          'query VendorCases($after: String) { cases(first: 100, after: $after) { edges { node { id number status createdAt } } pageInfo { hasNextPage endCursor } } }',
          { after: vendorCursor },
        ),
      }),
      answered: (answer) => {
        vendorCursor = /"endCursor":"([^"]+)"/.exec(answer)?.[1] ?? null;
      },
    },
  ];
}

/** One request of an operation, which must answer without errors (the family's goes first: tracking needs it). */
async function once(platform: RunningPlatform, operation: LoadOperation): Promise<void> {
  const request = operation.next();
  const response = await fetch(`${platform.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${operation.name}: ${response.status} ${text.slice(0, 500)}`);
  operation.answered?.(text);
}

async function sequential(
  platform: RunningPlatform,
  operation: LoadOperation,
  times: number,
): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = process.hrtime.bigint();
    await once(platform, operation);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return timings;
}

/** Each root field of an operation's query alone, `times` requests each, with its share of the variables. */
async function timeEachField(
  platform: RunningPlatform,
  operation: LoadOperation,
  times: number,
): Promise<{ field: string; timings: number[] }[]> {
  const request = operation.next();
  const { query, variables } = JSON.parse(request.body) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const results = [];
  for (const field of rootFieldOperations(query)) {
    const body = JSON.stringify({
      query: field.query,
      variables: Object.fromEntries(field.variables.map((name) => [name, variables[name]])),
    });
    results.push({
      field: field.field,
      timings: await sequential(platform, { ...operation, next: () => ({ ...request, body }) }, times),
    });
  }
  return results;
}

/** A row of requests sent one after another (no load, so no rate and no errors to report). */
function sequentialRow(variant: string, timings: readonly number[]): BenchmarkRow {
  const at = (p: number) => Number(percentile(timings, p).toFixed(1));
  return {
    variant,
    'target/s': 0,
    'achieved/s': 0,
    'p50 ms': at(50),
    'p95 ms': at(95),
    'p99 ms': at(99),
    errors: 0,
  };
}

function report(
  shape: DistrictShape,
  dataSet: DataSetReport,
  dashboardAlone: number[],
  dashboardFields: { field: string; timings: number[] }[],
  levels: Level[],
): BenchmarkReport {
  const rows: BenchmarkRow[] = levels.flatMap(({ multiplier, replicas, results }) =>
    results.map((result) => ({
      variant: `${multiplier}× peak${replicas > 1 ? `, ${replicas} replicas of cases` : ''}: ${result.operation}`,
      'target/s': result.target,
      'achieved/s': Number(result.achieved.toFixed(1)),
      'p50 ms': result.p50,
      'p95 ms': result.p95,
      'p99 ms': result.p99,
      errors: result.errors,
    })),
  );
  const total = (multiplier: number, replicas = 1) =>
    levels
      .find((level) => level.multiplier === multiplier && level.replicas === replicas)!
      .results.reduce((sum, r) => sum + r.achieved, 0);
  const generation = Object.values(dataSet.seconds).reduce((sum, s) => sum + s, 0);
  return {
    name: 'district-scale-load',
    description: `The whole platform on a generated district of ${shape.schools} schools and ${peopleCount(shape).toLocaleString('en-US')} people with ${shape.cases.toLocaleString('en-US')} cases over ${shape.years} years, driven through the gateway by the portal's own operations (inbox, case page, person search, dashboard comparing every school, the public inquiry and tracking pages) and a vendor paging through cases, each paced by autocannon at 1×, 2× and 4× a school day's peak for ${SECONDS} s, with one replica of cases and then two. The load generator runs on the same two cores as the platform, PostgreSQL and Kafka.`,
    command: 'npm run bench -- district-scale',
    rows: [
      sequentialRow(`dashboard alone, sequential (${dashboardAlone.length} requests)`, dashboardAlone),
      ...dashboardFields.map(({ field, timings }) =>
        sequentialRow(`dashboard alone, \`${field}\` only (${timings.length} requests)`, timings),
      ),
      ...rows,
    ],
    ratios: {
      'throughput at 2× ÷ at 1×': total(2) / total(1),
      'throughput at 4× ÷ at 1×': total(4) / total(1),
      ...Object.fromEntries(
        LEVELS.map((multiplier) => [
          `throughput at ${multiplier}×, two replicas of cases ÷ one`,
          total(multiplier, 2) / total(multiplier),
        ]),
      ),
    },
    notes: [
      `Data set: ${Object.entries(dataSet.rows)
        .map(([what, count]) => `${count.toLocaleString('en-US')} ${what}`)
        .join(', ')}; generated in ${generation.toFixed(0)} s (${Object.entries(dataSet.seconds)
        .map(([step, seconds]) => `${step} ${seconds.toFixed(0)} s`)
        .join('; ')}). The services then rebuilt their reporting rollups from these facts as they started.`,
      `Peak estimate (1×): ${Object.entries(PEAK_PER_SECOND)
        .map(([operation, rate]) => `${operation} ${rate}/s`)
        .join(
          ', ',
        )}: 10,000 contacts a school day (two per hundred students), 15 % in the busiest hour; 300 of 500 signed-in staff with the inbox open (its list polled every 5 s, its views counted every 30 s), each opening a case a minute; 20 leaders refreshing the dashboard each minute.`,
      'Cases is behind a round-robin load balancer (in the load generator’s process) for every level: one replica, then the same levels again with a second replica on the same database and consumer group, started after the first levels.',
      ...levels.flatMap(({ multiplier, replicas, results }) =>
        results
          .filter((r) => r.firstError)
          .map((r) => `${multiplier}×, ${replicas} of cases, ${r.operation}: first error ${r.firstError}`),
      ),
    ],
  };
}
