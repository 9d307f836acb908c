/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError, print } from 'graphql';
import { PORTAL_CONFIG, SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, setField, settle } from '@homeroom/portal/ui/testing';
import { DashboardPageComponent } from './dashboard-page.component';
import { DashboardDocument, type DashboardQuery, type DashboardQueryVariables } from './operations.generated';

const DAY = 86_400_000;
/** "Now" for the page: its default range is the 30 days up to today, November 8 to December 7. */
const NOW = Date.parse('2026-12-07T15:00:00.000Z');

/** The range the API is asked for: from local midnight on the first day to local midnight after the last. */
const range = (from: string, to: string): DashboardQueryVariables['range'] => ({
  from: new Date(`${from}T00:00:00`).toISOString(),
  to: new Date(new Date(`${to}T00:00:00`).getTime() + DAY).toISOString(),
});

/** A signed-in district administrator (the page's staff bar reads the roles from the access token). */
function signIn(roles: string[]): void {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  const accessToken = `${part({ alg: 'none' })}.${part({ sub: 'p1', roles })}.signature`;
  sessionStorage.setItem('homeroom.session', JSON.stringify({ accessToken, expiresAt: NOW + DAY }));
}

type SchoolSlaRow = NonNullable<DashboardQuery['slaAttainment']['bySchool']>[number];

/** One school's row of `slaAttainment.bySchool` (id null: the district office). */
function slaRow(
  id: string | null,
  name: string | null,
  median: number,
  firstResponse: number,
  resolution: number | null,
): SchoolSlaRow {
  return {
    schoolId: id,
    school: id && name ? { id, name } : null,
    medianFirstResponseBusinessMinutes: median,
    byKind: [
      { kind: 'FIRST_RESPONSE', metShare: firstResponse },
      { kind: 'RESOLUTION', metShare: resolution },
    ],
  };
}

/**
 * A district of `count` schools, "Campus 001" on, each with cases: `schools(first: 100)` names the first
 * hundred only, the SLA breakdown every one of them.
 */
