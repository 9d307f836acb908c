import { detectEmerging } from './emerging-issues';

const days = (baseline: number[], window: number[]) => [...baseline, ...window];
const steady = (n: number, value: number) => Array.from({ length: n }, () => value);

describe('emerging issues', () => {
  it.each([
    ['a bus-route outage: 1 a day, then 8 and 9', days(steady(28, 1), [8, 9]), true],
    ['a busy but steady topic: 10 a day, then 12 and 11', days(steady(28, 10), [12, 11]), false],
    [
      'a noisy topic whose usual spread covers the rise',
      days([0, 9, 1, 8, 0, 10, 2, 7, 1, 9, 0, 8, 1, 10], [9, 8]),
      false,
    ],
    ['a brand-new topic bursting', days(steady(14, 0), [4, 5]), true],
    ['too few contacts to matter, however sudden', days(steady(28, 0), [2, 1]), false],
    ['too little history to judge', days(steady(3, 0), [20, 20]), false],
  ])('%s', (_, counts, flagged) => {
    expect(detectEmerging([{ key: 'topic', counts }]).length > 0).toBe(flagged);
  });

  it('ranks by how surprising the rise is, and shows the evidence', () => {
    const [first, second] = detectEmerging([
      { key: 'mild', counts: days(steady(28, 2), [7, 7]) },
      { key: 'sharp', counts: days(steady(28, 1), [15, 14]) },
    ]);
    expect(first).toMatchObject({ key: 'sharp', observed: 29, expected: 2, baselineDailyMean: 1 });
    expect(second?.key).toBe('mild');
  });
});
