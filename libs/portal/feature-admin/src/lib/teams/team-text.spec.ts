import {
  addGrant,
  availabilityText,
  backOnField,
  describeGrants,
  grantProblem,
  grantsOf,
  membersInput,
  passwordProblems,
  primaryEmail,
  rolesInput,
  schoolChoices,
  teamActionDone,
  teamActionName,
  teamChanges,
  teamInput,
  teamPlace,
} from './team-text';

const schools = new Map([['s1', 'Lincoln Elementary']]);
const now = new Date(2026, 2, 2, 9, 30);

describe('staff roles', () => {
  it('keeps the district administrator district-wide and the school administrator at a school', () => {
    expect(grantProblem('DISTRICT_ADMIN', 's1')).toMatch(/whole district/);
    expect(grantProblem('DISTRICT_ADMIN', '')).toBeNull();
    expect(grantProblem('SCHOOL_ADMIN', '')).toBe('A school administrator needs a school.');
    expect(grantProblem('SCHOOL_ADMIN', 's1')).toBeNull();
    expect(grantProblem('AGENT', '')).toBeNull();
    expect(grantProblem('VIEWER', 's1')).toBeNull();
    expect(grantProblem('', '')).toBe('Choose a role.');
  });

  it('adds a role once', () => {
    const grants = addGrant([{ role: 'AGENT', schoolId: 's1' }], { role: 'AGENT', schoolId: 's1' });
    expect(grants).toEqual([{ role: 'AGENT', schoolId: 's1' }]);
    expect(addGrant(grants, { role: 'AGENT', schoolId: null })).toHaveLength(2);
  });

  it('describes roles in words, and what holding none means', () => {
    expect(
      describeGrants(
        [
          { role: 'DISTRICT_ADMIN', schoolId: null },
          { role: 'SCHOOL_ADMIN', schoolId: 's1' },
          { role: 'AGENT', schoolId: null },
          { role: 'VIEWER', schoolId: 'gone' },
        ],
        schools,
      ),
    ).toBe(
      'District administrator; School administrator at Lincoln Elementary; Agent for the whole district; Viewer at a school no longer listed',
    );
    expect(describeGrants([], schools)).toBe('No roles (cannot use the staff portal)');
  });

  it('leaves the school out for a district-wide role', () => {
    expect(
      rolesInput([
        { role: 'DISTRICT_ADMIN', schoolId: null },
        { role: 'AGENT', schoolId: 's1' },
      ]),
    ).toEqual([{ role: 'DISTRICT_ADMIN' }, { role: 'AGENT', schoolId: 's1' }]);
  });
});

describe('a staff member', () => {
  it('holds the roles on record, the school left out for the whole district', () => {
    expect(
      grantsOf({
        staffRoles: [
          { role: 'AGENT', school: { id: 's1' } },
          { role: 'VIEWER', school: null },
        ],
      }),
    ).toEqual([
      { role: 'AGENT', schoolId: 's1' },
      { role: 'VIEWER', schoolId: null },
    ]);
  });

  it('is written to at the primary address, else the first, else nowhere', () => {
    const emails = [
      { address: 'first@example.org', primary: false },
      { address: 'main@example.org', primary: true },
    ];
    expect(primaryEmail({ emails })).toBe('main@example.org');
    expect(primaryEmail({ emails: emails.slice(0, 1) })).toBe('first@example.org');
    expect(primaryEmail({ emails: [] })).toBe('');
  });
});

describe('team members', () => {
  it('says whether routing may assign to a member, out of office first', () => {
    const back = new Date(2026, 2, 10).toISOString();
    expect(availabilityText({ available: true, outOfOfficeUntil: back }, now)).toBe(
      'Out of office until Mar 10, 2026',
    );
    expect(
      availabilityText({ available: true, outOfOfficeUntil: new Date(2026, 2, 1).toISOString() }, now),
    ).toBe('Available');
    expect(availabilityText({ available: false, outOfOfficeUntil: null }, now)).toBe('Not taking cases');
  });

  it('shows a coming return date in the date field, and none once it has passed', () => {
    expect(backOnField(new Date(2026, 2, 10).toISOString(), now)).toBe('2026-03-10');
    expect(backOnField(new Date(2026, 1, 10).toISOString(), now)).toBe('');
    expect(backOnField(null, now)).toBe('');
  });

  it('sends each member with availability and the start of the day they are back', () => {
    expect(
      membersInput(
        [
          { personId: 'a', name: 'Ana', available: true, backOn: '' },
          { personId: 'b', name: 'Ben', available: false, backOn: '2026-03-10' },
        ],
        now,
      ),
    ).toEqual({
      input: [
        { personId: 'a', available: true, outOfOfficeUntil: null },
        { personId: 'b', available: false, outOfOfficeUntil: new Date(2026, 2, 10).toISOString() },
      ],
    });
  });

  it('refuses a return date that has passed or is not a date', () => {
    expect(
      membersInput(
        [
          { personId: 'a', name: 'Ana', available: true, backOn: '2026-03-01' },
          { personId: 'b', name: 'Ben', available: true, backOn: 'soon' },
        ],
        now,
      ).problems,
    ).toEqual([
      'The date Ana is back has passed: clear it or choose a later one.',
      'The date Ben is back is not a date.',
    ]);
  });
});

