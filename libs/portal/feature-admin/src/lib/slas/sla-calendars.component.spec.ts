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
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import { AdminSlasDeleteCalendarDocument, type AdminSlasQuery } from '../operations.generated';
import { SlaCalendarsComponent } from './sla-calendars.component';

type Calendar = AdminSlasQuery['businessCalendars'][number];

const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

const district: Calendar = {
  id: 'c1',
  name: 'District',
  scope: 'DISTRICT',
  schoolId: null,
  timeZone: 'America/Denver',
  version: 1,
  openingHours: weekdays('08:00', '16:00'),
  closures: [
    {
      date: '2026-12-21',
      through: '2027-01-01',
      from: null,
      to: null,
      kind: 'BREAK',
      reason: 'Winter break',
    },
    { date: '2026-09-07', through: null, from: null, to: null, kind: 'HOLIDAY', reason: 'Labor Day' },
  ],
};
const lincoln: Calendar = {
  id: 'c2',
  name: 'Lincoln',
  scope: 'SCHOOL',
  schoolId: 's1',
  timeZone: 'America/Denver',
  version: 1,
  openingHours: weekdays('07:30', '15:00'),
  closures: [],
};

/** The SLA page's use of the section. */
@Component({
  imports: [SlaCalendarsComponent],
  template: `
    <hr-sla-calendars
      [calendars]="calendars()"
      [schools]="schools"
      districtTimeZone="America/Denver"
      [loading]="loading()"
      [(busy)]="busy"
    />
  `,
})
class SlasPageComponent {
  readonly calendars = signal<Calendar[] | null>([district, lincoln]);
  readonly schools = [{ id: 's1', name: 'Lincoln Elementary' }];
  readonly loading = signal(false);
  readonly busy = signal(false);
}

describe('the business calendars', () => {
  let fixture: ComponentFixture<SlasPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const cards = () => [...page().querySelectorAll('[data-testid="calendar"]')];
  const buttons = (within: Element = page()) =>
    [...within.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());
  const editorHeading = () => page().querySelector('hr-calendar-editor h2')!.textContent!.trim();

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(SlasPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says there is no calendar only once the page has loaded', async () => {
    host().calendars.set(null);
    host().loading.set(true);
    await settle(fixture);
    expect(page().textContent).not.toContain('No calendar yet');
    host().calendars.set([]);
    host().loading.set(false);
    await settle(fixture);
    expect(page().textContent).toContain(
      'No calendar yet: until the district calendar is saved, the business clock runs around the clock.',
    );
  });

  it('shows each calendar with its week and closures in words, and its buttons named', async () => {
    const [first] = cards();
    expect(first!.querySelector('h3')!.textContent).toBe('District');
    expect([...first!.querySelectorAll('ul.plain li')].map((li) => li.textContent!.trim())).toEqual([
      'District calendar: cases at schools without their own calendar follow it',
      'Time zone: America/Denver',
      'Open: Mon–Fri 08:00–16:00',
    ]);
    expect(
      [...first!.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()),
      ),
    ).toEqual([
      ['Mon 2026-09-07, all day', 'Holiday', 'Labor Day'],
      ['Mon 2026-12-21 to Fri 2027-01-01', 'Break', 'Winter break'],
    ]);
    expect(cards()[1]!.textContent).toContain('School calendar: Lincoln Elementary');
    expect(cards()[1]!.textContent).toContain('No holidays or closures.');
    expect(first!.querySelector('hr-row-actions')!.getAttribute('aria-label')).toBe(
      'Actions for calendar District',
    );
    expect(buttons(first!)).toEqual(['Edit calendar District', 'Delete calendar District']);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('opens a calendar in the editor', async () => {
    button('Edit calendar Lincoln').click();
    await settle(fixture);
    expect(editorHeading()).toBe('Edit calendar Lincoln');
  });

  it('asks before deleting, and Keep it sends nothing', async () => {
    button('Delete calendar District').click();
    await settle(fixture);
    const [first] = cards();
    expect(first!.querySelector('.notice')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Delete District? Cases without a school calendar will then count every hour of every day.',
    );
    expect(buttons(first!)).toEqual(['Edit calendar District', 'Yes, delete calendar District', 'Keep it']);
    expect(await axeViolations(page())).toEqual([]);
    button('Keep it').click();
    await settle(fixture);
    apollo.expectNone(AdminSlasDeleteCalendarDocument);
    expect(buttons(first!)).toEqual(['Edit calendar District', 'Delete calendar District']);
  });

  it("deletes a school's calendar once confirmed, and the editor lets go of it", async () => {
    button('Edit calendar Lincoln').click();
    button('Delete calendar Lincoln').click();
    await settle(fixture);
    expect(cards()[1]!.querySelector('.notice')!.textContent).toContain(
      'Its cases will follow the district calendar.',
    );
    button('Yes, delete calendar Lincoln').click();
    await settle(fixture);
    const remove = apollo.expectOne(AdminSlasDeleteCalendarDocument);
    expect(remove.operation.variables).toEqual({ id: 'c2' });
    expect(host().busy()).toBe(true);
    expect(button('Edit calendar District').disabled).toBe(true);
    remove.flushData({ deleteBusinessCalendar: true });
    await settle(fixture);
    expect(host().busy()).toBe(false);
    expect(page().querySelector('.notice')).toBeNull();
    expect(editorHeading()).toBe('Add a calendar');
  });

  it("keeps the question open and shows the API's refusal in words", async () => {
    button('Delete calendar District').click();
    await settle(fixture);
    button('Yes, delete calendar District').click();
    apollo
      .expectOne(AdminSlasDeleteCalendarDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
    expect(page().querySelector('.notice')).not.toBeNull();
  });
});
