/**
 * @jest-environment jsdom
 */
import { Component, signal, ViewChild } from '@angular/core';
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
import { type AdminSlasQuery, AdminSlasSaveCalendarDocument } from '../operations.generated';
import { CalendarEditorComponent } from './calendar-editor.component';

type Calendar = AdminSlasQuery['businessCalendars'][number];

const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

const district: Calendar = {
  id: 'c1',
  name: 'District',
  scope: 'DISTRICT',
  schoolId: null,
  timeZone: 'America/Denver',
  version: 3,
  openingHours: weekdays('08:00', '16:00'),
  closures: [
    { date: '2026-09-07', through: null, from: null, to: null, kind: 'HOLIDAY', reason: 'Labor Day' },
  ],
};

/** The calendars section's use of the editor. */
@Component({
  imports: [CalendarEditorComponent],
  template: `
    <hr-calendar-editor
      [calendars]="calendars()"
      [schools]="schools"
      [districtTimeZone]="'America/Chicago'"
      [(busy)]="busy"
    />
  `,
})
class CalendarsSectionComponent {
  readonly calendars = signal<Calendar[] | null>(null);
  readonly schools = [{ id: 's1', name: 'Lincoln Elementary' }];
  readonly busy = signal(false);
  // A decorator query: the spec's own classes get no signal-query metadata in JIT.
  @ViewChild(CalendarEditorComponent) editor!: CalendarEditorComponent;
}

describe('the calendar editor', () => {
  let fixture: ComponentFixture<CalendarsSectionComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const heading = () => page().querySelector('h2')!.textContent!.trim();
  const hours = () =>
    [0, 1, 2, 3, 4, 5, 6].map((day) => field<HTMLInputElement>(`calendar-day-${day}`).value);
  const alerts = () => alertTexts(page(), 'p, li');
  const set = (id: string, value: string) => setField(page(), id, value);

  async function known(calendars: Calendar[]): Promise<void> {
    host().calendars.set(calendars);
    await settle(fixture);
    await settle(fixture);
  }

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CalendarsSectionComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("starts the district's first calendar in its time zone, open weekdays 07:30-16:30", async () => {
    await known([]);
    expect(heading()).toBe('Add a calendar');
    expect(field<HTMLSelectElement>('calendar-scope').value).toBe('DISTRICT');
    expect([...field<HTMLSelectElement>('calendar-scope').options].map((o) => o.textContent!.trim())).toEqual(
      ['District', 'School'],
    );
    expect(field<HTMLInputElement>('calendar-zone').value).toBe('America/Chicago');
    expect(hours()).toEqual(['', ...Array(5).fill('07:30-16:30'), '']);
    expect(field('calendar-school')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it("starts a school's calendar from the district's once there is one", async () => {
    await known([district]);
    expect(field<HTMLSelectElement>('calendar-scope').value).toBe('SCHOOL');
    expect(field<HTMLInputElement>('calendar-zone').value).toBe('America/Denver');
    expect(hours()).toEqual(['', ...Array(5).fill('08:00-16:00'), '']);
    expect(
      [...field<HTMLSelectElement>('calendar-school').options].map((o) => o.textContent!.trim()),
    ).toEqual(['Choose a school', 'Lincoln Elementary']);
  });

  it('says everything wrong before sending anything', async () => {
    await known([district]);
    set('calendar-zone', 'Mars/Olympus');
    set('calendar-day-1', '9-5');
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'The calendar was not saved: Give the calendar a name. "Mars/Olympus" is not a time zone such as America/Chicago. Choose the school this calendar is for. Monday: write hours like 07:30-16:30 ("9-5" is not).',
    ]);
    apollo.expectNone(AdminSlasSaveCalendarDocument);
  });

  it("saves a school's calendar with its closures, waits while it does, then starts afresh", async () => {
    await known([district]);
    set('calendar-name', ' Lincoln ');
    set('calendar-school', 's1');
    set('calendar-day-5', '08:00-12:00');
    set('draft-date', '2026-11-26');
    set('draft-reason', 'Thanksgiving');
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Add to the list')!.click();
    await settle(fixture);
    submit().click();
    await settle(fixture);
    const save = apollo.expectOne(AdminSlasSaveCalendarDocument);
    expect(save.operation.variables).toEqual({
      input: {
        name: 'Lincoln',
        scope: 'SCHOOL',
        schoolId: 's1',
        timeZone: 'America/Denver',
        openingHours: [
          ...weekdays('08:00', '16:00').slice(0, 4),
          { weekday: 5, opens: '08:00', closes: '12:00' },
        ],
        closures: [{ date: '2026-11-26', kind: 'HOLIDAY', reason: 'Thanksgiving' }],
      },
    });
    expect(host().busy()).toBe(true);
    expect(submit().disabled).toBe(true);
    save.flushData({
      saveBusinessCalendar: { __typename: 'BusinessCalendar', id: 'c2', version: 1 },
    } as never);
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(field<HTMLInputElement>('calendar-name').value).toBe('');
    expect(page().textContent).toContain('None yet.');
  });

  it("shows the API's refusal in words", async () => {
    await known([]);
    set('calendar-name', 'District');
    submit().click();
    apollo
      .expectOne(AdminSlasSaveCalendarDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(field<HTMLInputElement>('calendar-name').value).toBe('District');
  });

  it('edits a saved calendar: filled in, focused, saved with its id; Cancel editing starts afresh', async () => {
    await known([district]);
    host().editor.edit(district);
    await settle(fixture);
    expect(heading()).toBe('Edit calendar District');
    expect(document.activeElement).toBe(field('calendar-name'));
    expect(field<HTMLSelectElement>('calendar-scope').value).toBe('DISTRICT');
    expect(page().querySelector('hr-closure-list-editor tbody')!.textContent).toContain('Labor Day');
    submit().click();
    const save = apollo.expectOne(AdminSlasSaveCalendarDocument);
    expect(save.operation.variables).toEqual({
      input: {
        id: 'c1',
        name: 'District',
        scope: 'DISTRICT',
        schoolId: null,
        timeZone: 'America/Denver',
        openingHours: weekdays('08:00', '16:00'),
        closures: [{ date: '2026-09-07', kind: 'HOLIDAY', reason: 'Labor Day' }],
      },
    });
    save.graphqlErrors([new GraphQLError('Stale', { extensions: { code: 'CONFLICT' } })]);
    await settle(fixture);
    expect(alerts()).toHaveLength(1);
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel editing')!.click();
    await settle(fixture);
    expect(heading()).toBe('Add a calendar');
    // A fresh start forgets the refusal about the calendar no longer being edited.
    expect(alerts()).toEqual([]);
  });

  it('waits while another change on the page runs', async () => {
    await known([]);
    host().busy.set(true);
    await settle(fixture);
    expect(submit().disabled).toBe(true);
  });
});
