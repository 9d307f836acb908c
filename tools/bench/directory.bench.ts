/**
 * The directory at district scale: a OneRoster import of a generated 200,000-student district against a
 * raw COPY of the same rows (one run, one database server), then people search at the ~500,000 people the
 * import leaves.
 */
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createTestDatabase } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import {
  DIRECTORY_ENTITIES,
  DIRECTORY_MIGRATIONS,
  EVERYONE,
  PersonService,
} from '@homeroom/directory/data-access';
import { OneRosterImporter } from '@homeroom/directory/oneroster';
import { percentile } from './stats';
import type { BenchmarkReport } from './report';

const STUDENTS = Number(process.env['BENCH_STUDENTS'] ?? 200_000);
const SCHOOLS = 60;
const GIVEN = [
  'Ana',
  'José',
  'María',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Mateo',
  'Sofía',
  'Zoë',
  'Minh',
  'Linh',
  'Amir',
  'Fatima',
  'Wei',
  'Mei',
  'Ethan',
  'Ava',
  'Lucas',
  'Isabella',
];
const FAMILY = [
  'García',
  'Nguyễn',
  'Smith',
  'Johnson',
  'Martínez',
  'Hernández',
  'López',
  'Williams',
  'Brown',
  'Trần',
  'Khan',
  'Chen',
  'Wang',
  'Davis',
  'Rodríguez',
  'Miller',
  'Pérez',
  'Okafor',
  'Haddad',
  'Patel',
];

interface GeneratedDistrict {
  files: Record<string, Buffer>;
  users: number;
  /** The users' rows as tab-separated lines, for the raw COPY. */
  copyLines: string[];
}

export async function directoryBenchmarks(): Promise<BenchmarkReport[]> {
  const generated = generateDistrict();
  const database = await createTestDatabase('bench_directory', {
    migrations: DIRECTORY_MIGRATIONS,
    entities: DIRECTORY_ENTITIES,
    poolSize: 4,
  });
  try {
    const { dataSource } = database;
    await dataSource.query(
      `INSERT INTO district (name, time_zone, languages) VALUES ('Bench Unified', 'America/Chicago', '{en,es}')`,
    );

    await dataSource.query(
      'CREATE TABLE raw_user (sourced_id text, given_name text, family_name text, email text, phone text, agents text)',
    );
    const copyStarted = Date.now();
    const client = await (
      dataSource.driver as unknown as { master: { connect(): Promise<import('pg').PoolClient> } }
    ).master.connect();
    try {
      await pipeline(
        Readable.from(generated.copyLines.map((line) => `${line}\n`)),
        client.query(copyFrom('COPY raw_user FROM STDIN')),
      );
    } finally {
      client.release();
    }
    const copySeconds = (Date.now() - copyStarted) / 1_000;

    const importer = new OneRosterImporter(dataSource, new OutboxWriter('directory'));
    // The preview an administrator confirms: the whole plan, nothing written.
    const preview = await importer.import(generated.files, { dryRun: true });
    const report = await importer.import(generated.files);
    const users = report.files.find((f) => f.file === 'users.csv')!;
    const importSeconds = report.seconds;
    const again = await importer.import(generated.files);

    const people = new PersonService(dataSource, new OutboxWriter('directory'));
    const [{ total }] = await dataSource.query('SELECT count(*)::int AS total FROM person');
    await dataSource.query('ANALYZE person');
    const queries = searchQueries();
    for (const query of queries.slice(0, 20)) await people.page({ search: query }, { limit: 25 }, EVERYONE); // warm-up
    const timings: number[] = [];
    for (const query of queries) {
      const started = process.hrtime.bigint();
      await people.page({ search: query }, { limit: 25 }, EVERYONE);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }

    return [
      {
        name: 'oneroster-import',
        description:
          `OneRoster 1.2 bulk import of a generated district (${STUDENTS.toLocaleString('en')} students, ${(generated.users - STUDENTS).toLocaleString('en')} guardians and staff, ${SCHOOLS} schools, ` +
          'roles and enrollments), in one transaction with validation, normalization, memberships, guardian links and one outbox event per person (read → plan → apply, new rows by COPY); its dry run (the preview: read and plan, nothing written); against a raw `COPY` of the same user rows into a bare table.',
        command: 'npm run bench -- directory',
        rows: [
          {
            variant: 'raw COPY (users only, no checks)',
            users: generated.users,
            seconds: copySeconds,
            'users/s': Math.round(generated.users / copySeconds),
          },
          {
            variant: 'dry run (the preview: read and plan, nothing written)',
            users: preview.files.find((f) => f.file === 'users.csv')!.created,
            seconds: preview.seconds,
            'users/s': Math.round(generated.users / preview.seconds),
          },
          {
            variant: 'OneRoster import',
            users: users.created,
            seconds: importSeconds,
            'users/s': Math.round(users.created / importSeconds),
          },
          {
            variant: 'same files again (idempotent)',
            users: users.created,
            seconds: again.seconds,
            'users/s': Math.round(users.created / again.seconds),
          },
        ],
        ratios: {
          'import throughput ÷ raw COPY throughput': copySeconds / importSeconds,
          'dry run throughput ÷ raw COPY throughput': copySeconds / preview.seconds,
          're-import (nothing changed) throughput ÷ raw COPY throughput': copySeconds / again.seconds,
        },
        notes: [
          `Rejected rows: ${report.rejected.length}. Second import: ${again.files.find((f) => f.file === 'users.csv')!.unchanged} unchanged, ${again.files.find((f) => f.file === 'users.csv')!.updated} updated.`,
          'PostgreSQL is the local stack (fsync off); the benchmark process and the server share the 2 cores.',
          "What bounds the import: the person table's indexes (two trigram/jsonb GIN, three B-tree, the unique sourcedId). The same rows inserted by SQL into a table with those indexes take about 1.7× as long as into a bare one, and memberships, guardian links (with their foreign keys) and the outbox's event per person come on top.",
        ],
      },
      {
        name: 'people-search',
        description: `People search (PersonService.page: every term matched against folded names, emails and phone digits, trigram GIN index, 25 per page with totalCount) over ${total.toLocaleString('en')} people.`,
        command: 'npm run bench -- directory',
        rows: [
          {
            variant: 'search',
            people: total,
            queries: timings.length,
            'p50 ms': percentile(timings, 50),
            'p99 ms': percentile(timings, 99),
            'max ms': Math.max(...timings),
          },
        ],
        ratios: {},
        notes: [
          'Queries mix family names, given + family names, email fragments and phone fragments, with and without accents.',
        ],
      },
    ];
  } finally {
    // BENCH_KEEP_DATABASE=1 leaves the district in place for EXPLAIN sessions; its name is printed.
    if (process.env['BENCH_KEEP_DATABASE'] === '1') process.stdout.write(`kept ${database.url}\n`);
    else await database.drop();
  }
}

