import { durationStats } from './case-metrics.service';

describe('durationStats', () => {
  it('interpolates the median and p90 like percentile_cont over the individual values', () => {
    // 30, 90 → median 60, p90 84 (30 + 0.9 × 60).
    expect(
      durationStats([
        { minute: 90, count: 1, total: 90 },
        { minute: 30, count: 1, total: 30 },
      ]),
    ).toEqual({ count: 2, meanMinutes: 60, medianMinutes: 60, p90Minutes: 84 });
  });

  it('counts repeated values in their buckets and keeps the mean exact from the sums', () => {
    // Values 10, 10, 10, 20 (one of the tens was really 10.4) → median 10, p90 17, mean 12.6.
    expect(
      durationStats([
        { minute: 10, count: 3, total: 30.4 },
        { minute: 20, count: 1, total: 20 },
      ]),
    ).toEqual({ count: 4, meanMinutes: 12.6, medianMinutes: 10, p90Minutes: 17 });
  });

  it('says nothing about an empty range', () => {
    expect(durationStats([])).toEqual({ count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null });
  });
});
