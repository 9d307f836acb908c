import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF, quoting only where needed, empty cells for nothing', () => {
    expect(
      toCsv(
        ['group', 'mean', 'note'],
        [
          ['Lincoln Elementary', 7.5, null],
          ['Smith, Jones & Co', -2, 'said "fine"\nthen left'],
        ],
      ),
    ).toBe(
      'group,mean,note\r\nLincoln Elementary,7.5,\r\n"Smith, Jones & Co",-2,"said ""fine""\nthen left"\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['comment'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], [-3]])).toBe(
      'comment\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'@SUM(A1)\r\n-3\r\n',
    );
  });
});
