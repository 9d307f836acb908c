/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations, setField } from '@homeroom/portal/ui/testing';
import type { PeopleFilter } from '../operations.generated';
import { PeopleSearchFormComponent } from './people-search-form.component';

/** The directory page, which runs each search the form gives it. */
@Component({
  imports: [PeopleSearchFormComponent],
  template: `
    <hr-people-search-form [schools]="schools" [searching]="searching()" (search)="searches.push($event)" />
  `,
})
class DirectoryPageComponent {
  readonly schools = [
    { id: 's1', name: 'Lincoln Elementary' },
    { id: 's2', name: 'Roosevelt Middle' },
  ];
  readonly searching = signal(false);
  readonly searches: PeopleFilter[] = [];
}

describe('the directory search', () => {
  let fixture: ComponentFixture<DirectoryPageComponent>;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const searchButton = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function type(id: string, value: string): Promise<void> {
    setField(page(), id, value);
    await settle();
  }

  async function choose(id: string, value: string): Promise<void> {
    setField(page(), id, value);
    await settle();
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(DirectoryPageComponent);
    fixture.detectChanges();
    await settle();
  });

  afterEach(() => fixture.destroy());

  it('is a search landmark that starts on staff, any school, active records only', async () => {
    const form = page().querySelector('form')!;
    expect([form.getAttribute('role'), form.getAttribute('aria-label')]).toEqual(['search', 'Directory']);
    expect(field<HTMLInputElement>('people-search').value).toBe('');
    expect(field<HTMLSelectElement>('people-kind').value).toBe('STAFF');
    const kinds = [...field<HTMLSelectElement>('people-kind').options].map((option) => option.textContent);
    expect(kinds).toEqual(['Anyone', 'Student', 'Guardian', 'Staff', 'Community member']);
    const schools = [...field<HTMLSelectElement>('people-school').options].map((o) => o.textContent);
    expect(schools).toEqual(['Any school', 'Lincoln Elementary', 'Roosevelt Middle']);
    expect(field<HTMLInputElement>('people-inactive').checked).toBe(false);
    expect(searchButton().textContent).toBe('Search');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('gives the page the search as the API filter, words trimmed', async () => {
    await type('people-search', '  maria lopez ');
    await choose('people-kind', 'GUARDIAN');
    await choose('people-school', 's2');
    field<HTMLInputElement>('people-inactive').click();
    await settle();
    searchButton().click();
    expect(fixture.componentInstance.searches).toEqual([
      { search: 'maria lopez', kind: 'GUARDIAN', schoolId: 's2', includeInactive: true },
    ]);
  });

  it('sets no condition for an empty field: anyone, anywhere, any name', async () => {
    await type('people-search', '   ');
    await choose('people-kind', '');
    searchButton().click();
    expect(fixture.componentInstance.searches).toEqual([
      { search: null, kind: null, schoolId: null, includeInactive: false },
    ]);
  });

  it('searches when the form is submitted, as Enter in the search box does', async () => {
    await type('people-search', 'ortiz');
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    expect(fixture.componentInstance.searches).toEqual([
      { search: 'ortiz', kind: 'STAFF', schoolId: null, includeInactive: false },
    ]);
  });

  it('waits while a search runs', async () => {
    fixture.componentInstance.searching.set(true);
    await settle();
    expect(searchButton().disabled).toBe(true);
    fixture.componentInstance.searching.set(false);
    await settle();
    expect(searchButton().disabled).toBe(false);
  });
});
