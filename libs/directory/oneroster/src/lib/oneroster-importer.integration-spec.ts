import type { TestDatabase } from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { PersonEntity, personSnapshot, SchoolMembershipEntity } from '@homeroom/directory/data-access';
import { csvFile, rosterTestDatabase } from '../testing';
import { OneRosterImporter } from './oneroster-importer';

const csv = csvFile;

function manifest(
  version = '1.2',
  files: Record<string, string> = { orgs: 'bulk', users: 'bulk', roles: 'bulk', enrollments: 'bulk' },
) {
  return csv([
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', version],
    ...Object.entries(files).map(([name, mode]) => [`file.${name}`, mode]),
    ['source.systemName', 'Test SIS'],
  ]);
}

const ORGS = [
  ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  ['org-d', 'active', '2026-08-01', 'Riverside Unified', 'district', '', ''],
  ['org-lin', 'active', '2026-08-01', 'Lincoln Elementary', 'school', 'LIN', 'org-d'],
  ['org-nhs', 'active', '2026-08-01', 'Northgate High', 'school', 'NHS', 'org-d'],
];
const USER_HEADER = [
  'sourcedId',
  'status',
  'dateLastModified',
  'enabledUser',
  'username',
  'givenName',
  'familyName',
  'middleName',
  'email',
  'sms',
  'phone',
  'agentSourcedIds',
  'grades',
  'preferredGivenName',
];
const USERS = [
  USER_HEADER,
  ['u-s1', 'active', '', 'true', 's1', 'José', 'García', '', '', '', '', 'u-g1', '03', ''],
  ['u-s2', 'active', '', 'true', 's2', 'Linh', 'Nguyễn', '', '', '', '', '', '10', ''],
  [
    'u-g1',
    'active',
    '',
    'true',
    'g1',
    'María',
    'García',
    '',
    'Maria.Garcia@Example.org',
    '(512) 555-0142',
    '',
    'u-s1',
    '',
    '',
  ],
  [
    'u-g2',
    'active',
    '',
    'true',
    'g2',
    'Minh',
    'Nguyễn',
    '',
    'minh@example.org',
    '',
    '512-555-0143',
    'u-s2',
    '',
    '',
  ],
  ['u-t1', 'active', '', 'true', 't1', 'Ava', 'Smith', '', 'ava.smith@example.org', '', '', '', '', 'Avy'],
  ['u-bad', 'active', '', 'true', 'bad', 'Bad', 'Email', '', 'not-an-email', '', '', '', '', ''],
  ['u-s1', 'active', '', 'true', 's1', 'Duplicate', 'Row', '', '', '', '', '', '', ''],
  ['u-x', 'active', '', 'true', 'x', 'Role', 'Less', '', '', '', '', '', '', ''],
];
const ROLES = [
  [
    'sourcedId',
    'status',
    'dateLastModified',
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
  ],
  ['r1', 'active', '', 'u-s1', 'primary', 'student', '', '', 'org-lin'],
  ['r2', 'active', '', 'u-s2', 'primary', 'student', '', '', 'org-nhs'],
  ['r3', 'active', '', 'u-g1', 'primary', 'parent', '', '', 'org-lin'],
  ['r4', 'active', '', 'u-g2', 'primary', 'guardian', '', '', 'org-nhs'],
  ['r5', 'active', '', 'u-t1', 'primary', 'teacher', '', '', 'org-lin'],
  ['r6', 'active', '', 'u-bad', 'primary', 'student', '', '', 'org-lin'],
  ['r7', 'active', '', 'u-t1', 'secondary', 'wizard', '', '', 'org-lin'],
  ['r8', 'active', '', 'u-ghost', 'primary', 'student', '', '', 'org-lin'],
];
const ENROLLMENTS = [
  [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
  ['e1', 'active', '', 'c-1', 'org-lin', 'u-s1', 'student', 'true', '', ''],
  ['e2', 'active', '', 'c-2', 'org-nhs', 'u-t1', 'teacher', 'false', '', ''],
];

describe('OneRoster import', () => {
  let database: TestDatabase;
  let importer: OneRosterImporter;

  beforeAll(async () => {
    database = await rosterTestDatabase('oneroster', { languages: ['en', 'es'] });
    importer = new OneRosterImporter(database.dataSource, new OutboxWriter('directory'));
  });

  afterAll(async () => {
    await database.drop();
  });

  const fullSet = () => ({
    manifest: manifest(),
    orgs: csv(ORGS),
    users: csv(USERS),
    roles: csv(ROLES),
    enrollments: csv(ENROLLMENTS),
  });
  const count = async (sql: string) => ((await database.dataSource.query(sql)) as { n: number }[])[0]!.n;

  it('imports schools, people, memberships and guardian links, reporting every refused row', async () => {
    const report = await importer.import(fullSet());
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile['orgs.csv']).toMatchObject({ rows: 3, created: 2, rejected: 0 });
    expect(byFile['users.csv']).toMatchObject({ rows: 8, created: 6, updated: 0, unchanged: 0, rejected: 2 });
    // A contact value that cannot be used leaves the person in, without it, and says so.
    expect(report.warnings).toEqual([
      {
        file: 'users.csv',
        line: 7,
        sourcedId: 'u-bad',
        field: 'email',
        reason: 'INVALID_EMAIL',
        message: '"not-an-email" is not an email address; the person was kept without it',
      },
    ]);
    expect(byFile['roles.csv']).toMatchObject({ rows: 8, rejected: 2 });
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        {
          file: 'users.csv',
          line: 8,
          sourcedId: 'u-s1',
          field: 'sourcedId',
          reason: 'DUPLICATE_SOURCED_ID',
          message: 'sourcedId u-s1 appears twice',
        },
        {
          file: 'users.csv',
          line: 9,
          sourcedId: 'u-x',
          field: 'role',
          reason: 'MISSING_VALUE',
          message: 'the user has no role',
        },
        {
          file: 'roles.csv',
          line: 8,
          sourcedId: 'r7',
          field: 'role',
          reason: 'UNKNOWN_ROLE',
          message: 'unknown role "wizard"',
        },
        {
          file: 'roles.csv',
          line: 9,
          sourcedId: 'r8',
          field: 'userSourcedId',
          reason: 'UNKNOWN_USER',
          message: 'no user u-ghost in users.csv',
        },
      ]),
    );

    const [guardian] = await database.dataSource.query(
      `SELECT kind, emails, phones, search_text FROM person WHERE sourced_id = 'u-g1'`,
    );
    expect(guardian).toMatchObject({
      kind: 'GUARDIAN',
      emails: [{ address: 'maria.garcia@example.org', primary: true }],
      phones: [{ number: '+15125550142', primary: true, type: 'MOBILE' }],
    });
    expect(guardian.search_text).toContain('maria garcia');
    const links = await database.dataSource.query(
      `SELECT g.sourced_id AS guardian, s.sourced_id AS student, r.type FROM relationship r
         JOIN person g ON g.id = r.guardian_id JOIN person s ON s.id = r.student_id ORDER BY 1`,
    );
    expect(links).toEqual([
      { guardian: 'u-g1', student: 'u-s1', type: 'PARENT' },
      { guardian: 'u-g2', student: 'u-s2', type: 'GUARDIAN' },
    ]);
    const teacherSchools = await database.dataSource.query(
      `SELECT s.code, m.role FROM school_membership m JOIN school s ON s.id = m.school_id JOIN person p ON p.id = m.person_id WHERE p.sourced_id = 'u-t1' ORDER BY 1`,
    );
    expect(teacherSchools).toEqual([
      { code: 'LIN', role: 'TEACHER' },
      { code: 'NHS', role: 'TEACHER' },
    ]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM outbox_event WHERE envelope->>'type' = 'directory.PersonCreated'`,
      ),
    ).toBe(6);
  });

  it('announces each new person exactly as the directory now holds them', async () => {
    // The first test imported fullSet: each PersonCreated must equal the snapshot of the rows written.
    const events = (await database.dataSource.query(
      `SELECT envelope->'data' AS data FROM outbox_event WHERE envelope->>'type' = 'directory.PersonCreated'`,
    )) as { data: ReturnType<typeof personSnapshot> }[];
    const people = await database.dataSource.getRepository(PersonEntity).find();
    const memberships = await database.dataSource.getRepository(SchoolMembershipEntity).find();
    const held = people.map((person) =>
      personSnapshot(
        person,
        memberships.filter((m) => m.personId === person.id),
      ),
    );
    const bySchoolOrder = (snapshot: ReturnType<typeof personSnapshot>) => ({
      ...snapshot,
      schoolIds: [...snapshot.schoolIds].sort(),
    });
    expect(
      events.map((e) => bySchoolOrder(e.data)).sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    ).toEqual(held.map(bySchoolOrder).sort((a, b) => (a.personId < b.personId ? -1 : 1)));
  });

  it('changes nothing when the same files come again', async () => {
    const events = await count('SELECT count(*)::int AS n FROM outbox_event');
    const report = await importer.import(fullSet());
    const users = report.files.find((f) => f.file === 'users.csv')!;
    expect(users).toMatchObject({ created: 0, updated: 0, deactivated: 0, unchanged: 6 });
    expect(report.files.find((f) => f.file === 'orgs.csv')).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await count('SELECT count(*)::int AS n FROM outbox_event')).toBe(events);
  });

  it('applies a delta: changed rows update, tobedeleted rows deactivate, the rest stay', async () => {
    const delta = {
      manifest: manifest('1.2', { users: 'delta' }),
      users: csv([
        USER_HEADER,
        [
          'u-g1',
          'active',
          '',
          'true',
          'g1',
          'María',
          'García-López',
          '',
          'maria.garcia@example.org',
          '(512) 555-0142',
          '',
          'u-s1',
          '',
          '',
        ],
        ['u-s2', 'tobedeleted', '', 'true', 's2', 'Linh', 'Nguyễn', '', '', '', '', '', '10', ''],
      ]),
    };
    // In 1.2 a user's roles travel in roles.csv, so the delta carries the changed users' roles too.
    const report = await importer.import({
      ...delta,
      roles: csv([ROLES[0]!, ROLES[3]!, ROLES[2]!]),
      manifest: manifest('1.2', { users: 'delta', roles: 'delta' }),
    });
    expect(report.files.find((f) => f.file === 'users.csv')).toMatchObject({
      updated: 1,
      deactivated: 1,
      created: 0,
    });
    const [updated] = await database.dataSource.query(
      `SELECT family_name, version FROM person WHERE sourced_id = 'u-g1'`,
    );
    expect(updated).toEqual({ family_name: 'García-López', version: 2 });
    const [removed] = await database.dataSource.query(`SELECT active FROM person WHERE sourced_id = 'u-s2'`);
    expect(removed.active).toBe(false);
    expect(await count(`SELECT count(*)::int AS n FROM person WHERE sourced_id = 'u-t1' AND active`)).toBe(1);
  });

  it('updates a known person from a delta without roles, keeping their kind and schools', async () => {
    // Staff chose how this teacher is reached; the SIS knows nothing of it.
    await database.dataSource.query(
      `UPDATE person SET preferred_channel = 'EMAIL' WHERE sourced_id = 'u-t1'`,
    );
    const report = await importer.import({
      manifest: manifest('1.2', { users: 'delta' }),
      users: csv([
        USER_HEADER,
        [
          'u-t1',
          'active',
          '',
          'true',
          't1',
          'Ava',
          'Smith-Jones',
          '',
          'ava.smith@example.org',
          '',
          '',
          '',
          '',
          'Avy',
        ],
      ]),
    });
    expect(report.files[0]).toMatchObject({ file: 'users.csv', updated: 1, rejected: 0 });
    const schools = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM school_membership m JOIN person p ON p.id = m.person_id WHERE p.sourced_id = 'u-t1'`,
    );
    expect(schools[0].n).toBe(2);
    const [teacher] = await database.dataSource.query(
      `SELECT kind, family_name FROM person WHERE sourced_id = 'u-t1'`,
    );
    expect(teacher).toEqual({ kind: 'STAFF', family_name: 'Smith-Jones' });
    // The event other services build their read models from says what the directory holds, not the file.
    const [event] = await database.dataSource.query(
      `SELECT o.envelope->'data' AS data FROM outbox_event o JOIN person p ON p.id::text = o.message_key
        WHERE p.sourced_id = 'u-t1' AND o.envelope->>'type' = 'directory.PersonUpdated' ORDER BY o.position DESC LIMIT 1`,
    );
    expect(event.data).toMatchObject({ kind: 'STAFF', preferredChannel: 'EMAIL', active: true });
    expect(event.data.schoolIds).toHaveLength(2);
  });

  it('reads OneRoster 1.1 (role and orgs on users.csv) and byte-order marks', async () => {
    const users11 = csv([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'orgSourcedIds',
        'role',
        'username',
        'givenName',
        'familyName',
        'email',
        'agentSourcedIds',
        'grades',
      ],
      ['v11-s', 'active', '', 'org-nhs', 'student', 'v11s', 'Zoë', 'Okafor', '', 'v11-p', '11'],
      [
        'v11-p',
        'active',
        '',
        'org-nhs',
        'parent',
        'v11p',
        'Chidi',
        'Okafor',
        'chidi@example.org',
        'v11-s',
        '',
      ],
    ]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), users11]);
    const report = await importer.import({ manifest: manifest('1.1', { users: 'delta' }), users: withBom });
    expect(report.files[0]).toMatchObject({ file: 'users.csv', created: 2, rejected: 0 });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM relationship r JOIN person p ON p.id = r.student_id WHERE p.sourced_id = 'v11-s'`,
      ),
    ).toBe(1);
  });

  it.each([
    [
      'a manifest of an unknown version',
      () => ({ manifest: manifest('2.0'), orgs: csv(ORGS) }),
      'INVALID_MANIFEST',
    ],
    ['a set without its manifest', () => ({ orgs: csv(ORGS) }), 'MISSING_FILE'],
    [
      'a file the manifest lists but the set lacks',
      () => ({ manifest: manifest(), orgs: csv(ORGS) }),
      'MISSING_FILE',
    ],
    [
      'a file that is not UTF-8',
      () => ({
        manifest: manifest('1.2', { orgs: 'delta' }),
        orgs: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0xff, 0xfe, 0x0a]),
      }),
      'INVALID_ENCODING',
    ],
    [
      'broken quoting',
      () => ({
        manifest: manifest('1.2', { orgs: 'delta' }),
        orgs: Buffer.from('sourcedId,name,type\r\norg-q,"Unclosed,school\r\n'),
      }),
      'MALFORMED_CSV',
    ],
    [
      'a missing column',
      () => ({
        manifest: manifest('1.2', { orgs: 'delta' }),
        orgs: csv([
          ['sourcedId', 'name'],
          ['o', 'n'],
        ]),
      }),
      'MISSING_COLUMN',
    ],
  ])('refuses %s whole, writing nothing', async (_, files, reason) => {
    const before = await count(
      'SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM school) + (SELECT count(*) FROM outbox_event) AS n',
    );
    await expect(importer.import(files())).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(
      await count(
        'SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM school) + (SELECT count(*) FROM outbox_event) AS n',
      ),
    ).toBe(before);
  });
});

/** What SIS exports do that the first importer refused or got wrong (issue 18), each on a directory of its own. */
describe('OneRoster import: real-world sets', () => {
  let database: TestDatabase;
  let importer: OneRosterImporter;

  beforeAll(async () => {
    database = await rosterTestDatabase('oneroster-real-world');
    importer = new OneRosterImporter(database.dataSource, new OutboxWriter('directory'));
  });
  afterAll(() => database?.drop());

  const staffRow = (id: string, enabled = 'true') => [
    id,
    'active',
    '',
    enabled,
    id,
    `Given ${id}`,
    `Family ${id}`,
    '',
    `${id}@district.example`,
    '',
    '',
    '',
    '',
    '',
  ];
  const roleRow = (id: string, user: string, org: string) => [
    id,
    'active',
    '',
    user,
    'primary',
    'teacher',
    '',
    '',
    org,
  ];
  const ORGS_WITH_DEPARTMENT = [
    ...ORGS,
    ['org-transport', 'active', '2026-08-01', 'Transportation Department', 'department', 'TRANS', 'org-d'],
  ];
  const people = async () =>
    (await database.dataSource.query(
      'SELECT sourced_id, active FROM person WHERE sourced_id IS NOT NULL ORDER BY sourced_id',
    )) as { sourced_id: string; active: boolean }[];

  it('takes a user whose role is at a department (any org that is not a school), with no school membership', async () => {
    const report = await importer.import({
      manifest: manifest('1.2', { orgs: 'bulk', users: 'bulk', roles: 'bulk' }),
      orgs: csv(ORGS_WITH_DEPARTMENT),
      users: csv([USER_HEADER, staffRow('dispatcher'), staffRow('teacher')]),
      roles: csv([
        ROLES[0]!,
        roleRow('r-d', 'dispatcher', 'org-transport'),
        roleRow('r-t', 'teacher', 'org-lin'),
      ]),
    });
    expect(report.rejected).toEqual([]);
    const memberships = await database.dataSource.query(
      `SELECT p.sourced_id, count(m.*)::int AS schools FROM person p LEFT JOIN school_membership m ON m.person_id = p.id
        WHERE p.sourced_id IN ('dispatcher', 'teacher') GROUP BY p.sourced_id ORDER BY p.sourced_id`,
    );
    expect(memberships).toEqual([
      { sourced_id: 'dispatcher', schools: 0 },
      { sourced_id: 'teacher', schools: 1 },
    ]);
  });

  it('keeps a user the SIS no longer enables (enabledUser=false), inactive', async () => {
    await importer.import({
      manifest: manifest('1.2', { users: 'delta', roles: 'delta' }),
      users: csv([USER_HEADER, staffRow('teacher', 'false')]),
      roles: csv([ROLES[0]!, roleRow('r-t', 'teacher', 'org-lin')]),
    });
    expect((await people()).find((person) => person.sourced_id === 'teacher')?.active).toBe(false);
  });

  it('refuses a bulk users.csv with a header and no rows, which would have deactivated everyone', async () => {
    const before = await people();
    await expect(
      importer.import({
        manifest: manifest('1.2', { users: 'bulk' }),
        users: csv([USER_HEADER]),
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_BULK_FILE' });
    expect(await people()).toEqual(before);
  });

  it('stops a set that would deactivate more than a tenth of the people, until an administrator confirms it', async () => {
    const staff = Array.from({ length: 100 }, (_, i) => `staff-${String(i).padStart(3, '0')}`);
    const fullSet = (ids: string[]) => ({
      manifest: manifest('1.2', { users: 'bulk', roles: 'bulk' }),
      users: csv([USER_HEADER, ...ids.map((id) => staffRow(id))]),
      roles: csv([ROLES[0]!, ...ids.map((id) => roleRow(`r-${id}`, id, 'org-lin'))]),
    });
    await importer.import(fullSet(staff), { allowMassDeactivation: true });
    const before = await people();
    // A half-finished export: 40 of the 100 staff are missing.
    const partial = fullSet(staff.slice(0, 60));
    await expect(importer.import(partial)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MASS_DEACTIVATION',
      message: expect.stringMatching(
        /would deactivate 40 of 100 active people \(40 %\); nothing was changed/,
      ),
    });
    expect(await people()).toEqual(before);
    const confirmed = await importer.import(partial, { allowMassDeactivation: true });
    expect(confirmed.files.find((file) => file.file === 'users.csv')?.deactivated).toBe(40);
  });
});

describe('OneRoster import: free-text phone numbers', () => {
  let database: TestDatabase;
  let importer: OneRosterImporter;

  beforeAll(async () => {
    database = await rosterTestDatabase('oneroster-phones');
    importer = new OneRosterImporter(database.dataSource, new OutboxWriter('directory'));
  });
  afterAll(() => database?.drop());

  it('keeps each person, with the numbers that work, and warns once per number left out', async () => {
    const guardian = (id: string, sms: string, phone: string) => [
      id,
      'active',
      '',
      'true',
      id,
      'Pat',
      id,
      '',
      `${id}@example.org`,
      sms,
      phone,
      '',
      '',
      '',
    ];
    const report = await importer.import({
      manifest: manifest('1.2', { orgs: 'bulk', users: 'bulk', roles: 'bulk' }),
      orgs: csv(ORGS),
      users: csv([
        USER_HEADER,
        guardian('g-local', '555-1234', '(512) 555-0199'),
        guardian('g-text', 'call after 5pm', ''),
        guardian('g-fine', '6035550123', ''),
      ]),
      roles: csv([
        ROLES[0]!,
        ...['g-local', 'g-text', 'g-fine'].map((id) => [
          `r-${id}`,
          'active',
          '',
          id,
          'primary',
          'guardian',
          '',
          '',
          'org-lin',
        ]),
      ]),
    });
    expect(report.rejected).toEqual([]);
    expect(report.warnings.map((warning) => [warning.sourcedId, warning.field, warning.reason])).toEqual([
      ['g-local', 'sms', 'INVALID_PHONE'],
      ['g-text', 'sms', 'INVALID_PHONE'],
    ]);
    const phones = await database.dataSource.query(
      `SELECT sourced_id, phones FROM person WHERE sourced_id LIKE 'g-%' ORDER BY sourced_id`,
    );
    expect(
      phones.map((row: { sourced_id: string; phones: { number: string; primary: boolean }[] }) => [
        row.sourced_id,
        row.phones.map((phone) => [phone.number, phone.primary]),
      ]),
    ).toEqual([
      ['g-fine', [['+16035550123', true]]],
      ['g-local', [['+15125550199', true]]],
      ['g-text', []],
    ]);
  });
});
