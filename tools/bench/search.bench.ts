/**
 * Search input at its limit and far beyond it: `cases(filter: { search })` and `people(filter: { search })`
 * over HTTP on the real subgraphs (the count and the page), with typical, short, limit-length and oversized
 * text. Oversized input used to run (a 100 KB case search held PostgreSQL for tens of seconds; 300,000
 * words broke the people statement); the subgraphs now refuse it before any query, and every accepted
 * search goes through a trigram index.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { signPrincipal, type Principal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { freePort, startGroupAtEnd, testKafkaBrokers, uniqueName } from '@homeroom/platform/testing';
import { CASES_ENTITIES, CASES_MIGRATIONS } from '@homeroom/cases/data-access';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@homeroom/directory/data-access';
import { startDeployable, stopDeployable } from './deployable';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const SECRET = 'bench-secret-0123456789abcdef0123456789';
const CASES = Number(process.env['BENCH_SEARCH_CASES'] ?? 50_000);
const PEOPLE = Number(process.env['BENCH_SEARCH_PEOPLE'] ?? 50_000);
const RUNS = 20;
/** A statement still running after this is cancelled, so an unbounded search cannot hold the machine. */
const STATEMENT_TIMEOUT = '120s';
/** An API client that reads everything (vendors search too); no staff principal, whose shape may change. */
const READER: Principal = {
  kind: 'client',
  subject: 'bench-search',
  scopes: ['cases:read', 'directory:read'],
};

const SUBJECTS = [
  'Bus 14 was late this morning',
  'Lunch menu question',
  'Bullying at recess',
  'Change of address',
  'Report card grades',
  'Enrollment for next year',
  'Wi-Fi at the library',
  'Field trip permission slip',
  'Late pickup fee',
  'Parking near the gym',
];
const GIVEN = ['ana', 'jose', 'maria', 'alicia', 'noah', 'emma', 'mateo', 'sofia', 'li', 'fatima'];
const FAMILY = ['garcia', 'smith', 'nguyen', 'johnson', 'martinez', 'brown', 'chen', 'patel', 'okafor', 'wu'];

interface Variant {
  name: string;
  text: string;
  runs: number;
}

/** The searches: what staff type, a short name, the longest a search may be, and far past it. */
const CASE_SEARCHES: Variant[] = [
  { name: 'words ("permission slip")', text: 'permission slip', runs: RUNS },
  { name: 'a two-letter word ("li")', text: 'li', runs: RUNS },
  { name: '200 characters (the limit)', text: 'late bus '.repeat(22).trim(), runs: RUNS },
  { name: '100 KB', text: 'late bus '.repeat(11_112), runs: 1 },
];
const PEOPLE_SEARCHES: Variant[] = [
  { name: 'words ("maria garcia")', text: 'maria garcia', runs: RUNS },
  { name: 'a two-letter word ("wu")', text: 'wu', runs: RUNS },
  {
    name: '200 characters, 8 words (the limits)',
    text: Array.from({ length: 8 }, (_, i) => `${'garcianguyen'.repeat(2).slice(1)}${i}`).join(' '),
    runs: RUNS,
  },
  { name: '100 KB (25,000 words)', text: 'ana '.repeat(25_000), runs: 1 },
  {
    name: '300,000 words',
    text: Array.from({ length: 300_000 }, (_, i) => `w${i}`).join(' '),
    runs: 1,
  },
];

