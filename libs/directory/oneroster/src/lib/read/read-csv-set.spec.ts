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
});
