import {
  checkSet,
  decodeUtf8,
  fieldForFileName,
  matchFiles,
  MAX_REQUEST_BYTES,
  readManifest,
  reasonInWords,
  rejectedRowsCsv,
  reportTotals,
  requestBytes,
  sizeProblem,
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
    });
    expect(readManifest('\uFEFFvalue,propertyName\n1.1,oneroster.version\nbulk,file.orgs\n')).toMatchObject({
      version: '1.1',
      modes: { orgs: 'bulk', users: 'absent' },
    });
    expect(readManifest('\uFEFFpropertyName,value\noneroster.version,1.1\nfile.users,bulk\n')).toMatchObject({
      version: '1.1',
    });
  });

  it('says why the import would refuse a manifest', () => {
    expect(readManifest('name,value\n')).toEqual({
      problem: 'manifest.csv does not have the columns propertyName and value.',
    });
    expect(readManifest(manifest('oneroster.version,1.0\nfile.users,bulk'))).toEqual({
      problem: 'manifest.csv gives OneRoster version "1.0"; the import reads 1.1 and 1.2.',
    });
    expect(readManifest(manifest('oneroster.version,1.2\nfile.users,Bulk'))).toEqual({
      problem: 'manifest.csv says file.users is "Bulk"; it must be bulk, delta or absent.',
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

describe('the size of a set', () => {
  it('counts the bytes as sent: JSON escaping and UTF-8 included', () => {
    const plain = requestBytes({ manifest: 'abc' });
    expect(requestBytes({ manifest: 'a"c' })).toBe(plain + 1); // the quote travels as \"
    expect(requestBytes({ manifest: 'aéc' })).toBe(plain + 1); // é is two bytes in UTF-8
    expect(requestBytes({ manifest: 'a\nc' })).toBe(plain + 1); // a newline travels as \n
  });

  it('refuses a set above the limit in plain words, and lets one at the limit through', () => {
    expect(sizeProblem(MAX_REQUEST_BYTES)).toBeNull();
    expect(sizeProblem(MAX_REQUEST_BYTES + 1)).toMatch(
      /^These files come to 25.1 MB; the portal can send at most 25 MB at once\./,
    );
    expect(sizeProblem(40 * 1024 * 1024)).toMatch(/^These files come to 40 MB;/);
  });

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
    ...counts,
  });

  it('adds up the files', () => {
    expect(
      reportTotals([
        row('orgs.csv', { rows: 3, created: 3 }),
        row('users.csv', { rows: 10, updated: 4, unchanged: 5, rejected: 1 }),
      ]),
    ).toEqual({ rows: 13, created: 3, updated: 4, unchanged: 5, deactivated: 0, rejected: 1 });
  });

  it('puts reasons in words and refused rows in a CSV a SIS administrator can open', () => {
    expect(reasonInWords('UNKNOWN_ORG')).toBe('it names a school (org) not in the set or the directory');
    expect(reasonInWords('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(
      rejectedRowsCsv([
        {
          file: 'users.csv',
          line: 7,
          sourcedId: 'u7',
          field: 'givenName',
          reason: 'MISSING_VALUE',
          message: 'empty, "required"',
        },
        { file: 'orgs.csv', line: 2, sourcedId: null, field: null, reason: 'MALFORMED_CSV', message: 'bad' },
      ]),
    ).toBe(
      'file,line,sourcedId,field,reason,message\r\n' +
        'users.csv,7,u7,givenName,MISSING_VALUE,"empty, ""required"""\r\n' +
        'orgs.csv,2,,,MALFORMED_CSV,bad\r\n',
    );
  });
});
