import { ReportSink } from '../import-report';
import type { RosterSet } from '../roster-set';
import { diffPeople, type Outcome } from './diff-people';
import { planGuardianLinks } from './guardian-links';
import { resolvePeople, type PeopleContext } from './resolve-people';

const table = (source: string, header: string[], rows: string[][]) => ({
  source,
  mode: 'bulk' as const,
  rows: rows.map((cells, index) => ({
    line: index + 2,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])),
  })),
});
const USER = [
  'sourcedId',
  'status',
  'enabledUser',
  'givenName',
  'familyName',
  'agentSourcedIds',
  'dateLastModified',
];
const ROLE = ['sourcedId', 'userSourcedId', 'roleType', 'role', 'orgSourcedId', 'beginDate', 'endDate'];

const context: PeopleContext = {
  schoolIds: new Map([['org-lin', 'school-lin']]),
  nonSchoolOrgs: new Set(['org-district']),
  knownKinds: new Map(),
  language: 'en',
  today: '2026-12-06',
};

async function resolve(users: string[][], roles: string[][]) {
  const set: RosterSet = {
    oneRosterVersion: '1.2',
    tables: { users: table('users.csv', USER, users), roles: table('roles.csv', ROLE, roles) },
    warnings: [],
  };
  const sink = new ReportSink();
  return { ...(await resolvePeople(set, context, sink)), sink };
}

describe('resolvePeople', () => {
  it("sets aside a refused user's roles naming that user's row, and counts them apart from refused rows", async () => {
    const { people, summaries, sink } = await resolve(
      [
        ['u-1', 'active', 'true', 'Ana', 'Ruiz'],
        ['u-2', 'active', 'true', '', 'Nameless'],
      ],
      [
        ['r1', 'u-1', 'primary', 'student', 'org-lin'],
        ['r2', 'u-2', 'primary', 'student', 'org-lin'],
        ['r3', 'u-ghost', 'primary', 'student', 'org-lin'],
      ],
    );
    expect(people.map((p) => p.sourcedId)).toEqual(['u-1']);
    const [users, roles] = summaries;
    expect(users).toMatchObject({ rejected: 1, skipped: 0 });
    expect(roles).toMatchObject({ rows: 3, unchanged: 1, rejected: 1, skipped: 1 });
    expect(sink.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'users.csv', line: 3, sourcedId: 'u-2', field: 'givenName' }),
        {
          file: 'roles.csv',
          line: 3,
          sourcedId: 'r2',
          field: 'userSourcedId',
          reason: 'REFUSED_USER',
          message: 'set aside: its user u-2 was refused',
          causedBy: 'users.csv line 3',
        },
        expect.objectContaining({ file: 'roles.csv', line: 4, reason: 'UNKNOWN_USER' }),
      ]),
    );
  });

  it('takes ext: roles as rows without a membership, warning once per role, and refuses a user who has only those', async () => {
    const { people, summaries, sink } = await resolve(
      [
        ['u-1', 'active', 'true', 'Ana', 'Ruiz'],
        ['u-2', 'active', 'true', 'Bo', 'Coach'],
      ],
      [
        ['r1', 'u-1', 'primary', 'teacher', 'org-lin'],
        ['r2', 'u-1', 'secondary', 'ext:coach', 'org-lin'],
        ['r3', 'u-2', 'primary', 'ext:coach', 'org-lin'],
      ],
    );
    expect(people).toHaveLength(1);
    expect(people[0]!.memberships).toEqual([{ schoolId: 'school-lin', role: 'TEACHER', grade: null }]);
    expect(sink.warnings).toEqual([
      expect.objectContaining({ file: 'roles.csv', line: 3, reason: 'EXTENSION_ROLE', field: 'role' }),
    ]);
    expect(sink.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'users.csv', sourcedId: 'u-2', reason: 'EXTENSION_ROLE' }),
        expect.objectContaining({ file: 'roles.csv', sourcedId: 'r3', reason: 'REFUSED_USER' }),
      ]),
    );
    expect(summaries[1]).toMatchObject({ unchanged: 2, skipped: 1, rejected: 0 });
  });

  it('checks dates: a malformed role date refuses the row, an ended role makes no membership and deactivates', async () => {
    const { people, sink } = await resolve(
      [
        ['u-1', 'active', 'true', 'Ana', 'Ruiz', '', '2026-13-01'],
        ['u-2', 'active', 'true', 'Cy', 'Gone', '', '2026-06-30T10:00:00Z'],
        ['u-3', 'active', 'true', 'Di', 'Soon'],
      ],
      [
        ['r1', 'u-1', 'primary', 'student', 'org-lin', '2026-08-01', ''],
        ['r2', 'u-1', 'secondary', 'student', 'org-lin', '08/01/2026', ''],
        ['r3', 'u-2', 'primary', 'student', 'org-lin', '2025-08-01', '2026-06-01'],
        ['r4', 'u-3', 'primary', 'student', 'org-lin', '2027-01-04', ''],
        ['r5', 'u-3', 'secondary', 'student', 'org-lin', '2026-09-01', '2026-08-01'],
      ],
    );
    expect(sink.rejected.map((r) => [r.sourcedId, r.field, r.reason])).toEqual([
      ['r2', 'beginDate', 'INVALID_DATE'],
      ['r5', 'endDate', 'INVALID_DATE'],
    ]);
    expect(sink.warnings).toEqual([
      expect.objectContaining({ sourcedId: 'u-1', field: 'dateLastModified', reason: 'INVALID_DATE' }),
    ]);
    const bySourcedId = new Map(people.map((p) => [p.sourcedId, p]));
    expect(bySourcedId.get('u-1')).toMatchObject({ deactivate: false });
    expect(bySourcedId.get('u-2')).toMatchObject({ deactivate: true, memberships: [] });
    // Not begun yet: the same as ended, until the day comes.
    expect(bySourcedId.get('u-3')).toMatchObject({ deactivate: true });
  });
});

