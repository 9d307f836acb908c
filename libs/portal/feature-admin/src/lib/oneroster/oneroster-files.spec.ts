import {
  checkSet,
  decodeUtf8,
  fieldForFileName,
  inferManifest,
  matchFiles,
  readManifest,
  reasonInWords,
  rejectedRowsCsv,
  reportTotals,
  type Manifest,
} from './oneroster-files';

const manifest = (rows: string) => `propertyName,value\r\n"manifest.version","1.0"\r\n${rows}`;

describe('choosing a OneRoster set', () => {
  it('matches files to fields by name, whatever the case or folder', () => {
    expect(fieldForFileName('Users.CSV')).toBe('users');
    expect(fieldForFileName('export/2026/orgs.csv')).toBe('orgs');
    expect(fieldForFileName('C:\\sis\\manifest.csv')).toBe('manifest');
    expect(fieldForFileName('classes.csv')).toBeNull();
    expect(fieldForFileName('users.csv.bak')).toBeNull();
  });

  it('sorts chosen files, sets aside those the import does not read, and refuses two for one field', () => {
    const chosen = [
      { name: 'manifest.csv' },
      { name: 'users.csv' },
      { name: 'courses.csv' },
      { name: 'USERS.csv' },
    ];
    const matched = matchFiles(chosen);
    expect(matched.files).toEqual({ manifest: chosen[0], users: chosen[1] });
    expect(matched.ignored).toEqual([chosen[2]]);
    expect(matched.problems).toEqual(['Two files are named users.csv: choose one.']);
  });

  it('reads the manifest as the import will', () => {
    expect(
      readManifest(
        manifest(
          '"oneroster.version","1.2"\r\n"file.orgs","bulk"\r\n"file.users","delta"\r\nfile.classes,bulk\r\n',
        ),
      ),
    ).toEqual({
      version: '1.2',
      modes: { orgs: 'bulk', users: 'delta', roles: 'absent', enrollments: 'absent', demographics: 'absent' },
      inferred: false,
    });
    expect(readManifest('\uFEFFvalue,propertyName\n1.1,oneroster.version\nbulk,file.orgs\n')).toMatchObject({
      version: '1.1',
      modes: { orgs: 'bulk', users: 'absent' },
    });
    expect(readManifest('\uFEFFpropertyName,value\noneroster.version,1.1\nfile.users,bulk\n')).toMatchObject({
      version: '1.1',
    });
  });

  it('reads a OneRoster 1.0 manifest, and a mode in capitals as the server does', () => {
    expect(readManifest(manifest('oneroster.version,1.0\nfile.orgs,Bulk\nfile.users,DELTA'))).toEqual({
      version: '1.0',
      modes: { orgs: 'bulk', users: 'delta', roles: 'absent', enrollments: 'absent', demographics: 'absent' },
      inferred: false,
    });
  });

  it('reads a set without a manifest as OneRoster 1.0, every chosen file bulk, when users.csv is 1.0', () => {
    expect(
      inferManifest(
        new Set(['users', 'orgs']),
        '\uFEFF"sourcedId","status","orgSourcedIds","Role","username"\r\nu1,active,o1,student,ana\r\n',
      ),
    ).toEqual({
      version: '1.0',
      modes: { orgs: 'bulk', users: 'bulk', roles: 'absent', enrollments: 'absent', demographics: 'absent' },
      inferred: true,
    });
    expect(inferManifest(new Set(['users']), 'sourcedId,status,givenName\nu1,active,Ana\n')).toEqual({
      problem:
        "Without manifest.csv the set is read as OneRoster 1.0, but users.csv does not have 1.0's role and " +
        'orgSourcedIds columns: choose the manifest.csv of the export too.',
    });
  });

  it('says why the import would refuse a manifest', () => {
    expect(readManifest('name,value\n')).toEqual({
      problem: 'manifest.csv does not have the columns propertyName and value.',
    });
    expect(readManifest(manifest('oneroster.version,0.9\nfile.users,bulk'))).toEqual({
      problem: 'manifest.csv gives OneRoster version "0.9"; the import reads 1.0, 1.1 and 1.2.',
    });
    expect(readManifest(manifest('oneroster.version,1.2\nfile.users,full'))).toEqual({
      problem: 'manifest.csv says file.users is "full"; it must be bulk, delta or absent.',
    });
    expect(readManifest(manifest('oneroster.version,1.2\nfile.roles,bulk'))).toEqual({
      problem: 'manifest.csv lists neither orgs.csv nor users.csv: there is nothing to import.',
    });
  });

  it('checks the chosen files against the manifest', () => {
    const read = readManifest(
      manifest('oneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,delta'),
    ) as Manifest;
    expect(checkSet(new Set(['manifest', 'orgs', 'users', 'demographics']), read)).toEqual({
      problems: ['The manifest lists roles.csv (delta), but it was not chosen.'],
      skipped: ['demographics.csv'],
    });
    expect(checkSet(new Set(['manifest', 'orgs', 'users', 'roles']), read)).toEqual({
      problems: [],
      skipped: [],
    });
  });
});

