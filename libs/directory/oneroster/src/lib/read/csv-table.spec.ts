import { readCsv } from './csv-table';

const text = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

describe('readCsv', () => {
  it('reads a header ending in empty names, with rows that stop before them or carry them', async () => {
    const rows = await readCsv(
      'roles.csv',
      text(['sourcedId,userSourcedId,role,,', 'r1,u1,student', 'r2,u2,teacher,,']),
      ['sourcedId', 'role'],
    );
    expect(rows).toEqual([
      { line: 2, values: { sourcedId: 'r1', userSourcedId: 'u1', role: 'student' } },
      { line: 3, values: { sourcedId: 'r2', userSourcedId: 'u2', role: 'teacher' } },
    ]);
  });

  it('refuses a file whose row does not fit its header, naming the line', async () => {
    await expect(
      readCsv('users.csv', text(['sourcedId,givenName', 'u1,Ana', 'u2,Bo,extra']), ['sourcedId']),
    ).rejects.toMatchObject({
      reason: 'MALFORMED_CSV',
      message: 'users.csv: line 3 has 3 cells where the header has 2',
    });
  });

  it('reads a file larger than one slice in order, quoted newlines and all, reporting progress', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `u${i},"Nguyễn, ${i}","line\nbreak"`);
    const progress: number[] = [];
    const bytes = text(['sourcedId,familyName,note', ...lines]);
    const rows = await readCsv('users.csv', bytes, ['sourcedId'], {
      onProgress: (parsed) => progress.push(parsed),
    });
    expect(rows).toHaveLength(40_000);
    expect(rows[39_999]).toEqual({
      line: 40_001,
      values: { sourcedId: 'u39999', familyName: 'Nguyễn, 39999', note: 'line\nbreak' },
    });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(bytes.length);
  });
});