describe('resolvePeople: what exports really send', () => {
  it("reads status however it is spelled (toBeDeleted, 1.0's inactive) and takes enrollments at departments", async () => {
    const set: RosterSet = {
      oneRosterVersion: '1.1',
      tables: {
        users: table(
          'users.csv',
          [...USER, 'role', 'orgSourcedIds'],
          [
            ['u-1', 'toBeDeleted', 'true', 'Ana', 'Ruiz', '', '', 'student', 'org-lin'],
            ['u-2', 'Inactive', 'TRUE', 'Bo', 'Lee', '', '', 'student', 'org-lin'],
            ['u-3', 'active', 'FALSE', 'Cy', 'Kim', '', '', 'teacher', 'org-lin'],
            ['u-4', 'active', 'TRUE', 'Di', 'Oh', '', '', 'teacher', 'org-district'],
          ],
        ),
        enrollments: table(
          'enrollments.csv',
          ['sourcedId', 'userSourcedId', 'schoolSourcedId', 'role'],
          [['e1', 'u-4', 'org-district', 'teacher']],
        ),
      },
      warnings: [],
    };
    const sink = new ReportSink();
    const { people, summaries } = await resolvePeople(set, context, sink);
    expect(people.map((p) => [p.sourcedId, p.deactivate])).toEqual([
      ['u-1', true],
      ['u-2', true],
      ['u-3', true],
      ['u-4', false],
    ]);
    expect(people[3]!.memberships).toEqual([]);
    expect(sink.rejected).toEqual([]);
    expect(summaries[1]).toMatchObject({ file: 'enrollments.csv', unchanged: 1, rejected: 0 });
  });
});

describe('planGuardianLinks', () => {
  it('does not link people the set deactivates, and names the refused row behind a missing agent', async () => {
    const { people, refused, summaries, sink } = await resolve(
      [
        ['u-s1', 'active', 'true', 'Kid', 'One', 'u-g1,u-g2,u-g3,u-g4'],
        ['u-g1', 'tobedeleted', 'true', 'Gone', 'Parent'],
        ['u-g2', 'active', 'true', 'Kept', 'Parent'],
        ['u-g3', 'active', 'true', '', 'Refused'],
      ],
      [
        ['r1', 'u-s1', 'primary', 'student', 'org-lin'],
        ['r2', 'u-g1', 'primary', 'parent', 'org-lin'],
        ['r3', 'u-g2', 'primary', 'guardian', 'org-lin'],
        ['r4', 'u-g3', 'primary', 'guardian', 'org-lin'],
      ],
    );
    const outcomes = new Map<string, Outcome>();
    let next = 0;
    diffPeople(people, new Map(), () => `id-${(next += 1)}`, outcomes);
    const links = planGuardianLinks(people, outcomes, refused, summaries[0]!, sink);
    expect(links).toEqual([
      { guardianId: outcomes.get('u-g2')!.id, studentId: outcomes.get('u-s1')!.id, type: 'GUARDIAN' },
    ]);
    expect(summaries[0]).toMatchObject({ rejected: 1, linksRefused: 2 });
    expect(sink.rejected.filter((r) => r.field === 'agentSourcedIds')).toEqual([
      expect.objectContaining({ reason: 'REFUSED_USER', causedBy: 'users.csv line 5' }),
      expect.objectContaining({ reason: 'UNKNOWN_USER', message: 'no user u-g4' }),
    ]);
    expect(sink.warnings).toEqual([
      expect.objectContaining({ reason: 'DEACTIVATED_USER', sourcedId: 'u-s1' }),
    ]);
  });
});
