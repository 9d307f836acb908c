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

  it('defuses a formula behind leading whitespace, and a leading tab or carriage return (OWASP CSV injection)', () => {
    expect(
      toCsv(
        ['comment'],
        [[' =1+1'], ['\t=cmd|"/c calc"!A0'], ['  +1'], ['\n-2+3'], [' @SUM(A1)'], ['\tnote'], ['\rnote']],
      ),
    ).toBe(
      [
        'comment',
        "' =1+1",
        '"\'\t=cmd|""/c calc""!A0"',
        "'  +1",
        '"\'\n-2+3"',
        "' @SUM(A1)",
        "'\tnote",
        '"\'\rnote"',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves text alone that only contains those characters later on, or starts with other whitespace', () => {
    expect(toCsv(['comment'], [['a = b'], [' fine'], ['1-2'], ['x@y.test']])).toBe(
      'comment\r\na = b\r\n fine\r\n1-2\r\nx@y.test\r\n',
    );
  });
});
