/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '../testing/axe';
import { CheckboxGroupComponent, type CheckboxOption } from './checkbox-group.component';

type Audience = 'PARENTS' | 'STUDENTS' | 'STAFF';

const AUDIENCES: CheckboxOption<Audience>[] = [
  { value: 'PARENTS', name: 'Parents and guardians' },
  { value: 'STUDENTS', name: 'Students' },
  { value: 'STAFF', name: 'Staff' },
];

describe('hr-checkbox-group', () => {
  let fixture: ComponentFixture<CheckboxGroupComponent<Audience>>;
  let changes: Audience[][];
  const element = () => fixture.nativeElement as HTMLElement;
  const boxes = () => [...element().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const box = (value: Audience) => element().querySelector<HTMLInputElement>(`#audience-${value}`)!;
  const ticked = () => boxes().map((input) => [input.id, input.checked]);

  function render(selected: Audience[]): void {
    fixture.componentRef.setInput('options', AUDIENCES);
    fixture.componentRef.setInput('idPrefix', 'audience-');
    fixture.componentRef.setInput('selected', selected);
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(CheckboxGroupComponent) as ComponentFixture<
      CheckboxGroupComponent<Audience>
    >;
    changes = [];
    fixture.componentInstance.selected.subscribe((values) => changes.push(values));
  });

  afterEach(() => fixture.destroy());

  it('gives each option a box labelled by its name, with an id of the prefix and its value', async () => {
    render(['STUDENTS']);
    expect(
      [...element().querySelectorAll('label')].map((label) => [
        label.textContent!.trim(),
        label.htmlFor,
        label.querySelector('input')!.id,
      ]),
    ).toEqual([
      ['Parents and guardians', 'audience-PARENTS', 'audience-PARENTS'],
      ['Students', 'audience-STUDENTS', 'audience-STUDENTS'],
      ['Staff', 'audience-STAFF', 'audience-STAFF'],
    ]);
    expect(ticked()).toEqual([
      ['audience-PARENTS', false],
      ['audience-STUDENTS', true],
      ['audience-STAFF', false],
    ]);
    expect(box('STAFF').labels![0]!.textContent!.trim()).toBe('Staff');
    expect(await axeViolations(element())).toEqual([]);
  });

  it('holds the values in the order they were ticked, and drops one unticked', () => {
    render([]);
    box('STAFF').click();
    box('PARENTS').click();
    expect(fixture.componentInstance.selected()).toEqual(['STAFF', 'PARENTS']);
    box('STAFF').click();
    expect(fixture.componentInstance.selected()).toEqual(['PARENTS']);
    expect(changes).toEqual([['STAFF'], ['STAFF', 'PARENTS'], ['PARENTS']]);
    fixture.detectChanges();
    expect(ticked()).toEqual([
      ['audience-PARENTS', true],
      ['audience-STUDENTS', false],
      ['audience-STAFF', false],
    ]);
  });

  it('ticks a box by its label too', () => {
    render(['PARENTS']);
    [...element().querySelectorAll('label')][1]!.click();
    expect(fixture.componentInstance.selected()).toEqual(['PARENTS', 'STUDENTS']);
  });

  it('follows the selection it is given', () => {
    render(['PARENTS']);
    fixture.componentRef.setInput('selected', ['STAFF', 'STUDENTS']);
    fixture.detectChanges();
    expect(ticked()).toEqual([
      ['audience-PARENTS', false],
      ['audience-STUDENTS', true],
      ['audience-STAFF', true],
    ]);
    expect(changes).toEqual([]);
  });
});
