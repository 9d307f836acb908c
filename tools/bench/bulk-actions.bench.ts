/**
 * A bulk action over 500 cases (issue 21), as the inbox sends it: `bulkUpdateCases` over HTTP on the
 * cases subgraph's deployable (its own process), as a district administrator, on a database holding
 * 20,000 cases; then `undoBulkCaseAction` of it, and `bulkMergeCases` of 100 duplicates. Each case is
 * checked and changed in a transaction of its own, with its timeline and events, as one case's own
 * mutation would be; the table says what that costs per case.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { signPrincipal, staffPrincipal } from '@homeroom/platform/auth';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { freePort, startGroupAtEnd, testKafkaBrokers, uniqueName } from '@homeroom/platform/testing';
import { CASES_ENTITIES, CASES_MIGRATIONS, TopicService } from '@homeroom/cases/data-access';
import { MAX_BULK_CASES } from '@homeroom/cases/domain';
import { startDeployable, stopDeployable } from './deployable';
import type { BenchmarkReport, BenchmarkRow } from './report';

const SECRET = 'bench-secret-0123456789abcdef0123456789';
const CASES = 20_000;
const MERGED = 100;
const ADMIN = staffPrincipal('bench-admin', { role: 'DISTRICT_ADMIN', schoolId: null });

export async function bulkActionsBenchmark(): Promise<BenchmarkReport> {
  const database = await createTestDatabase('bench_bulk_actions', {
    migrations: CASES_MIGRATIONS,
    entities: CASES_ENTITIES,
  });
  let app: (ChildProcess & { port: number }) | undefined;
  try {
    await new TopicService(database.dataSource).seedStarterTaxonomy();
    const ids = await seed(database);
    const group = uniqueName('bench-bulk', '-');
    await startGroupAtEnd(group);
    app = await startDeployable('cases', {
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      GATEWAY_TRUST_SECRET: SECRET,
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      KAFKA_CONSUMER_GROUP: group,
      ATTACHMENT_URL_SECRET: SECRET,
      ATTACHMENT_STORAGE_DIR: join(workspaceRoot(), 'tmp', 'attachments-bench'),
      SMTP_INTAKE_PORT: String(await freePort()),
      PORTAL_URL: 'http://localhost:4200',
      MAIL_FROM: 'Riverside Unified <talk@homeroom.test>',
    });
    const url = `http://127.0.0.1:${app.port}/graphql`;
    const chosen = ids.slice(0, MAX_BULK_CASES);
    // A warm-up on other cases, so the first timed request does not pay for the service's first queries.
    await call(url, BULK, {
      ids: ids.slice(MAX_BULK_CASES, MAX_BULK_CASES + 20),
      change: { priority: 'LOW' },
    });

    const rows: BenchmarkRow[] = [];
    const bulk = await timed(url, BULK, {
      ids: chosen,
      change: { status: 'PENDING', priority: 'HIGH', addTags: ['snow-day'] },
    });
    rows.push(
      row(`bulkUpdateCases: status, priority and a tag on ${chosen.length} cases`, chosen.length, bulk),
    );
    const id = (bulk.data['bulkUpdateCases'] as { id: string }).id;
    const undo = await timed(url, UNDO, { id });
    rows.push(row(`undoBulkCaseAction of it (${chosen.length} cases)`, chosen.length, undo));
    const lead = ids[MAX_BULK_CASES + 50]!;
    const duplicates = ids.slice(MAX_BULK_CASES + 100, MAX_BULK_CASES + 100 + MERGED);
    const merge = await timed(url, MERGE, { ids: duplicates, into: lead });
    rows.push(row(`bulkMergeCases: ${MERGED} duplicates into one`, MERGED, merge));
    return {
      name: 'bulk-actions',
      description: `Bulk actions over HTTP on the cases subgraph's deployable, as a district administrator, on ${CASES.toLocaleString('en')} cases: one request each, every case checked and changed in its own transaction with its timeline and events.`,
      command: 'npm run bench -- bulk-actions',
      rows,
      ratios: {},
      notes: [
        'One request, sequential: what an agent waits for after choosing 500 cases in the inbox.',
        'Each case costs its visibility check (one statement), its transaction (lock, changes, timeline, outbox) and, for the action, one more insert for its undo.',
      ],
    };
  } finally {
    if (app) await stopDeployable(app, 'SIGTERM');
    await database.drop();
  }
}

const BULK =
  'mutation($ids: [ID!]!, $change: BulkCaseChangeInput!) { bulkUpdateCases(caseIds: $ids, change: $change) { id succeeded failed } }';
const UNDO = 'mutation($id: ID!) { undoBulkCaseAction(id: $id) { id succeeded failed } }';
const MERGE =
  'mutation($ids: [ID!]!, $into: ID!) { bulkMergeCases(caseIds: $ids, intoCaseId: $into) { id succeeded failed } }';

interface Answer {
  ms: number;
  data: Record<string, unknown>;
}

async function timed(url: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const started = process.hrtime.bigint();
  const data = await call(url, query, variables);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, data };
}

async function call(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signPrincipal(ADMIN, SECRET) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function row(variant: string, cases: number, answer: Answer): BenchmarkRow {
  const outcome = Object.values(answer.data)[0] as { succeeded: number; failed: number };
  return {
    variant,
    'total ms': Math.round(answer.ms),
    'ms per case': Math.round((answer.ms / cases) * 100) / 100,
    succeeded: outcome.succeeded,
    failed: outcome.failed,
  };
}

async function seed(database: TestDatabase): Promise<string[]> {
  const rows = (await database.dataSource.query(
    `INSERT INTO support_case (id, number, subject, channel, status, priority, contact, language, tracking_token_hash, version, created_at)
     SELECT gen_random_uuid(), 'HR-2026-' || lpad(g::text, 7, '0'), 'Bus ' || g || ' was late', 'WEB_FORM', 'OPEN', 'NORMAL',
            '{"name": null, "email": null, "phone": null}', 'en', md5(g::text), 1, now() - make_interval(secs => g)
       FROM generate_series(1, $1::int) AS g
     RETURNING id`,
    [CASES],
  )) as { id: string }[];
  await database.dataSource.query('VACUUM ANALYZE support_case');
  return rows.map((r) => r.id);
}