describe('where a team works', () => {
  const departments = new Map([['d1', 'School office']]);

  it('names its school and department', () => {
    expect(teamPlace({ schoolId: 's1', departmentId: 'd1' }, schools, departments)).toBe(
      'Lincoln Elementary · School office',
    );
    expect(teamPlace({ schoolId: null, departmentId: null }, schools, departments)).toBe('District team');
  });

  it('says "A school" for a school no longer listed', () => {
    expect(teamPlace({ schoolId: 'gone', departmentId: null }, schools, departments)).toBe('A school');
  });
});

describe('a new team', () => {
  it('needs a name, and sends no school or department when none is chosen', () => {
    expect(teamInput({ name: ' ', schoolId: '', departmentId: '' })).toEqual({
      problems: ['Enter the team’s name.'],
    });
    expect(teamInput({ name: ' Transportation ', schoolId: '', departmentId: 'd1' })).toEqual({
      input: { name: 'Transportation', schoolId: null, departmentId: 'd1', members: [] },
    });
  });
});

describe('renaming or moving a team', () => {
  const team = { name: 'Transportation', schoolId: null, departmentId: 'd1' };

  it('sends only what changed, none chosen as null', () => {
    expect(teamChanges(team, { name: ' Buses ', schoolId: '', departmentId: 'd1' })).toEqual({
      input: { name: 'Buses' },
    });
    expect(teamChanges(team, { name: 'Transportation', schoolId: 's1', departmentId: '' })).toEqual({
      input: { schoolId: 's1', departmentId: null },
    });
  });

  it('needs a name, and something to change', () => {
    expect(teamChanges(team, { name: '  ', schoolId: 's1', departmentId: '' })).toEqual({
      problems: ['Enter the team’s name.'],
    });
    expect(teamChanges(team, { name: ' Transportation', schoolId: '', departmentId: 'd1' })).toEqual({
      problems: ['Nothing to save: the name, school and department are as they were.'],
    });
  });

  it('offers the active schools, and the team’s own even when deactivated', () => {
    const all = [
      { id: 's1', active: true },
      { id: 's2', active: false },
      { id: 's3', active: false },
    ];
    expect(schoolChoices(all, 's2').map((school) => school.id)).toEqual(['s1', 's2']);
    expect(schoolChoices(all, null).map((school) => school.id)).toEqual(['s1']);
  });
});

describe('switching a team off and on', () => {
  it('names the action for its button, and says what it did', () => {
    expect(teamActionName('deactivate', 'Buses')).toBe('Deactivate Buses');
    expect(teamActionName('reactivate', 'Buses')).toBe('Reactivate Buses');
    expect(teamActionDone('deactivate', 'Buses')).toBe(
      'Buses was deactivated: routing assigns its cases to no one until it is reactivated.',
    );
    expect(teamActionDone('reactivate', 'Buses')).toMatch(/^Buses was reactivated: routing assigns/);
  });
});

describe('a staff password', () => {
  it('follows the directory’s policy before it is sent', () => {
    expect(passwordProblems('correct horse battery', 'correct horse battery', 'dana@example.org')).toEqual(
      [],
    );
    expect(passwordProblems('short', 'short', null)).toEqual(['The password needs at least 12 characters.']);
    expect(passwordProblems('aaaaaaaaaaaa', 'aaaaaaaaaaab', null)).toEqual([
      'The password repeats one character.',
      'The two passwords differ.',
    ]);
    expect(passwordProblems('Dana.Smith-2026!', 'Dana.Smith-2026!', 'dana.smith@example.org')).toEqual([
      'The password contains the staff member’s email name.',
    ]);
  });
});