export async function searchBenchmarks(): Promise<BenchmarkReport[]> {
  const cases = await createTestDatabase('bench_search_cases', {
    migrations: CASES_MIGRATIONS,
    entities: CASES_ENTITIES,
  });
  const directory = await createTestDatabase('bench_search_directory', {
    migrations: DIRECTORY_MIGRATIONS,
    entities: DIRECTORY_ENTITIES,
  });
  const deployables: ChildProcess[] = [];
  try {
    await seedCases(cases);
    await seedPeople(directory);
    // Each subgraph is its real deployable in its own process (main.ts: its own request body limit).
    const shared = {
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      GATEWAY_TRUST_SECRET: SECRET,
      LOG_LEVEL: 'error',
    };
    // New consumer groups would first replay every earlier run's events: start them at the end instead.
    const groups = [uniqueName('bench-search-cases', '-'), uniqueName('bench-search-directory', '-')];
    for (const group of groups) await startGroupAtEnd(group);
    const casesApp = await startDeployable('cases', {
      ...shared,
      DATABASE_URL: cases.url,
      KAFKA_CONSUMER_GROUP: groups[0]!,
      ATTACHMENT_URL_SECRET: SECRET,
      ATTACHMENT_STORAGE_DIR: join(workspaceRoot(), 'tmp', 'attachments-bench'),
      SMTP_INTAKE_PORT: String(await freePort()),
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    deployables.push(casesApp);
    const directoryApp = await startDeployable('directory', {
      ...shared,
      DATABASE_URL: directory.url,
      KAFKA_CONSUMER_GROUP: groups[1]!,
      OIDC_COOKIE_KEYS: 'cookie-key-for-benchmarks-0123456789abcdef',
      OIDC_ISSUER: 'http://localhost:4000/auth',
      PORTAL_REDIRECT_URIS: 'http://localhost:4200/auth/callback',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    deployables.push(directoryApp);
    const casesUrl = `http://127.0.0.1:${casesApp.port}/graphql`;
    const directoryUrl = `http://127.0.0.1:${directoryApp.port}/graphql`;
    const caseRows = await measure(
      casesUrl,
      'query($s: String) { cases(first: 25, filter: { search: $s }) { totalCount edges { node { id } } } }',
      CASE_SEARCHES,
    );
    const peopleRows = await measure(
      directoryUrl,
      'query($s: String) { people(first: 25, filter: { search: $s }) { totalCount } }',
      PEOPLE_SEARCHES,
    );
    const notes = [
      `Each statement may run ${STATEMENT_TIMEOUT} at most (statement_timeout on the benchmark databases), so an unbounded search is cut off rather than holding the machine.`,
      'Oversized searches are refused by the subgraph before any query (BAD_USER_INPUT); docs/adr/0018-bounded-input-and-indexed-search.md has this benchmark run on the commit before the limits, when they ran.',
    ];
    return [
      {
        name: 'search-input',
        description: `cases(filter: { search }) over ${CASES.toLocaleString('en')} cases and people(filter: { search }) over ${PEOPLE.toLocaleString('en')} people, over HTTP on the cases and directory subgraphs as an API client (one count and one page per request); ${RUNS} runs of each accepted search after a warm-up, oversized ones once.`,
        command: 'npm run bench -- search',
        rows: [...caseRows, ...peopleRows],
        ratios: {},
        notes,
      },
    ];
  } finally {
    for (const child of deployables) await stopDeployable(child, 'SIGTERM');
    await cases.drop();
    await directory.drop();
  }
}

async function seedCases(database: TestDatabase): Promise<void> {
  const { dataSource } = database;
  await dataSource.query(
    `INSERT INTO support_case (id, number, subject, channel, status, priority, contact, language, tracking_token_hash, version, created_at)
     SELECT gen_random_uuid(), 'HR-2026-' || lpad(g::text, 7, '0'), ($1::text[])[1 + g % 10] || ' (' || g || ')',
            'WEB_FORM', 'OPEN', 'NORMAL', '{"name": null, "email": null, "phone": null}', 'en', md5(g::text), 1,
            now() - make_interval(secs => g)
       FROM generate_series(1, $2::int) AS g`,
    [SUBJECTS, CASES],
  );
  await settle(database, 'support_case');
}

async function seedPeople(database: TestDatabase): Promise<void> {
  const { dataSource } = database;
  await dataSource.query(
    `INSERT INTO person (kind, given_name, family_name, preferred_language, search_text, version)
     SELECT 'COMMUNITY', n.given, n.family, 'en',
            n.given || ' ' || n.family || ' ' || n.given || '.' || n.family || g || '@example.org ' || (5125550000 + g), 1
       FROM generate_series(1, $3::int) AS g,
            LATERAL (SELECT ($1::text[])[1 + g % 10] AS given, ($2::text[])[1 + (g / 10) % 10] AS family) n`,
    [GIVEN, FAMILY, PEOPLE],
  );
  await settle(database, 'person');
}

/** As a database in service would be: statistics gathered, the GIN indexes' pending entries merged. */
async function settle(database: TestDatabase, table: string): Promise<void> {
  const name = new URL(database.url).pathname.slice(1);
  await database.dataSource.query(`VACUUM ANALYZE ${table}`);
  await database.dataSource.query(`ALTER DATABASE "${name}" SET statement_timeout = '${STATEMENT_TIMEOUT}'`);
}

async function measure(url: string, query: string, variants: readonly Variant[]): Promise<BenchmarkRow[]> {
  const rows: BenchmarkRow[] = [];
  for (const variant of variants) {
    const ask = () => request(url, query, variant.text);
    if (variant.runs > 1) await ask(); // warm-up
    const times: number[] = [];
    let answer = '';
    for (let run = 0; run < variant.runs; run += 1) {
      const started = process.hrtime.bigint();
      answer = await ask();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    rows.push({
      variant: `${query.includes('cases(') ? 'cases' : 'people'}: ${variant.name}`,
      'input chars': variant.text.length,
      runs: variant.runs,
      'p50 ms': percentile(times, 50),
      'max ms': Math.max(...times),
      answer,
    });
  }
  return rows;
}

/** One search; what it answered: the total, or the error's code and reason. */
async function request(url: string, query: string, search: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signPrincipal(READER, SECRET) },
    body: JSON.stringify({ query, variables: { s: search } }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { totalCount: number } | null> | null;
    errors?: { extensions?: { code?: string; reason?: string } }[];
  };
  const error = body.errors?.[0]?.extensions;
  if (error) return [error.code, error.reason].filter(Boolean).join(' ');
  return `${Object.values(body.data ?? {})[0]?.totalCount ?? '?'} found`;
}
