import { Client } from 'pg';
import { contactKey } from '@homeroom/directory/contracts';
import { copyReadModels } from './copy-read-models';
import { peopleCount, staffCount, type DistrictShape } from './district-shape';
import { generateCases } from './generate-cases';
import { generateDirectory } from './generate-directory';
import { generateSlas } from './generate-slas';
import { generateSurveys } from './generate-surveys';

export interface DistrictDatabases {
  directory: string;
  cases: string;
  slas: string;
  surveys: string;
}

export interface DataSetReport {
  /** Seconds per step, in the order they ran. */
  seconds: Record<string, number>;
  rows: Record<string, number>;
}

/**
 * A district-scale data set written into migrated, demo-seeded databases before their services start: the
 * directory's people, the other services' read models of them, three years of cases with their SLA timers
 * and satisfaction surveys. Triggers and foreign-key checks are off while it writes (each row is generated
 * consistent, and checked below); the reporting rollups are marked unbuilt, so each service rebuilds them
 * from the facts when it starts, as after any import.
 */
export async function generateDistrictDataSet(
  databases: DistrictDatabases,
  shape: DistrictShape,
  log: (line: string) => void = () => undefined,
): Promise<DataSetReport> {
  const clients = {
    directory: new Client({ connectionString: databases.directory, application_name: 'bench:district' }),
    cases: new Client({ connectionString: databases.cases, application_name: 'bench:district' }),
    slas: new Client({ connectionString: databases.slas, application_name: 'bench:district' }),
    surveys: new Client({ connectionString: databases.surveys, application_name: 'bench:district' }),
  };
  const seconds: Record<string, number> = {};
  const timed = async (step: string, work: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await work();
    seconds[step] = Number(process.hrtime.bigint() - started) / 1e9;
    log(`${step}: ${seconds[step]!.toFixed(1)} s`);
  };
  await Promise.all(Object.values(clients).map((client) => client.connect()));
  try {
    for (const client of Object.values(clients)) await client.query(`SET session_replication_role = replica`);
    const topicIds = (
      await clients.cases.query<{ id: string }>(
        `SELECT id FROM topic WHERE parent_id IS NOT NULL AND active ORDER BY name`,
      )
    ).rows.map((row) => row.id);
    const policy = await standardPolicy(clients.slas);
    const survey = (
      await clients.surveys.query<{ id: string; version: number }>(
        `SELECT id, current_version AS version FROM survey WHERE kind = 'CSAT' AND status = 'OPEN' LIMIT 1`,
      )
    ).rows[0]!;

    await timed('directory: schools, households, people, memberships, roles', () =>
      generateDirectory(clients.directory, shape),
    );
    await timed('read models: schools and people in cases and surveys', () =>
      copyReadModels(clients.directory, clients.cases, clients.surveys),
    );
    // Three databases, each statement one backend: the cases on one core, SLAs then surveys on the other.
    await timed('cases, SLA timers and surveys', () =>
      Promise.all([
        generateCases(clients.cases, shape, topicIds, (done) => log(`  cases: ${done}`)),
        (async () => {
          await generateSlas(clients.slas, shape, topicIds, policy);
          await generateSurveys(clients.surveys, shape, topicIds, survey);
        })(),
      ]),
    );
    await timed('rollups marked for rebuild, statistics', async () => {
      await clients.cases.query('UPDATE case_figures_basis SET time_zone = NULL');
      await clients.surveys.query('UPDATE satisfaction_figures_basis SET time_zone = NULL');
      await clients.slas.query('UPDATE sla_figures_basis SET time_zone = NULL');
      await Promise.all(Object.values(clients).map((client) => client.query('VACUUM ANALYZE')));
    });
    const rows = await countRows(clients);
    checkConsistency(shape, rows);
    await checkContactKeys(clients.directory, clients.cases);
    return { seconds, rows };
  } finally {
    await Promise.all(Object.values(clients).map((client) => client.end()));
  }
}

