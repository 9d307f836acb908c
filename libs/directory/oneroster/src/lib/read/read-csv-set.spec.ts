import { readOneRosterCsv } from './read-csv-set';

const text = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

describe('readOneRosterCsv', () => {
  it('reads a OneRoster 1.0 export without a manifest, its old column names as 1.2 ones, warning of each', async () => {
    const set = await readOneRosterCsv({
      orgs: text([
        'sourcedId,status,dateLastModified,name,type,identifier,metadata.classification,parentSourcedId',
        'o1,active,,Lincoln,school,LIN,,',
      ]),
      users: text([
        'SourcedId,status,dateLastModified,orgSourcedIds,role,username,userId,givenName,familyName,identifier,email,sms,phone,agents',
        'u1,active,,o1,student,u1,{SIS:1},Ana,Ruiz,,,,,u2',
      ]),
      demographics: text(['userSourcedId,birthDate', 'u1,2015-01-01']),
    });
    expect(set.oneRosterVersion).toBe('1.0');
    expect(set.tables.users).toMatchObject({ mode: 'bulk', source: 'users.csv' });
    expect(set.tables.users!.rows[0]!.values).toMatchObject({
      sourcedId: 'u1',
      agentSourcedIds: 'u2',
      userIds: '{SIS:1}',
      role: 'student',
    });
    expect(set.tables.demographics!.rows[0]!.values['sourcedId']).toBe('u1');
    expect(set.warnings.map((w) => [w.file, w.field, w.reason])).toEqual([
      ['manifest.csv', null, 'HEADER_VARIANT'],
      ['users.csv', 'userId', 'HEADER_VARIANT'],
      ['users.csv', 'agents', 'HEADER_VARIANT'],
      ['demographics.csv', 'userSourcedId', 'HEADER_VARIANT'],
    ]);
  });

  it('still refuses a set without a manifest that is not a 1.0 export', async () => {
    await expect(
      readOneRosterCsv({ users: text(['sourcedId,givenName,familyName', 'u1,Ana,Ruiz']) }),
    ).rejects.toMatchObject({ reason: 'MISSING_FILE' });
  });

  it('takes an empty demographics.csv with a warning, reads misspelled columns, and still refuses an empty users.csv', async () => {
    const manifest = text([
      'propertyName,value',
      'oneroster.version,1.2',
      'file.users,bulk',
      'file.roles,bulk',
      'file.demographics,bulk',
    ]);
    const set = await readOneRosterCsv({
      manifest,
      users: text(['sourcedId,givenName,familyName,prefferedGivenName', 'u1,Ana,Ruiz,Annie']),
      roles: text([
        'sourcedId,dataLastModified,userSourcedId,roleType,role,orgSourcedId,,',
        'r1,2025-01-01,u1,primary,student,o1',
      ]),
      demographics: text(['sourcedId,birthDate']),
    });
    expect(set.tables.users!.rows[0]!.values['preferredGivenName']).toBe('Annie');
    expect(set.tables.roles!.rows[0]!.values['dateLastModified']).toBe('2025-01-01');
    expect(set.warnings.map((w) => [w.file, w.reason])).toEqual([
      ['users.csv', 'HEADER_VARIANT'],
      ['roles.csv', 'HEADER_VARIANT'],
      ['demographics.csv', 'EMPTY_BULK_FILE'],
    ]);
    await expect(
      readOneRosterCsv({
        manifest,
        users: text(['sourcedId,givenName,familyName']),
        roles: text(['sourcedId,userSourcedId,roleType,role,orgSourcedId']),
        demographics: text(['sourcedId']),
      }),
    ).rejects.toMatchObject({ reason: 'EMPTY_BULK_FILE', message: expect.stringMatching(/: users\.csv$/) });
  });
});