function longDistrict(count: number): DashboardQuery {
  const ids = Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(3, '0')}`);
  const name = (id: string) => `Campus ${id.slice(1)}`;
  const base = figures();
  return {
    ...base,
    caseMetrics: { ...base.caseMetrics, bySchool: ids.map((schoolId) => ({ schoolId, count: 2 })) },
    slaAttainment: {
      ...base.slaAttainment,
      bySchool: ids.map((id, i) => slaRow(id, name(id), 20, i % 2 ? 1 : 0.5, 0.25)),
    },
    satisfaction: { ...base.satisfaction, breakdown: [] },
    schools: {
      totalCount: count,
      edges: ids.slice(0, 100).map((id) => ({ node: { id, name: name(id) } })),
    },
  };
}

/** The district's figures over the default range, every school compared. */
function figures(): DashboardQuery {
  return {
    caseMetrics: {
      total: 46,
      backlog: 7,
      resolved: 30,
      reopenRate: 0.1,
      firstResponse: { medianMinutes: 42, p90Minutes: 120 },
      resolution: { medianMinutes: 1500 },
      perDay: [
        {
          day: '2026-12-05',
          total: 10,
          byChannel: [
            { channel: 'EMAIL', count: 6 },
            { channel: 'WEB_FORM', count: 4 },
          ],
        },
        {
          day: '2026-12-06',
          total: 20,
          byChannel: [
            { channel: 'EMAIL', count: 5 },
            { channel: 'PHONE', count: 15 },
          ],
        },
        { day: '2026-12-07', total: 16, byChannel: [{ channel: 'WEB_FORM', count: 16 }] },
      ],
      bySchool: [
        { schoolId: 's1', count: 30 },
        { schoolId: 's2', count: 12 },
        { schoolId: null, count: 4 },
      ],
      byTopic: [
        { topicId: 't1', count: 25 },
        { topicId: null, count: 15 },
        { topicId: 't-retired', count: 6 },
      ],
    },
    slaAttainment: {
      cases: 40,
      breaches: 4,
      medianFirstResponseBusinessMinutes: 38,
      byKind: [
        { kind: 'FIRST_RESPONSE', met: 36, total: 40, metShare: 0.9 },
        { kind: 'RESOLUTION', met: 27, total: 36, metShare: 0.75 },
      ],
      // Every school with cases in the range, and the district office (no school), with their names.
      bySchool: [
        slaRow('s1', 'Lincoln Elementary', 30, 0.95, 0.8),
        slaRow('s2', 'Roosevelt Middle', 95, 0.75, null),
        slaRow(null, null, 240, 0.5, 0.25),
      ],
    },
    satisfaction: {
      invitations: 40,
      responses: 16,
      responseRate: 0.4,
      csatMean: 8.4,
      suppressed: false,
      breakdown: [
        { key: 's1', responses: 9, csatMean: 8.4, suppressed: false, suppression: null },
        { key: 's2', responses: 2, csatMean: null, suppressed: true, suppression: 'SMALL_GROUP' },
        { key: 'NONE', responses: 5, csatMean: null, suppressed: true, suppression: 'COMPLEMENTARY' },
      ],
    },
    nps: { count: 16, promoters: 9, passives: 4, detractors: 3, nps: 37.5, suppression: null },
    emergingIssues: [
      {
        topicId: 't1',
        topic: { id: 't1', name: 'Transportation' },
        since: '2026-12-05',
        observed: 23,
        expected: 4.5,
        ratio: 5.11,
        daily: [...Array.from({ length: 28 }, () => 1), 6, 8, 9],
        topSchools: [{ schoolId: 's1', count: 12 }],
      },
    ],
    schools: {
      totalCount: 2,
      edges: [
        { node: { id: 's1', name: 'Lincoln Elementary' } },
        { node: { id: 's2', name: 'Roosevelt Middle' } },
      ],
    },
    topics: [{ id: 't1', name: 'Transportation' }],
    helpCenterDeflection: [
      { topic: { id: 't1', name: 'Transportation' }, answered: 6, opened: 18, deflectionRate: 0.25 },
    ],
  };
}

/** Filtered to one school: its figures at the root, neither the district NPS nor every school's SLA asked for. */
function oneSchool(): DashboardQuery {
  const { nps: _nps, ...rest } = figures();
  const { bySchool: _bySchool, ...slaAttainment } = rest.slaAttainment;
  return {
    ...rest,
    slaAttainment,
    caseMetrics: { ...rest.caseMetrics, total: 12, bySchool: [{ schoolId: 's2', count: 12 }] },
    satisfaction: { ...rest.satisfaction, breakdown: [rest.satisfaction.breakdown[1]!] },
  };
}

/** A withheld satisfaction score, as a screen reader reads its cell. */
const WITHHELD = '—* (withheld: see the notes below the table)';

/** Reads a Blob's text through FileReader (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('the district dashboard', () => {
  let fixture: ComponentFixture<DashboardPageComponent>;
  let apollo: ApolloTestingController;
  let saved: { fileName: string; blob: Blob }[];
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (node: Element | null) => node?.textContent!.replace(/\s+/g, ' ').trim() ?? null;
  const button = (name: string) => [...page().querySelectorAll('button')].find((b) => text(b) === name)!;
  const alerts = () => [...page().querySelectorAll('[role="alert"]')].map(text);
  const tiles = () =>
    [...page().querySelectorAll('.tile')].map((tile) => [...tile.children].map((part) => text(part)));
  const table = (headingId: string) =>
    [...page().querySelectorAll(`section[aria-labelledby="${headingId}"] tr`)].map((tr) =>
      [...tr.children].map(text),
    );

  /** The figures asked for, with exactly these variables. */
  function asked(variables: DashboardQueryVariables): ReturnType<ApolloTestingController['expectOne']> {
    const operation = apollo.expectOne(DashboardDocument);
    expect(operation.operation.variables).toEqual(variables);
    return operation;
  }

  const DISTRICT = {
    range: range('2026-11-08', '2026-12-07'),
    schoolId: null,
    compareSchools: true,
    districtWide: true,
  };

  async function fill(id: string, value: string): Promise<void> {
    setField(page(), id, value);
    await settle(fixture, 3);
  }

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    sessionStorage.clear();
    signIn(['DISTRICT_ADMIN']);
    saved = [];
    const blobs = new Map<string, Blob>();
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => undefined,
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ fileName: this.download, blob: blobs.get(this.href)! });
    });
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
      // The staff bar's chat presence has its own specs (staff-presence.service, staff-bar.component).
      { provide: StaffPresenceService, useValue: { view: () => null, choose: () => Promise.resolve() } },
    ]);
    fixture = TestBed.createComponent(DashboardPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
    jest.restoreAllMocks();
  });

  it("asks for the last 30 days' figures, district-wide, and says it is loading until they come", async () => {
    const operation = asked(DISTRICT);
    await settle(fixture, 3);
    expect(page().querySelector('h1')!.textContent).toBe('District dashboard');
    expect(page().querySelector('[aria-live="polite"]')!.textContent).toBe('Loading figures…');
    expect(
      ['from', 'to', 'school'].map((id) => page().querySelector<HTMLInputElement>(`#${id}`)!.value),
    ).toEqual(['2026-11-08', '2026-12-07', '']);
    expect(button('Download CSV').disabled).toBe(true);
    expect(page().querySelector('.tiles')).toBeNull();
    operation.flushData(figures());
    await settle(fixture, 3);
    expect(page().querySelector('[aria-live="polite"]')).toBeNull();
  });

  it('shows the key figures, in plain words', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    expect(page().querySelector('.tiles')!.getAttribute('aria-label')).toBe('Key figures');
    expect(tiles()).toEqual([
      ['Contacts', '46'],
      ['Open backlog', '7'],
      ['Median first response', '42 min'],
      ['First responses on time', '90%'],
      ['Median resolution', '25.0 h'],
      ['Resolutions on time', '75%'],
      ['Satisfaction (1–10)', '8.4'],
      ['Survey response rate', '40%'],
      [
        'Net Promoter Score (district surveys)',
        '+38',
        '9 promoters, 4 passives and 3 detractors (16 answers).',
      ],
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('draws the contacts per day, and says what it draws', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    const chart = page().querySelector('svg.chart')!;
    expect([
      chart.getAttribute('role'),
      chart.getAttribute('viewBox'),
      chart.getAttribute('aria-label'),
    ]).toEqual([
      'img',
      '0 0 120 120',
      'Contacts per day over 3 days: 46 in all, busiest 2026-12-06 with 20.',
    ]);
    expect(
      [...chart.querySelectorAll('rect')].map((bar) => [
        bar.getAttribute('x'),
        bar.getAttribute('y'),
        bar.getAttribute('height'),
        bar.querySelector('title')!.textContent,
      ]),
    ).toEqual([
      ['1', '62', '58', '2026-12-05: 10'],
      ['13', '4', '116', '2026-12-06: 20'],
      ['25', '27', '93', '2026-12-07: 16'],
    ]);
  });

  it('breaks the contacts down by channel and by topic, with names', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    expect(table('by-channel')).toEqual([
      ['Channel', 'Contacts'],
      ['Web form', '20'],
      ['Phone', '15'],
      ['Email', '11'],
    ]);
    expect(table('by-topic')).toEqual([
      ['Topic', 'Contacts'],
      ['Transportation', '25'],
      ['No topic', '15'],
      ['t-retired', '6'],
    ]);
  });

  it('compares the schools over the range shown, and lists the emerging issues', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    const comparison = page().querySelector('hr-school-comparison')!;
    expect(text(comparison.querySelector('caption'))).toBe(
      'Contacts, SLA attainment and satisfaction by school, November 8 to December 7. Select a column heading to sort.',
    );
    // Each school's SLA figures from the one breakdown, the district office's too (its row without a school).
    expect(
      [...comparison.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell))),
    ).toEqual([
      ['District office', '4', '4.0 h', '50%', '25%', WITHHELD],
      ['Lincoln Elementary', '30', '30 min', '95%', '80%', '8.4'],
      ['Roosevelt Middle', '12', '1.6 h', '75%', '—', WITHHELD],
    ]);
    expect(text(page().querySelector('hr-emerging-issues h3'))).toBe('Transportation');
    expect(text(page().querySelector('hr-emerging-issues dl > div:last-child dd'))).toBe(
      'Lincoln Elementary (12)',
    );
  });

  it('shows the help center deflection per topic over the range shown', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    expect(table('deflection')).toEqual([
      ['Topic', 'Answered by an article', 'Cases opened', 'Answered by the help center'],
      ['Transportation', '6', '18', '25%'],
      ['All topics', '6', '18', '25%'],
    ]);
    expect(text(page().querySelector('hr-help-center-deflection .hint'))).toMatch(
      /^November 8 to December 7, /,
    );
  });

  it("asks once for every school's SLA figures, and compares a long district by name, each with its own", async () => {
    const operation = asked(DISTRICT);
    // One aggregate for every school's SLA figures, not a field a school.
    const query = print(operation.operation.query);
    expect(query).toContain('bySchool @include(if: $compareSchools)');
    expect(query).not.toContain('schoolAttainment');
    expect(query.match(/slaAttainment\(/g)).toHaveLength(1);
    operation.flushData(longDistrict(150));
    await settle(fixture, 3);
    const rows = [...page().querySelectorAll('hr-school-comparison tbody tr')].map((tr) =>
      [...tr.children].map((cell) => text(cell)),
    );
    expect(rows).toHaveLength(150);
    // Beyond the hundred `schools` names, the names come from the breakdown: no "School c101".
    expect(rows.map(([name]) => name)).toEqual(
      Array.from({ length: 150 }, (_, i) => `Campus ${String(i + 1).padStart(3, '0')}`),
    );
    expect(rows[0]).toEqual(['Campus 001', '2', '20 min', '50%', '25%', '—']);
    expect(rows[149]).toEqual(['Campus 150', '2', '20 min', '100%', '25%', '—']);
    expect(rows.filter((row) => row.slice(2, 5).includes('—'))).toEqual([]);
    // The filter still offers the schools the list names.
    expect(page().querySelectorAll('#school option')).toHaveLength(101);
  });

  it('offers the schools to filter by, and asks for one school’s figures only, over the dates chosen', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    expect(
      [...page().querySelectorAll<HTMLOptionElement>('#school option')].map((option) => [
        option.value,
        option.textContent,
      ]),
    ).toEqual([
      ['', 'All schools'],
      ['s1', 'Lincoln Elementary'],
      ['s2', 'Roosevelt Middle'],
    ]);
    await fill('from', '2026-10-01');
    await fill('to', '2026-10-31');
    await fill('school', 's2');
    apollo.expectNone(DashboardDocument);
    button('Show').click();
    await settle(fixture, 3);
    asked({
      range: range('2026-10-01', '2026-10-31'),
      schoolId: 's2',
      compareSchools: false,
      districtWide: false,
    }).flushData(oneSchool());
    await settle(fixture, 3);
    expect(tiles()[0]).toEqual(['Contacts', '12']);
    expect(tiles()[8]).toEqual([
      'Net Promoter Score (district surveys)',
      '—',
      'District-wide only: survey answers are not linked to a school.',
    ]);
    // The school's own SLA figures, from the root fields filtered to it.
    const comparison = page().querySelector('hr-school-comparison')!;
    expect(text(comparison.querySelector('caption'))).toContain(', October 1 to October 31.');
    expect(
      [...comparison.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell))),
    ).toEqual([['Roosevelt Middle', '12', '38 min', '90%', '75%', WITHHELD]]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('downloads the contacts per day, a column a channel, named after the range shown', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    button('Download CSV').click();
    expect(saved.map(({ fileName }) => fileName)).toEqual(['contacts-2026-11-08-to-2026-12-07.csv']);
    expect(await blobText(saved[0]!.blob)).toBe(
      [
        'day,total,EMAIL,PHONE,WEB_FORM',
        '2026-12-05,10,6,0,4',
        '2026-12-06,20,5,15,0',
        '2026-12-07,16,0,0,16',
        '',
      ].join('\r\n'),
    );
    button('Download school comparison CSV').click();
    expect(saved.map(({ fileName }) => fileName)).toEqual([
      'contacts-2026-11-08-to-2026-12-07.csv',
      'schools-2026-11-08-to-2026-12-07.csv',
    ]);
  });

  it('says in plain words why the figures could not be loaded', async () => {
    asked(DISTRICT).graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(page().textContent).not.toContain('Loading figures…');
    expect(page().querySelector('.tiles')).toBeNull();
    expect(button('Download CSV').disabled).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('keeps the figures shown when asking again fails, and clears the refusal once figures come', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    button('Show').click();
    await settle(fixture, 3);
    asked(DISTRICT).graphqlErrors([
      new GraphQLError('Too costly', { extensions: { code: 'QUERY_TOO_COSTLY' } }),
    ]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['This asks for too much at once. Narrow it down and try again.']);
    expect(tiles()[0]).toEqual(['Contacts', '46']);
    button('Show').click();
    await settle(fixture, 3);
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    expect(alerts()).toEqual([]);
  });

  it('has the staff bar, with the administration for an administrator, and signs out through it', async () => {
    asked(DISTRICT).flushData(figures());
    await settle(fixture, 3);
    const leave = jest.spyOn(TestBed.inject(SessionService), 'leave').mockResolvedValue(undefined);
    expect([...page().querySelectorAll('hr-staff-bar nav a')].map(text)).toEqual([
      'Inbox',
      'Dashboard',
      // Administrators act on cases, so they review vital messages too (ADR 32), and are coached.
      'Reviews',
      'My coaching',
      'Administration',
    ]);
    expect(text(page().querySelector('hr-staff-bar .who'))).toBe('DISTRICT_ADMIN');
    button('Sign out').click();
    expect(leave).toHaveBeenCalledTimes(1);
  });
});
