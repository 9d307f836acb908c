/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { GraphQLError } from 'graphql';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { PORTAL_CONFIG } from '@homeroom/portal/data-access';
import { InboxPageComponent } from './inbox-page.component';
import {
  InboxCountsDocument,
  type InboxCountsQuery,
  InboxDocument,
  InboxPageDocument,
  type InboxQuery,
} from './operations.generated';
import { axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';

const RLO = '\u202e';

const count = (totalCount: number) => ({ totalCount });
/** Apollo's cache matches a fragment (`...InboxRow on Case`) by __typename, which the operation types leave out. */
const aCase = <T extends object>(node: T): T => ({ __typename: 'Case', ...node });

/** One open case whose subject hides the real order of its words. */
function inboxAnswer(): InboxQuery {
  return {
    cases: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        {
          node: aCase({
            id: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
            number: 'HR-2026-000123',
            subject: `Refund ${RLO}fdp.exe`,
            status: 'NEW',
            priority: 'NORMAL',
            channel: 'EMAIL',
            createdAt: '2026-12-01T14:00:00.000Z',
            updatedAt: '2026-12-01T14:00:00.000Z',
            school: null,
            topic: null,
            assignee: null,
            team: null,
            sla: null,
          }),
        },
      ],
    },
  };
}

/** An open case with a plain subject, at a school. */
function plainCase(number: number, school = { id: 'school-1', name: 'Lincoln Elementary' }) {
  return aCase({
    id: `case-${number}`,
    number: `HR-2026-${String(number).padStart(6, '0')}`,
    subject: `Question ${number}`,
    status: 'OPEN',
    priority: 'HIGH',
    channel: 'WEB_FORM',
    createdAt: '2026-12-01T14:00:00.000Z',
    updatedAt: '2026-12-01T14:00:00.000Z',
    school: { __typename: 'School', ...school },
    topic: null,
    assignee: null,
    team: null,
    sla: null,
  });
}

/** Every view's count: the district's open cases `everything`, the others 2 to 7. */
function countsAnswer(everything: number): InboxCountsQuery {
  return {
    mine: count(2),
    myTeams: count(3),
    mySchools: count(4),
    unassigned: count(5),
    breachingSoon: count(6),
    watching: count(7),
    everything: count(everything),
  };
}

/** A list of plain cases, with a cursor when `more`. */
function listAnswer(numbers: number[], { more = false, total = numbers.length } = {}): InboxQuery {
  return {
    cases: {
      totalCount: total,
      pageInfo: { hasNextPage: more, endCursor: more ? 'cursor-1' : null },
      edges: numbers.map((number) => ({ node: plainCase(number) })),
    },
  } as unknown as InboxQuery;
}