/** A district of `students` students with their guardians and a teacher per ten, as a OneRoster 1.2 CSV set. */
export function generateDistrict(students = STUDENTS): GeneratedDistrict {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const orgs = [
    ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
    ['d', 'active', '', 'Bench Unified', 'district', '', ''],
  ];
  for (let s = 0; s < SCHOOLS; s += 1)
    orgs.push([`s${s}`, 'active', '', `School ${s}`, 'school', `S${s}`, 'd']);
  const users: string[][] = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'enabledUser',
      'username',
      'givenName',
      'familyName',
      'email',
      'sms',
      'agentSourcedIds',
      'grades',
    ],
  ];
  const roles: string[][] = [
    ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'orgSourcedId'],
  ];
  const enrollments: string[][] = [
    ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  ];
  const copyLines: string[] = [];
  let guardianSerial = 0;
  for (let i = 0; i < students; i += 1) {
    const family = pick(FAMILY);
    const school = `s${i % SCHOOLS}`;
    const guardians = random() < 0.75 ? 2 : 1;
    const agentIds: string[] = [];
    // Siblings share guardians: every fifth student shares the previous family's guardian.
    if (i % 5 === 4 && guardianSerial > 0) {
      agentIds.push(`g${guardianSerial - 1}`);
    } else {
      for (let g = 0; g < guardians; g += 1) {
        const id = `g${guardianSerial++}`;
        const given = pick(GIVEN);
        const phone = `+1512${String(2_000_000 + ((guardianSerial * 7919) % 7_999_999)).padStart(7, '0')}`;
        users.push([id, 'active', '', 'true', id, given, family, `${id}@example.org`, phone, '', '']);
        roles.push([`r-${id}`, 'active', '', id, 'primary', g === 0 ? 'parent' : 'guardian', school]);
        copyLines.push([id, given, family, `${id}@example.org`, phone, ''].join('\t'));
        agentIds.push(id);
      }
    }
    const student = `st${i}`;
    const given = pick(GIVEN);
    users.push([
      student,
      'active',
      '',
      'true',
      student,
      given,
      family,
      '',
      '',
      agentIds.join(','),
      String(1 + (i % 12)).padStart(2, '0'),
    ]);
    roles.push([`r-${student}`, 'active', '', student, 'primary', 'student', school]);
    enrollments.push([`e-${student}`, 'active', '', `c-${i % 5000}`, school, student, 'student']);
    copyLines.push([student, given, family, '', '', agentIds.join(',')].join('\t'));
  }
  for (let t = 0; t < students / 10; t += 1) {
    const id = `t${t}`;
    users.push([
      id,
      'active',
      '',
      'true',
      id,
      pick(GIVEN),
      pick(FAMILY),
      `${id}@district.example.org`,
      '',
      '',
      '',
    ]);
    roles.push([`r-${id}`, 'active', '', id, 'primary', 'teacher', `s${t % SCHOOLS}`]);
    copyLines.push([id, 'x', 'y', `${id}@district.example.org`, '', ''].join('\t'));
  }
  const quote = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  const manifest = csv([
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ['file.orgs', 'bulk'],
    ['file.users', 'bulk'],
    ['file.roles', 'bulk'],
    ['file.enrollments', 'bulk'],
  ]);
  return {
    files: { manifest, orgs: csv(orgs), users: csv(users), roles: csv(roles), enrollments: csv(enrollments) },
    users: users.length - 1,
    copyLines,
  };
}

function searchQueries(): string[] {
  const queries: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const family = FAMILY[i % FAMILY.length]!;
    const given = GIVEN[(i * 7) % GIVEN.length]!;
    switch (i % 5) {
      case 0:
        queries.push(family);
        break;
      case 1:
        queries.push(`${given} ${family}`.normalize('NFD').replace(/\p{Diacritic}/gu, ''));
        break;
      case 2:
        queries.push(`g${i * 131}@example`);
        break;
      case 3:
        queries.push(`512 ${String(200 + i).padStart(3, '0')}`);
        break;
      default:
        queries.push(`${given.slice(0, 3)} ${family.slice(0, 4)}`);
    }
  }
  return queries;
}