async function standardPolicy(slas: Client) {
  // The catch-all policy (no conditions): the one an ordinary case falls under.
  const policies = (
    await slas.query<{ id: string; definition: StandardDefinition }>(
      `SELECT id, definition FROM sla_policy WHERE active ORDER BY position`,
    )
  ).rows;
  const standard = policies.find(({ definition }) =>
    Object.values(definition.conditions).every((values) => values.length === 0),
  )!;
  return {
    id: standard.id,
    firstResponse: standard.definition.targets.firstResponse,
    resolution: standard.definition.targets.resolution,
    warnAtPercent: standard.definition.warnAtPercent,
  };
}

interface StandardDefinition {
  targets: { firstResponse: number; resolution: number };
  warnAtPercent: number;
  conditions: Record<string, unknown[]>;
}

async function countRows(clients: Record<keyof DistrictDatabases, Client>): Promise<Record<string, number>> {
  const count = async (client: Client, sql: string) =>
    Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  const generated = `sourced_id LIKE 'district-%'`;
  return {
    schools: await count(clients.directory, `SELECT count(*) AS n FROM school WHERE ${generated}`),
    people: await count(clients.directory, `SELECT count(*) AS n FROM person WHERE ${generated}`),
    households: await count(clients.directory, `SELECT count(*) AS n FROM household`),
    'guardian links': await count(clients.directory, `SELECT count(*) AS n FROM relationship`),
    'known people (cases)': await count(
      clients.cases,
      `SELECT count(*) AS n FROM known_person WHERE kind <> ''`,
    ),
    cases: await count(clients.cases, `SELECT count(*) AS n FROM support_case WHERE number LIKE 'DS-%'`),
    messages: await count(clients.cases, `SELECT count(*) AS n FROM case_message`),
    'timeline entries': await count(clients.cases, `SELECT count(*) AS n FROM case_timeline`),
    'SLA cases': await count(clients.slas, `SELECT count(*) AS n FROM sla_case`),
    'SLA timers': await count(clients.slas, `SELECT count(*) AS n FROM sla_timer`),
    'survey invitations': await count(clients.surveys, `SELECT count(*) AS n FROM survey_invitation`),
    'survey responses': await count(clients.surveys, `SELECT count(*) AS n FROM survey_response`),
  };
}

/** The databases agree: every generated person known to cases, every generated case tracked by SLAs. */
function checkConsistency(shape: DistrictShape, rows: Record<string, number>): void {
  const expect = (what: string, actual: number | undefined, expected: number) => {
    if (actual !== expected) throw new Error(`district data set: ${what} is ${actual}, expected ${expected}`);
  };
  expect('schools', rows['schools'], shape.schools);
  expect('people', rows['people'], peopleCount(shape));
  expect('cases', rows['cases'], shape.cases);
  expect('SLA cases', rows['SLA cases'], shape.cases);
  expect('SLA timers', rows['SLA timers'], 2 * shape.cases);
  if ((rows['known people (cases)'] ?? 0) < peopleCount(shape))
    throw new Error('district data set: the cases service does not know every generated person');
  if (staffCount(shape) < shape.schools * 4)
    throw new Error('district data set: fewer than four staff a school');
}

/** The contact keys written in SQL are the ones `contactKey()` computes, or no requester would ever match. */
async function checkContactKeys(directory: Client, cases: Client): Promise<void> {
  const sample = (
    await directory.query<{ id: string; address: string }>(
      `SELECT id, emails->0->>'address' AS address FROM person WHERE kind = 'GUARDIAN' AND sourced_id LIKE 'district-%' LIMIT 1`,
    )
  ).rows[0]!;
  const known = (
    await cases.query<{ contact_keys: string[] }>(`SELECT contact_keys FROM known_person WHERE id = $1`, [
      sample.id,
    ])
  ).rows[0];
  if (!known?.contact_keys.includes(contactKey(sample.address)))
    throw new Error(`district data set: contact keys differ from contactKey() for ${sample.address}`);
}
