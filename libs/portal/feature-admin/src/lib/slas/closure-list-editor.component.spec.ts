/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';
import { alertTexts, axeViolations, buttonNamed, setField } from '@homeroom/portal/ui/testing';
import type { ClosureInput } from '../operations.generated';
import { ClosureListEditorComponent } from './closure-list-editor.component';

const laborDay: ClosureInput = { date: '2026-09-07', kind: 'HOLIDAY', reason: 'Labor Day' };
const winterBreak: ClosureInput = {
  date: '2026-12-21',
  through: '2027-01-01',
  kind: 'BREAK',
  reason: 'Winter break',
};

/** The calendar editor's use of the list: a draft inside its form, saved with the calendar. */
@Component({
  imports: [FormsModule, ClosureListEditorComponent],
  template: `
    <form class="admin-form">
      <hr-closure-list-editor [(closures)]="closures" />
    </form>
  `,
})
class CalendarFormComponent {
  readonly closures = signal<ClosureInput[]>([]);
}

describe('the closure list of a calendar being edited', () => {
  let fixture: ComponentFixture<CalendarFormComponent>;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const rows = () =>
    [...page().querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim()),
    );
  const button = (name: string) => buttonNamed(page(), name)!;
  const alerts = () => alertTexts(page());

  /** Lets the form's fields take their values (ngModel writes them a tick later), and draws them. */
  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const set = (id: string, value: string) => setField(page(), id, value);

  beforeEach(async () => {
    fixture = TestBed.createComponent(CalendarFormComponent);
    fixture.detectChanges();
    await settle();
  });

  afterEach(() => fixture.destroy());

  it('says when there are none, and offers the kinds in words', async () => {
    expect(page().querySelector('legend')!.textContent).toBe('Holidays, breaks and closures');
    expect(page().textContent).toContain('None yet.');
    expect(
      [...field<HTMLSelectElement>('draft-kind').options].map((option) => [
        option.value,
        option.textContent!.trim(),
      ]),
    ).toEqual([
      ['EMERGENCY', 'Emergency closure'],
      ['HOLIDAY', 'Holiday'],
      ['BREAK', 'Break'],
    ]);
    expect(field<HTMLSelectElement>('draft-kind').value).toBe('HOLIDAY');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds a closure to the draft in date order, and empties the fields', async () => {
    host().closures.set([winterBreak]);
    await settle();
    set('draft-date', '2026-09-07');
    set('draft-reason', ' Labor Day ');
    await settle();
    button('Add to the list').click();
    await settle();
    expect(host().closures()).toEqual([laborDay, winterBreak]);
    expect(rows()).toEqual([
      ['Mon 2026-09-07, all day', 'Holiday', 'Labor Day'],
      ['Mon 2026-12-21 to Fri 2027-01-01', 'Break', 'Winter break'],
    ]);
    expect(field<HTMLInputElement>('draft-date').value).toBe('');
    expect(field<HTMLInputElement>('draft-reason').value).toBe('');
    expect(alerts()).toEqual([]);
  });

  it('adds part of a day as an emergency', async () => {
    set('draft-date', '2026-02-03');
    set('draft-from', '11:00');
    set('draft-kind', 'EMERGENCY');
    set('draft-reason', 'Power cut');
    button('Add to the list').click();
    await settle();
    expect(host().closures()).toEqual([
      { date: '2026-02-03', from: '11:00', kind: 'EMERGENCY', reason: 'Power cut' },
    ]);
    expect(rows()).toEqual([['Tue 2026-02-03 from 11:00', 'Emergency closure', 'Power cut']]);
  });

  it('says what is wrong and adds nothing', async () => {
    set('draft-reason', 'Labor Day');
    button('Add to the list').click();
    await settle();
    expect(alerts()).toEqual(['Choose the day the closure starts.']);
    expect(host().closures()).toEqual([]);
    set('draft-date', '2026-09-07');
    set('draft-through', '2026-09-01');
    button('Add to the list').click();
    await settle();
    expect(alerts()).toEqual(['The last day is before the first.']);
  });

  it('removes a closure by its named button, which never waits', async () => {
    host().closures.set([laborDay, winterBreak]);
    await settle();
    const group = page().querySelector('tbody hr-row-actions')!;
    expect(group.getAttribute('aria-label')).toBe('Actions for Labor Day, Mon 2026-09-07, all day');
    const remove = button('Remove Winter break, Mon 2026-12-21 to Fri 2027-01-01');
    expect(remove.textContent!.trim()).toBe('Remove');
    expect(remove.disabled).toBe(false);
    remove.click();
    await settle();
    expect(host().closures()).toEqual([laborDay]);
    expect(rows()).toEqual([['Mon 2026-09-07, all day', 'Holiday', 'Labor Day']]);
    expect(await axeViolations(page())).toEqual([]);
  });
});
