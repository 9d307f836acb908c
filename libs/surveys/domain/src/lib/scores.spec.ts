import {
  csatOfDistribution,
  csatSummary,
  isLowSatisfaction,
  npsOfCounts,
  npsSummary,
  responseRate,
  suppressSmallCells,
  suppressSmallGroups,
} from './scores';

describe('csatSummary', () => {
  it('gives the count, the mean and the distribution', () => {
    expect(csatSummary([10, 9, 9, 4, 1, 2])).toEqual({
      count: 6,
      mean: 5.83,
      distribution: [1, 1, 0, 1, 0, 0, 0, 0, 2, 1],
    });
  });

  it('has no mean without scores', () => {
    expect(csatSummary([])).toEqual({ count: 0, mean: null, distribution: Array(10).fill(0) });
  });

  it.each([[0], [11], [7.5]])('refuses a score of %p', (score) => {
    expect(() => csatSummary([5, score])).toThrow(expect.objectContaining({ reason: 'INVALID_SCORE' }));
  });
});

describe('csatOfDistribution', () => {
  it('gives what csatSummary gives for the same answers', () => {
    const answers = [10, 9, 9, 4, 1, 2];
    expect(csatOfDistribution(csatSummary(answers).distribution)).toEqual(csatSummary(answers));
    expect(csatOfDistribution(Array(10).fill(0))).toEqual(csatSummary([]));
  });

  it.each([[[1, 2, 3]], [[1, 0, 0, 0, 0, 0, 0, 0, 0, -1]], [[0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0]]])(
    'refuses %p',
    (distribution) => {
      expect(() => csatOfDistribution(distribution)).toThrow(
        expect.objectContaining({ reason: 'INVALID_COUNT' }),
      );
    },
  );
});

describe('npsSummary', () => {
  it.each([
    ['all promoters', [9, 10, 10], { promoters: 3, passives: 0, detractors: 0, nps: 100 }],
    ['all detractors', [0, 6, 3], { promoters: 0, passives: 0, detractors: 3, nps: -100 }],
    ['passives only', [7, 8], { promoters: 0, passives: 2, detractors: 0, nps: 0 }],
    ['the boundaries 6/7 and 8/9', [6, 7, 8, 9], { promoters: 1, passives: 2, detractors: 1, nps: 0 }],
    ['a mix, to one decimal', [10, 9, 8, 0, 5, 10], { promoters: 3, passives: 1, detractors: 2, nps: 16.7 }],
    ['none', [], { promoters: 0, passives: 0, detractors: 0, nps: null }],
  ])('%s', (_, scores, expected) => {
    expect(npsSummary(scores)).toEqual({ count: scores.length, ...expected });
  });

  it('takes 0 but not 11', () => {
    expect(() => npsSummary([11])).toThrow(expect.objectContaining({ reason: 'INVALID_SCORE' }));
  });
});

describe('npsOfCounts', () => {
  it('gives what npsSummary gives over the same answers', () => {
    const scores = [10, 9, 8, 0, 5, 10, 7, 7, 6];
    const counts = [...new Set(scores)].map((score) => ({
      score,
      count: scores.filter((s) => s === score).length,
    }));
    expect(npsOfCounts(counts)).toEqual(npsSummary(scores));
  });

  it('adds up a score counted twice, and takes zero counts', () => {
    expect(
      npsOfCounts([
        { score: 10, count: 3 },
        { score: 10, count: 1 },
        { score: 6, count: 1 },
        { score: 8, count: 0 },
      ]),
    ).toEqual({ count: 5, promoters: 4, passives: 0, detractors: 1, nps: 60 });
  });

  it('has no score without answers', () => {
    expect(npsOfCounts([])).toEqual({ count: 0, promoters: 0, passives: 0, detractors: 0, nps: null });
  });

  it.each([
    [[{ score: 11, count: 1 }], 'INVALID_SCORE'],
    [[{ score: 9, count: -1 }], 'INVALID_COUNT'],
    [[{ score: 9, count: 1.5 }], 'INVALID_COUNT'],
  ])('refuses %j', (counts, reason) => {
    expect(() => npsOfCounts(counts)).toThrow(expect.objectContaining({ reason }));
  });
});

describe('responseRate', () => {
  it.each([
    [25, 100, 0.25],
    [0, 0, null],
    [3, 3, 1],
  ])('%i of %i is %p', (responded, invited, rate) => {
    expect(responseRate(responded, invited)).toBe(rate);
  });

  it('refuses more responses than invitations', () => {
    expect(() => responseRate(4, 3)).toThrow(expect.objectContaining({ reason: 'INVALID_COUNT' }));
  });
});

describe('isLowSatisfaction', () => {
  it.each([
    [1, undefined, true],
    [4, undefined, true],
    [5, undefined, false],
    [6, 6, true],
    [7, 6, false],
  ])('%i with threshold %p is low: %p', (score, threshold, low) => {
    expect(isLowSatisfaction(score, threshold)).toBe(low);
  });
});

