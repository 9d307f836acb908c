import {
  channelTotals,
  formatDay,
  npsTile,
  schoolRows,
  schoolRowsCsv,
  sortSchoolRows,
  sparkline,
  sparklineLabel,
  windowDaysOf,
  type SchoolAttainment,
  type SchoolRow,
  type SchoolSlaRow,
} from './dashboard-figures';

const SCHOOLS = [
  { id: 'adams', name: 'Adams Elementary' },
  { id: 'baker', name: 'Baker Middle' },
  { id: 'cedar', name: 'Cedar High' },
];

const attainment = (median: number | null, firstResponse: number | null, resolution: number | null) =>
  ({
    medianFirstResponseBusinessMinutes: median,
    byKind: [
      { kind: 'FIRST_RESPONSE', metShare: firstResponse },
      { kind: 'RESOLUTION', metShare: resolution },
    ],
  }) satisfies SchoolAttainment;

/** A row of `SlaAttainment.bySchool`: the figures with the school's id and name. */
const slaRow = (id: string, name: string, median: number, firstResponse: number): SchoolSlaRow => ({
  schoolId: id,
  school: { id, name },
  ...attainment(median, firstResponse, null),
});

describe('schoolRows', () => {
  const sources = {
    schools: SCHOOLS,
    contacts: [
      { schoolId: 'baker', count: 12 },
      { schoolId: 'adams', count: 30 },
      { schoolId: null, count: 4 },
    ],
    satisfaction: [
      { key: 'adams', responses: 9, csatMean: 8.4, suppressed: false, suppression: null },
      { key: 'baker', responses: 2, csatMean: null, suppressed: true, suppression: 'SMALL_GROUP' as const },
      { key: 'NONE', responses: 7, csatMean: null, suppressed: true, suppression: 'COMPLEMENTARY' as const },
    ],
    attainment: new Map([
      ['adams', attainment(42, 0.9, 0.75)],
      ['baker', attainment(null, null, 0.5)],
    ]),
  };

  it('gives every school a row, joining contacts, SLA and satisfaction by id', () => {
    const rows = schoolRows(sources);
    expect(rows.map((row) => row.name)).toEqual([
      'Adams Elementary',
      'Baker Middle',
      'Cedar High',
      'District office',
    ]);
    expect(rows[0]).toEqual({
      schoolId: 'adams',
      name: 'Adams Elementary',
      contacts: 30,
      medianFirstResponse: 42,
      firstResponseMet: 0.9,
      resolutionMet: 0.75,
      csatMean: 8.4,
      csatResponses: 9,
      withheld: null,
    });
    // A school with no contacts and no survey is still compared: zero, and "—" where nothing was measured.
    expect(rows[2]).toMatchObject({ contacts: 0, csatMean: null, csatResponses: 0, withheld: null });
  });

  it('keeps withheld satisfaction withheld, with the reason; a school with no cases has no SLA figures', () => {
    const [, baker, cedar, office] = schoolRows(sources);
    expect(baker).toMatchObject({
      csatMean: null,
      withheld: 'SMALL_GROUP',
      firstResponseMet: null,
      resolutionMet: 0.5,
    });
    // Cedar is not in the breakdown: it had no cases in the range, so there is nothing to measure ("—").
    expect(cedar).toMatchObject({ medianFirstResponse: null, firstResponseMet: null, resolutionMet: null });
    expect(office).toMatchObject({
      schoolId: null,
      contacts: 4,
      medianFirstResponse: null,
      firstResponseMet: null,
      withheld: 'COMPLEMENTARY',
    });
  });

  it("gives the district office its SLA figures from the breakdown's row without a school", () => {
    const rows = schoolRows({
      ...sources,
      contacts: [],
      satisfaction: [],
      attainment: new Map([[null, attainment(240, 0.5, 0.25)]]),
    });
    expect(rows.map((row) => row.name)).toEqual([
      'Adams Elementary',
      'Baker Middle',
      'Cedar High',
      'District office',
    ]);
    expect(rows[3]).toMatchObject({
      schoolId: null,
      contacts: 0,
      medianFirstResponse: 240,
      firstResponseMet: 0.5,
      resolutionMet: 0.25,
    });
  });

  it('gives every school of a long district its SLA figures and its name, beyond the hundred named', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `s${String(i + 1).padStart(3, '0')}`);
    const name = (id: string) => `School number ${id.slice(1)}`;
    const rows = schoolRows({
      // `schools(first: 100)`: the first hundred names only.
      schools: ids.slice(0, 100).map((id) => ({ id, name: name(id) })),
      contacts: ids.map((id, i) => ({ schoolId: id, count: i + 1 })),
      satisfaction: [],
      attainment: new Map(ids.map((id, i) => [id, slaRow(id, name(id), i + 10, 0.5)])),
    });
    expect(rows).toHaveLength(150);
    expect(rows.map((row) => row.name)).toEqual(ids.map(name));
    expect(rows.filter((row) => row.name.startsWith('School s'))).toEqual([]);
    expect(rows[149]).toEqual({
      schoolId: 's150',
      name: 'School number 150',
      contacts: 150,
      medianFirstResponse: 159,
      firstResponseMet: 0.5,
      resolutionMet: null,
      csatMean: null,
      csatResponses: 0,
      withheld: null,
    });
    expect(rows.every((row, i) => row.medianFirstResponse === i + 10)).toBe(true);
  });

  it("prefers the list's name, and names a school only the breakdown knows", () => {
    const rows = schoolRows({
      ...sources,
      contacts: [],
      satisfaction: [],
      attainment: new Map([
        ['adams', slaRow('adams', 'Adams (renamed)', 20, 1)],
        ['elm', slaRow('elm', 'Elm Street Academy', 35, 0.8)],
      ]),
    });
    expect(rows.map((row) => [row.name, row.medianFirstResponse])).toEqual([
      ['Adams Elementary', 20],
      ['Baker Middle', null],
      ['Cedar High', null],
      ['Elm Street Academy', 35],
    ]);
  });

  it('never shows a withheld score even if one came back with the group', () => {
    const rows = schoolRows({
      ...sources,
      satisfaction: [{ key: 'adams', responses: 3, csatMean: 2.1, suppressed: true, suppression: null }],
    });
    expect(rows[0]).toMatchObject({ csatMean: null, withheld: 'SMALL_GROUP' });
  });

  it('leaves the district office out when nothing came in without a school', () => {
    const rows = schoolRows({
      ...sources,
      contacts: sources.contacts.filter((row) => row.schoolId),
      satisfaction: [],
    });
    expect(rows.map((row) => row.schoolId)).toEqual(['adams', 'baker', 'cedar']);
  });

  it('shows only the school the page is filtered to, even one beyond the named page', () => {
    expect(schoolRows({ ...sources, schoolId: 'baker' }).map((row) => row.name)).toEqual(['Baker Middle']);
    const [other] = schoolRows({
      ...sources,
      contacts: [{ schoolId: 'delta', count: 5 }],
      attainment: new Map([['delta', attainment(15, 1, 1)]]),
      schoolId: 'delta',
    });
    expect(other).toMatchObject({
      name: 'School delta',
      contacts: 5,
      medianFirstResponse: 15,
    });
  });
});

