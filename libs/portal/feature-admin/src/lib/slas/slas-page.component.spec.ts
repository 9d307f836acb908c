/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminSlasDeletePolicyDocument,
  AdminSlasDocument,
  type AdminSlasQuery,
} from '../operations.generated';
import { SlasPageComponent } from './slas-page.component';

const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ __typename: 'OpeningInterval', weekday, opens, closes }));

/** The page's answer as the cache keeps it, __typename and all. */
function answer(): AdminSlasQuery {
  return {
    businessCalendars: [
      {
        __typename: 'BusinessCalendar',
        id: 'c2',
        name: 'Lincoln',
        scope: 'SCHOOL',
        schoolId: 's1',
        timeZone: 'America/Denver',
        version: 1,
        openingHours: weekdays('07:30', '15:00'),
        closures: [],
      },
      {
        __typename: 'BusinessCalendar',
        id: 'c1',
        name: 'District',
        scope: 'DISTRICT',
        schoolId: null,
        timeZone: 'America/Denver',
        version: 1,
        openingHours: weekdays('08:00', '17:00'),
        closures: [],
      },
    ],
    slaPolicies: [
      {
        __typename: 'SlaPolicy',
        id: 'p1',
        name: 'Standard',
        position: 1,
        active: true,
        clock: 'BUSINESS',
        warnAtPercent: 75,
        pausedStatuses: ['PENDING'],
        conditions: {
          __typename: 'SlaPolicyConditions',
          priorities: ['HIGH'],
          channels: [],
          requesterKinds: [],
          schoolIds: [],
          topicIds: ['t2'],
        },
        targets: { __typename: 'SlaTargets', firstResponse: 540, nextResponse: null, resolution: null },
      },
    ],
    schools: {
      __typename: 'SchoolConnection',
      edges: [
        {
          __typename: 'SchoolEdge',
          node: { __typename: 'School', id: 's1', name: 'Lincoln Elementary', timeZone: 'America/Denver' },
        },
      ],
    },
    topics: [
      { __typename: 'Topic', id: 't2', name: 'Transportation', parentId: null },
      { __typename: 'Topic', id: 't1', name: 'Attendance', parentId: null },
    ],
    district: { __typename: 'District', timeZone: 'America/Denver' },
  } as unknown as AdminSlasQuery;
}

describe('the SLA calendars and policies page', () => {
  let fixture: ComponentFixture<SlasPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());

  async function loaded(): Promise<void> {
    apollo.expectOne(AdminSlasDocument).flushData(answer());
    await settle(fixture);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SlasPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading, and not yet that there is nothing', async () => {
    await settle(fixture);
    expect(page().querySelector('[role="status"]')!.textContent).toBe('Loading calendars and policies…');
    expect(page().textContent).not.toContain('No calendar yet');
    expect(page().textContent).not.toContain('No policies yet');
    await loaded();
    expect(page().textContent).not.toContain('Loading calendars and policies…');
  });

  it('says in plain words why the page could not be loaded', async () => {
    apollo
      .expectOne(AdminSlasDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it("shows the district's calendar first, and counts a business day by its hours", async () => {
    await loaded();
    expect([...page().querySelectorAll('[data-testid="calendar"] h3')].map((h) => h.textContent)).toEqual([
      'District',
      'Lincoln',
    ]);
    expect(page().querySelector('hr-sla-policies .hint')!.textContent).toContain(
      'On the business clock a day is 9 hours',
    );
    const policy = page().querySelector('[data-testid="sla-policy"]')!;
    expect(policy.textContent).toContain('priority High; topic Transportation');
    expect(policy.textContent).toContain('First response: 1 business day');
    // The editors start from what was loaded: a school calendar in the district's time zone, topics by name.
    expect(page().querySelector<HTMLSelectElement>('#calendar-scope')!.value).toBe('SCHOOL');
    expect(page().querySelector<HTMLInputElement>('#calendar-zone')!.value).toBe('America/Denver');
    expect(
      [...page().querySelectorAll('#policy-topics-matches label')].map((label) => label.textContent!.trim()),
    ).toEqual(['Attendance', 'Transportation']);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('lets one change run at a time across calendars and policies, then brings the page up to date', async () => {
    await loaded();
    button('Delete policy Standard').click();
    await settle(fixture);
    apollo.expectOne(AdminSlasDeletePolicyDocument).flushData({ deleteSlaPolicy: true });
    await settle(fixture);
    expect(button('Edit calendar District').disabled).toBe(true);
    expect(button('Declare closure').disabled).toBe(true);
    expect(button('Add calendar').disabled).toBe(true);
    expect(button('Add policy').disabled).toBe(true);
    // The change is done once the page's data has been asked for again.
    apollo.expectOne(AdminSlasDocument).flushData({ ...answer(), slaPolicies: [] });
    await settle(fixture);
    expect(button('Edit calendar District').disabled).toBe(false);
    expect(button('Add policy').disabled).toBe(false);
    expect(page().textContent).toContain('No policies yet: cases have no deadlines.');
  });
});