describe('the inbox', () => {
  let fixture: ComponentFixture<InboxPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="inbox-row"]')];
  const numbers = () => rows().map((row) => row.querySelector('a')!.textContent!.trim());
  const button = (name: string) =>
    [...page().querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim()) === name,
    )!;

  beforeAll(() => {
    // jsdom has no IntersectionObserver; the list's "load more on scroll" is not what this spec reads.
    globalThis.IntersectionObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof IntersectionObserver;
  });

  beforeEach(() => {
    localStorage.clear();
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
    ]);
    fixture = TestBed.createComponent(InboxPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => fixture.destroy());

  /**
   * Answers the list's query, returning the variables it was asked with, and the views' counts when they
   * are being asked for (all open: the list's total).
   */
  async function answerList(data: InboxQuery) {
    const operation = apollo.expectOne(InboxDocument);
    operation.flushData(data);
    for (const counts of apollo.match(InboxCountsDocument))
      counts.flushData(countsAnswer(data.cases.totalCount));
    await settle(fixture);
    return operation.operation.variables;
  }

  it("lists a subject with its direction controls marked, in the row and in the row's title", async () => {
    await answerList(inboxAnswer());
    const row = rows()[0]!;
    const subject = row.querySelectorAll('td')[2]!;
    expect(subject.textContent).toBe('Refund ⟨U+202E⟩fdp.exe');
    expect(subject.querySelector('bdi abbr')?.getAttribute('title')).toMatch(/RIGHT-TO-LEFT OVERRIDE/);
    expect(subject.getAttribute('title')).toBe('Refund ⟨U+202E⟩fdp.exe');
    expect(row.textContent).not.toContain(RLO);
  });

  it('says it is loading, then that the view is empty', async () => {
    expect(page().textContent).toContain('Loading cases…');
    await answerList(listAnswer([]));
    expect(page().textContent).toContain('No open cases in this view.');
    expect(rows()).toHaveLength(0);
  });

  it('shows the open cases of every school first, with the total and every view’s count', async () => {
    const variables = await answerList(listAnswer([1, 2, 3]));
    expect(variables['filter']).toEqual({ status: ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] });
    expect(variables['sort']).toBe('NEWEST');
    expect(numbers()).toEqual(['HR-2026-000001', 'HR-2026-000002', 'HR-2026-000003']);
    expect(page().querySelector('[data-testid="inbox-count"]')!.textContent).toBe('3');
    expect(button('Mine 2').getAttribute('aria-pressed')).toBe('false');
    expect(button('Breaching soon 6')).toBeTruthy();
    expect(button('All open 3').getAttribute('aria-pressed')).toBe('true');
    expect(rows()[0]!.textContent).toContain('Lincoln Elementary');
  });

  it('asks again for a view the person picks, in that view’s own order', async () => {
    await answerList(listAnswer([1, 2]));
    button('Breaching soon 6').click();
    fixture.detectChanges();
    const variables = await answerList(listAnswer([2]));
    expect(variables['filter']).toEqual({ status: ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'], slaAtRisk: true });
    expect(variables['sort']).toBe('SLA_DUE');
    expect(numbers()).toEqual(['HR-2026-000002']);
    expect(button('Breaching soon 1').getAttribute('aria-pressed')).toBe('true');
  });

  it('narrows by the words searched for and the school chosen', async () => {
    await answerList(listAnswer([1]));
    page().querySelector<HTMLInputElement>('#inbox-search')!.value = '  bus 14 ';
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    let variables = await answerList(listAnswer([1]));
    expect(variables['filter']).toMatchObject({ search: 'bus 14' });

    const school = page().querySelector<HTMLSelectElement>('#inbox-school')!;
    expect([...school.options].map((option) => option.textContent!.trim())).toEqual([
      'All my schools',
      'Lincoln Elementary',
    ]);
    school.value = 'school-1';
    school.dispatchEvent(new Event('change'));
    const counted = apollo.expectOne(InboxCountsDocument).operation.variables;
    variables = await answerList(listAnswer([1]));
    expect(variables['filter']).toMatchObject({ search: 'bus 14', schoolId: 'school-1' });
    // A new narrowing counts every view anew, narrowed the same way.
    expect(counted['everything']).toMatchObject({ search: 'bus 14', schoolId: 'school-1' });
    expect(counted['mine']).toMatchObject({ search: 'bus 14', schoolId: 'school-1' });
  });

  it('counts the other views apart from the list, and the view on screen with its list', async () => {
    const counts = apollo.expectOne(InboxCountsDocument);
    expect(Object.keys(counts.operation.variables).sort()).toEqual(
      ['breachingSoon', 'everything', 'mine', 'myTeams', 'mySchools', 'unassigned', 'watching'].sort(),
    );
    counts.flushData(countsAnswer(3));
    await answerList(listAnswer([1, 2, 3]));
    expect(button('Mine 2')).toBeTruthy();

    // Another view: its list is asked for; the counts are not asked again, and its badge is its list's total.
    button('Mine 2').click();
    fixture.detectChanges();
    await answerList(listAnswer([1], { total: 9 }));
    apollo.expectNone(InboxCountsDocument);
    expect(button('Mine 9').getAttribute('aria-pressed')).toBe('true');
    expect(button('All open 3')).toBeTruthy();
  });

  it('saves a view under a name made of it, opens it again, and removes it', async () => {
    await answerList(listAnswer([1]));
    button('Unassigned 5').click();
    fixture.detectChanges();
    await answerList(listAnswer([1]));
    button('Save this view').click();
    fixture.detectChanges();
    const saved = page().querySelector('[aria-label="Saved views"]')!;
    expect(saved.textContent).toContain('Unassigned');
    expect(JSON.parse(localStorage.getItem(Object.keys(localStorage)[0]!)!)).toEqual([
      { name: 'Unassigned', view: 'unassigned', sort: 'NEWEST', schoolId: '', search: '' },
    ]);

    button('All open 1').click();
    fixture.detectChanges();
    await answerList(listAnswer([1]));
    [...saved.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Unassigned')!.click();
    fixture.detectChanges();
    const variables = await answerList(listAnswer([1]));
    expect(variables['filter']).toMatchObject({ unassigned: true });

    button('Remove saved view Unassigned').click();
    fixture.detectChanges();
    expect(page().querySelector('[aria-label="Saved views"]')).toBeNull();
  });

  it('shows more cases after the last one shown, without repeating one that moved', async () => {
    await answerList(listAnswer([1, 2], { more: true, total: 4 }));
    button('Show more cases').click();
    const next = apollo.expectOne(InboxPageDocument);
    expect(next.operation.variables).toMatchObject({ after: 'cursor-1', first: 100, sort: 'NEWEST' });
    next.flushData({
      cases: {
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [2, 3, 4].map((number) => ({ node: plainCase(number) })),
      },
    });
    await settle(fixture);
    expect(numbers()).toEqual(['HR-2026-000001', 'HR-2026-000002', 'HR-2026-000003', 'HR-2026-000004']);
    expect(button('Show more cases')).toBeUndefined();
  });

  it('says in words why the list could not be loaded', async () => {
    apollo
      .expectOne(InboxDocument)
      .graphqlErrors([new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe('You do not have access to this.');
  });

  it('moves through the cases with j and k', async () => {
    await answerList(listAnswer([1, 2, 3]));
    const press = async (key: string) => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await settle(fixture);
    };
    await press('j');
    expect(document.activeElement!.textContent!.trim()).toBe('HR-2026-000001');
    await press('j');
    expect(document.activeElement!.textContent!.trim()).toBe('HR-2026-000002');
    await press('k');
    expect(document.activeElement!.textContent!.trim()).toBe('HR-2026-000001');
  });

  it('chooses cases for a bulk action by their boxes, by x on the focused case, or all at once', async () => {
    await answerList(listAnswer([1, 2, 3]));
    expect(page().querySelector('hr-bulk-actions')).toBeNull();
    const box = (number: number) =>
      page().querySelector<HTMLInputElement>(`input[aria-label="Select case HR-2026-00000${number}"]`)!;
    box(2).click();
    await settle(fixture);
    expect(page().querySelector('#bulk-heading')!.textContent!.trim()).toBe('1 case selected');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await settle(fixture);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    await settle(fixture);
    expect(box(1).checked).toBe(true);
    expect(page().querySelector('#bulk-heading')!.textContent!.trim()).toBe('2 cases selected');
    // The first chosen leads a merge.
    expect(button('Merge the others into HR-2026-000002')).toBeDefined();
    page().querySelector<HTMLInputElement>('input[aria-label="Select every case listed"]')!.click();
    await settle(fixture);
    expect([1, 2, 3].map((n) => box(n).checked)).toEqual([true, true, true]);
    expect(page().querySelector('#bulk-heading')!.textContent!.trim()).toBe('3 cases selected');
    button('Clear selection').click();
    await settle(fixture);
    expect(page().querySelector('hr-bulk-actions')).toBeNull();
    expect(box(2).checked).toBe(false);
  });

  it('has no accessibility violations', async () => {
    await answerList(listAnswer([1, 2, 3], { more: true, total: 5 }));
    expect(await axeViolations(page())).toEqual([]);
  });
});
