import {
  describeNps,
  distributionRows,
  distributionSummary,
  lowestValue,
  percentText,
  responseRateText,
} from './survey-results-text';

describe('survey results in words', () => {
  it('lays out a distribution from its lowest value, with each share', () => {
    expect(distributionRows([1, 0, 3], lowestValue('SCALE'))).toEqual([
      { value: 1, count: 1, percent: 25 },
      { value: 2, count: 0, percent: 0 },
      { value: 3, count: 3, percent: 75 },
    ]);
    expect(distributionRows([0, 0], 1).map((row) => row.percent)).toEqual([0, 0]);
    expect(lowestValue('NPS')).toBe(0);
  });

  it("states the chart's numbers for people who cannot see it", () => {
    expect(distributionSummary([2, 0, 5], 1)).toBe('Answers by value: 1: 2, 2: 0, 3: 5 (7 answers)');
    expect(distributionSummary([1], 0)).toBe('Answers by value: 0: 1 (1 answer)');
  });

  it('explains the net promoter score', () => {
    expect(describeNps({ count: 10, promoters: 5, passives: 3, detractors: 2, nps: 30 })).toBe(
      'NPS +30: 5 promoters (9–10), 3 passives (7–8), 2 detractors (0–6) of 10 answers',
    );
    expect(describeNps({ count: 0, promoters: 0, passives: 0, detractors: 0, nps: null })).toMatch(
      /^NPS not yet:/,
    );
    expect(describeNps({ count: 2, promoters: 0, passives: 0, detractors: 2, nps: -100 })).toMatch(
      /^NPS -100:/,
    );
  });

  it('gives shares and response rates', () => {
    expect(percentText(1, 3)).toBe('33%');
    expect(percentText(1, 0)).toBe('—');
    expect(responseRateText({ responses: 42, invitations: 100, responseRate: 0.42 })).toBe(
      '42 responses; 42% of 100 personal invitations answered',
    );
    expect(responseRateText({ responses: 1, invitations: 0, responseRate: null })).toBe(
      '1 response; no personal invitations sent',
    );
  });
});