describe('the encoding of a file', () => {
  it('reads UTF-8 and refuses other encodings', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0x6f, 0x73, 0xc3, 0xa9]))).toBe('José');
    expect(decodeUtf8(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBeNull(); // Windows-1252 é
  });
});

describe('the import report', () => {
  const row = (file: string, counts: Partial<Record<string, number>>) => ({
    file,
    mode: 'bulk',
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    rejected: 0,
    skipped: 0,
    linksRefused: 0,
    ...counts,
  });

  it('adds up the files', () => {
    expect(
      reportTotals([
        row('orgs.csv', { rows: 3, created: 3 }),
        row('users.csv', { rows: 10, updated: 4, unchanged: 5, rejected: 1, linksRefused: 2 }),
        row('roles.csv', { rows: 6, created: 4, skipped: 2 }),
      ]),
    ).toEqual({
      rows: 19,
      created: 7,
      updated: 4,
      unchanged: 5,
      deactivated: 0,
      rejected: 1,
      skipped: 2,
      linksRefused: 2,
    });
  });

  it('puts reasons in words and refused rows in a CSV a SIS administrator can open', () => {
    expect(reasonInWords('UNKNOWN_ORG')).toBe('it names a school (org) not in the set or the directory');
    expect(reasonInWords('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(reasonInWords('REFUSED_USER')).toBe('the person (user) it depends on was refused');
    expect(reasonInWords('SIS_UNAVAILABLE')).toBe(
      'the SIS did not answer after several tries (try again later)',
    );
    for (const reason of [
      'EXTENSION_ROLE',
      'DEACTIVATED_USER',
      'INVALID_DATE',
      'HEADER_VARIANT',
      'EMPTY_BULK_FILE',
      'MASS_DEACTIVATION',
      'SIS_UNAUTHORIZED',
      'SIS_MALFORMED_RESPONSE',
      'SIS_REQUEST_REFUSED',
    ])
      expect(reasonInWords(reason)).toMatch(/^[a-z].* [a-z]/);
    expect(
      rejectedRowsCsv([
        {
          file: 'users.csv',
          line: 7,
          sourcedId: 'u7',
          field: 'givenName',
          reason: 'MISSING_VALUE',
          message: 'empty, "required"',
          causedBy: null,
        },
        {
          file: 'roles.csv',
          line: 4,
          sourcedId: 'r4',
          field: 'userSourcedId',
          reason: 'REFUSED_USER',
          message: 'set aside: its user u7 was refused',
          causedBy: 'users.csv line 7',
        },
        {
          file: 'orgs.csv',
          line: 2,
          sourcedId: null,
          field: null,
          reason: 'MALFORMED_CSV',
          message: 'bad',
          causedBy: null,
        },
      ]),
    ).toBe(
      'file,line,sourcedId,field,reason,message,causedBy\r\n' +
        'users.csv,7,u7,givenName,MISSING_VALUE,"empty, ""required""",\r\n' +
        'roles.csv,4,r4,userSourcedId,REFUSED_USER,set aside: its user u7 was refused,users.csv line 7\r\n' +
        'orgs.csv,2,,,MALFORMED_CSV,bad,\r\n',
    );
  });
});