describe('suppressSmallGroups', () => {
  const g = (key: string, count: number) => ({ key, count, mean: 7.5 });
  const hidden = (groups: ReturnType<typeof suppressSmallGroups<ReturnType<typeof g>>>) =>
    groups.filter((x) => x.suppressed).map((x) => `${x.key}:${x.suppressed ? x.reason : ''}`);

  it.each([
    ['nothing when every group is large enough', [g('a', 10), g('b', 5)], []],
    [
      'two small groups, which protect each other',
      [g('a', 2), g('b', 3), g('c', 40)],
      ['a:SMALL_GROUP', 'b:SMALL_GROUP'],
    ],
    [
      'one small group and, with it, the smallest other',
      [g('a', 40), g('b', 2), g('c', 12), g('d', 30)],
      ['b:SMALL_GROUP', 'c:COMPLEMENTARY'],
    ],
    [
      'a lone small group and its only neighbour',
      [g('a', 3), g('b', 100)],
      ['a:SMALL_GROUP', 'b:COMPLEMENTARY'],
    ],
    ['nothing for a group with no responses', [g('a', 0), g('b', 10), g('c', 20)], []],
    [
      'an empty group is no complement',
      [g('a', 0), g('b', 2), g('c', 20)],
      ['b:SMALL_GROUP', 'c:COMPLEMENTARY'],
    ],
  ])('hides %s', (_, groups, expected) => {
    expect(hidden(suppressSmallGroups(groups, 5))).toEqual(expected);
  });

  it('keeps no figures of a hidden group, and all of a shown one', () => {
    const [small, , large] = suppressSmallGroups([g('a', 2), g('b', 3), g('c', 40)], 5);
    expect(small).toEqual({ key: 'a', suppressed: true, reason: 'SMALL_GROUP' });
    expect(large).toEqual({ key: 'c', count: 40, mean: 7.5, suppressed: false });
  });

  it('recovers nothing by subtraction after complementary suppression', () => {
    const groups = [g('a', 40), g('b', 2), g('c', 12), g('d', 30)];
    const total = groups.reduce((sum, x) => sum + x.count, 0);
    const shown = suppressSmallGroups(groups, 5).flatMap((x) => (x.suppressed ? [] : [x.count]));
    // The remainder is b and c together: b's own count cannot be told from it.
    expect(total - shown.reduce((a, b) => a + b, 0)).toBe(14);
  });

  it('refuses a minimum below 1', () => {
    expect(() => suppressSmallGroups([g('a', 1)], 0)).toThrow(
      expect.objectContaining({ reason: 'INVALID_MINIMUM_GROUP_SIZE' }),
    );
  });
});

describe('suppressSmallCells', () => {
  const cell = (row: string, column: string, count: number) => ({ row, column, count });
  const hidden = (cells: ReturnType<typeof suppressSmallCells<ReturnType<typeof cell>>>) =>
    cells.filter((c) => c.suppressed).map((c) => `${c.row}/${c.column}:${c.reason}`);

  it('hides nothing when every cell is large enough, and keeps every field', () => {
    const cells = suppressSmallCells([cell('a', '2026-10', 9), cell('b', '2026-10', 5)], 5);
    expect(cells).toEqual([
      { row: 'a', column: '2026-10', count: 9, suppressed: false, reason: null },
      { row: 'b', column: '2026-10', count: 5, suppressed: false, reason: null },
    ]);
  });

  it('hides a small cell with the smallest of its row and of its column, and so on until each line hides two', () => {
    //          Oct  Nov
    //   a        2   30
    //   b       20    8
    // a/Oct is small; its row hides a/Nov, its column b/Oct, and then b's row and Nov's column hide b/Nov.
    const cells = [cell('a', 'Oct', 2), cell('a', 'Nov', 30), cell('b', 'Oct', 20), cell('b', 'Nov', 8)];
    expect(hidden(suppressSmallCells(cells, 5))).toEqual([
      'a/Oct:SMALL_GROUP',
      'a/Nov:COMPLEMENTARY',
      'b/Oct:COMPLEMENTARY',
      'b/Nov:COMPLEMENTARY',
    ]);
  });

  it('needs no more when two small cells already share every line', () => {
    const cells = [cell('a', 'Oct', 2), cell('a', 'Nov', 3), cell('b', 'Oct', 4), cell('b', 'Nov', 1)];
    expect(hidden(suppressSmallCells(cells, 5))).toEqual([
      'a/Oct:SMALL_GROUP',
      'a/Nov:SMALL_GROUP',
      'b/Oct:SMALL_GROUP',
      'b/Nov:SMALL_GROUP',
    ]);
  });

  it('leaves other rows alone and recovers nothing by subtraction in the lines it touched', () => {
    const cells = [
      cell('a', 'Oct', 40),
      cell('a', 'Nov', 12),
      cell('b', 'Oct', 3),
      cell('b', 'Nov', 25),
      cell('c', 'Oct', 50),
      cell('c', 'Nov', 60),
    ];
    const reported = suppressSmallCells(cells, 5);
    // b/Oct small; its row hides b/Nov, its column a/Oct (40 < 50); then a's row hides a/Nov and Nov's
    // column already hides two. c stays whole.
    expect(hidden(reported)).toEqual([
      'a/Oct:COMPLEMENTARY',
      'a/Nov:COMPLEMENTARY',
      'b/Oct:SMALL_GROUP',
      'b/Nov:COMPLEMENTARY',
    ]);
    for (const line of [(c: { row: string }) => c.row === 'b', (c: { column: string }) => c.column === 'Oct'])
      expect(reported.filter(line).filter((c) => c.suppressed).length).not.toBe(1);
  });

  it('does not hide empty cells, and leaves a line alone with nothing else to hide', () => {
    expect(hidden(suppressSmallCells([cell('a', 'Oct', 2), cell('a', 'Nov', 0)], 5))).toEqual([
      'a/Oct:SMALL_GROUP',
    ]);
  });

  it('refuses a minimum below 1', () => {
    expect(() => suppressSmallCells([cell('a', 'Oct', 1)], 0)).toThrow(
      expect.objectContaining({ reason: 'INVALID_MINIMUM_GROUP_SIZE' }),
    );
  });
});