describe('sortSchoolRows', () => {
  const row = (name: string, contacts: number, csatMean: number | null): SchoolRow => ({
    schoolId: name,
    name,
    contacts,
    medianFirstResponse: null,
    firstResponseMet: null,
    resolutionMet: null,
    csatMean,
    csatResponses: 0,
    withheld: null,
  });
  const rows = [row('Cedar', 5, 7.5), row('Adams', 20, null), row('Baker', 5, 9.1), row('Dale', 1, 6)];

  it('sorts by name or by a figure, ties by name', () => {
    expect(sortSchoolRows(rows, 'name', 'ascending').map((r) => r.name)).toEqual([
      'Adams',
      'Baker',
      'Cedar',
      'Dale',
    ]);
    expect(sortSchoolRows(rows, 'name', 'descending').map((r) => r.name)).toEqual([
      'Dale',
      'Cedar',
      'Baker',
      'Adams',
    ]);
    expect(sortSchoolRows(rows, 'contacts', 'descending').map((r) => r.name)).toEqual([
      'Adams',
      'Baker',
      'Cedar',
      'Dale',
    ]);
    expect(sortSchoolRows(rows, 'contacts', 'ascending').map((r) => r.name)).toEqual([
      'Dale',
      'Baker',
      'Cedar',
      'Adams',
    ]);
  });

  it('puts rows without the figure last in either direction, and leaves the input alone', () => {
    expect(sortSchoolRows(rows, 'csatMean', 'descending').map((r) => r.name)).toEqual([
      'Baker',
      'Cedar',
      'Dale',
      'Adams',
    ]);
    expect(sortSchoolRows(rows, 'csatMean', 'ascending').map((r) => r.name)).toEqual([
      'Dale',
      'Cedar',
      'Baker',
      'Adams',
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Cedar', 'Adams', 'Baker', 'Dale']);
  });
});

describe('schoolRowsCsv', () => {
  it('writes one line per school, withheld and missing figures empty, shares rounded', () => {
    const rows = schoolRows({
      schools: SCHOOLS.slice(0, 2),
      contacts: [{ schoolId: 'adams', count: 30 }],
      satisfaction: [
        { key: 'baker', responses: 2, csatMean: null, suppressed: true, suppression: 'SMALL_GROUP' },
      ],
      attainment: new Map([['adams', attainment(42.5, 2 / 3, null)]]),
    });
    expect(schoolRowsCsv(rows).split('\r\n')).toEqual([
      'school,contacts,median_first_response_business_minutes,first_responses_on_time,resolutions_on_time,csat_mean,csat_responses,csat_withheld',
      'Adams Elementary,30,42.5,0.667,,,0,',
      'Baker Middle,0,,,,,2,SMALL_GROUP',
      '',
    ]);
  });
});

describe('channelTotals', () => {
  it('adds each channel up over the days, busiest first, in words', () => {
    expect(
      channelTotals([
        {
          day: '2026-12-01',
          total: 5,
          byChannel: [
            { channel: 'EMAIL', count: 3 },
            { channel: 'WALK_IN', count: 2 },
          ],
        },
        {
          day: '2026-12-02',
          total: 4,
          byChannel: [
            { channel: 'WALK_IN', count: 2 },
            { channel: 'SMS', count: 2 },
          ],
        },
      ]),
    ).toEqual([
      { name: 'Walk-in', count: 4 },
      { name: 'Email', count: 3 },
      { name: 'Text message', count: 2 },
    ]);
  });
});

describe('sparkline', () => {
  it('scales the busiest day to the top and zero to the bottom, inside the pad', () => {
    const line = sparkline([0, 5, 10], 1, 106, 26);
    // x from 3 to 103 in steps of 50; y from 23 (zero) to 3 (the peak).
    expect(line.points).toBe('3,23 53,13 103,3');
    expect(line.last).toEqual({ x: 103, y: 3 });
    // The window (the last day) starts half a step before it.
    expect(line.windowX).toBe(78);
  });

  it('draws a quiet topic as a flat line on the bottom, and a single day without dividing by zero', () => {
    expect(sparkline([0, 0], 1, 20, 10).points).toBe('3,7 17,7');
    expect(sparkline([4], 1, 20, 10)).toMatchObject({ points: '3,3', windowX: 0 });
  });
});

describe('emerging issue text', () => {
  const issue = {
    since: '2026-12-06',
    daily: [...Array.from({ length: 28 }, (_, i) => (i % 7 === 0 ? 2 : 0)), 5, 9],
  };

  it('reads the window off the four-week baseline', () => {
    expect(windowDaysOf(issue)).toBe(2);
    expect(windowDaysOf({ daily: [1, 2, 3] })).toBe(1);
  });

  it('states the numbers the sparkline draws', () => {
    expect(sparklineLabel('Bus routes', issue)).toBe(
      'Bus routes, contacts per day: the 28 days before December 6 averaged 0.3 a day, at most 2; then 5 and 9 from December 6 on.',
    );
  });

  it('says a day as people do, and leaves what is not a day alone', () => {
    expect(formatDay('2026-01-31')).toBe('January 31');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('npsTile', () => {
  const figures = (nps: number | null, promoters: number, passives: number, detractors: number) => ({
    count: promoters + passives + detractors,
    promoters,
    passives,
    detractors,
    nps,
    suppression: null,
  });

  it('gives the score in whole points, signed, and its promoters, passives and detractors in words', () => {
    expect(npsTile(figures(16.7, 120, 85, 60))).toEqual({
      value: '+17',
      detail: '120 promoters, 85 passives and 60 detractors (265 answers).',
    });
    expect(npsTile(figures(-12.4, 30, 1, 1_200)).value).toBe('−12');
    expect(npsTile(figures(-12.4, 30, 1, 1_200)).detail).toBe(
      '30 promoters, 1 passive and 1,200 detractors (1,231 answers).',
    );
  });

  it('shows 0 without a sign, even when the score rounds to it from below', () => {
    expect(npsTile(figures(-0.4, 1, 0, 1)).value).toBe('0');
    expect(npsTile(figures(0, 1, 1, 1)).value).toBe('0');
  });

  it('shows — with the reason when the score is withheld, never a number', () => {
    expect(
      npsTile({ count: 3, promoters: 0, passives: 0, detractors: 0, nps: null, suppression: 'SMALL_GROUP' }),
    ).toEqual({
      value: '—',
      detail: 'Withheld: too few people answered to keep their answers anonymous (3 answers).',
    });
  });

  it('shows — when nobody answered, and when the page did not ask (filtered to one school)', () => {
    expect(npsTile(figures(null, 0, 0, 0))).toEqual({
      value: '—',
      detail: 'No answers to NPS questions in this period.',
    });
    expect(npsTile(undefined)).toEqual({
      value: '—',
      detail: 'District-wide only: survey answers are not linked to a school.',
    });
  });
});
