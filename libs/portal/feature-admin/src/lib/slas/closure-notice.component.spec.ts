/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { AdminSlasAddClosureDocument, type AdminSlasQuery } from '../operations.generated';
import { ClosureNoticeComponent } from './closure-notice.component';

type Calendar = AdminSlasQuery['businessCalendars'][number];

const calendar = (id: string, name: string, scope: Calendar['scope'], timeZone: string): Calendar => ({
  id,
  name,
  scope,
  schoolId: scope === 'SCHOOL' ? 's1' : null,
  timeZone,
  version: 1,
  openingHours: [],
  closures: [],
});

/** Late evening of 3 February in Denver, already 4 February in UTC. */
const NOW = new Date('2026-02-04T03:00:00Z');

/** The calendars section's use of the form. */
@Component({
  imports: [ClosureNoticeComponent],
  template: `<hr-closure-notice [calendars]="calendars()" [(busy)]="busy" />`,
})
class CalendarsSectionComponent {
  readonly calendars = signal<Calendar[] | null>(null);
  readonly busy = signal(false);
}

describe('declaring a closure at short notice', () => {
  let fixture: ComponentFixture<CalendarsSectionComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alerts = () => alertTexts(page());
  const statuses = () =>
    [...page().querySelectorAll('[role="status"]')].map((status) => status.textContent!.trim());

  const set = (id: string, value: string) => setField(page(), id, value);

  async function known(calendars: Calendar[]): Promise<void> {
    host().calendars.set(calendars);
    await settle(fixture);
    await settle(fixture);
  }

  beforeEach(async () => {
    // Only the clock's date is fixed: Apollo and Angular keep their real timers.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'nextTick',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
        'hrtime',
      ],
    });
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CalendarsSectionComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
    jest.useRealTimers();
  });

  it('asks for a calendar to be saved first', async () => {
    await known([]);
    expect(page().querySelector('.hint')!.textContent).toBe('Save a calendar first.');
    expect(page().querySelector('form')).toBeNull();
  });

  it("starts on the district's calendar, today where it is, an emergency closure", async () => {
    await known([
      calendar('c2', 'Lincoln', 'SCHOOL', 'America/New_York'),
      calendar('c1', 'District', 'DISTRICT', 'America/Denver'),
    ]);
    expect(field<HTMLSelectElement>('closure-calendar').value).toBe('c1');
    expect(field<HTMLInputElement>('closure-date').value).toBe('2026-02-03');
    expect(
      [...field<HTMLSelectElement>('closure-kind').options].map((option) => [
        option.value,
        option.textContent!.trim(),
      ]),
    ).toEqual([
      ['EMERGENCY', 'Emergency closure'],
      ['HOLIDAY', 'Holiday'],
      ['BREAK', 'Break'],
    ]);
    expect(page().textContent).toContain("Times are in the calendar's time zone (America/Denver).");
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what is wrong before sending anything', async () => {
    await known([calendar('c1', 'District', 'DISTRICT', 'America/Denver')]);
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual(['Say why the district is closed (families may see it).']);
    set('closure-reason', 'Snow day');
    set('closure-from', '14:00');
    set('closure-to', '09:00');
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual(['The closure ends before it starts.']);
    apollo.expectNone(AdminSlasAddClosureDocument);
  });

  it('declares the closure on the calendar chosen, says so, and empties the form', async () => {
    await known([
      calendar('c1', 'District', 'DISTRICT', 'America/Denver'),
      calendar('c2', 'London Academy', 'SCHOOL', 'Europe/London'),
    ]);
    set('closure-calendar', 'c2');
    await settle(fixture);
    expect(page().textContent).toContain("Times are in the calendar's time zone (Europe/London).");
    set('closure-from', '11:00');
    set('closure-reason', ' Burst pipe ');
    submit().click();
    await settle(fixture);
    const add = apollo.expectOne(AdminSlasAddClosureDocument);
    expect(add.operation.variables).toEqual({
      calendarId: 'c2',
      closure: { date: '2026-02-03', from: '11:00', kind: 'EMERGENCY', reason: 'Burst pipe' },
    });
    expect(host().busy()).toBe(true);
    expect(submit().disabled).toBe(true);
    add.flushData({ addClosure: { __typename: 'BusinessCalendar', id: 'c2', version: 2 } } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(statuses()).toEqual([
      'London Academy is closed Tue 2026-02-03 from 11:00. Running deadlines on it have moved.',
    ]);
    expect(field<HTMLInputElement>('closure-reason').value).toBe('');
    expect(field<HTMLInputElement>('closure-from').value).toBe('');
    // The form starts again on today where that calendar is: already the 4th in London.
    expect(field<HTMLInputElement>('closure-date').value).toBe('2026-02-04');
  });

  it("shows the API's refusal in words, in place of an earlier problem", async () => {
    await known([calendar('c1', 'District', 'DISTRICT', 'America/Denver')]);
    submit().click();
    await settle(fixture);
    set('closure-reason', 'Snow day');
    submit().click();
    apollo
      .expectOne(AdminSlasAddClosureDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(statuses()).toEqual([]);
  });

  it('waits while another change on the page runs', async () => {
    await known([calendar('c1', 'District', 'DISTRICT', 'America/Denver')]);
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
