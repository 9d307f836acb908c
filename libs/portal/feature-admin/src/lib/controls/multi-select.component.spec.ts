/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import type { CheckboxOption } from '@homeroom/portal/ui';
import { matchingOptions, MultiSelectComponent } from './multi-select.component';

const SCHOOLS: CheckboxOption<string>[] = [
  { value: 's1', name: 'Lincoln Elementary' },
  { value: 's2', name: 'Oak Middle' },
  { value: 's3', name: 'Escuela Peña' },
  { value: 's4', name: 'Lincoln High' },
];

/** 120 schools, for a list longer than the matches shown. */
const MANY = Array.from({ length: 120 }, (_, i) => ({ value: `m${i + 1}`, name: `School ${i + 1}` }));

/** A rule form that picks schools, to see the control in a form (Enter must not submit it). */
@Component({
  imports: [MultiSelectComponent],
  template: `
    <form (submit)="$event.preventDefault(); submitted = submitted + 1">
      <hr-multi-select
        idPrefix="rule-schools-"
        label="is at one of these schools"
        [options]="options()"
        [(selected)]="chosen"
      />
      <button type="submit">Add rule</button>
    </form>
  `,
})
class RuleFormComponent {
  readonly options = signal(SCHOOLS);
  readonly chosen = signal<string[]>([]);
  submitted = 0;
}

describe('hr-multi-select', () => {
  let fixture: ComponentFixture<RuleFormComponent>;
  const page = () => fixture.nativeElement as HTMLElement;
  const search = () => page().querySelector<HTMLInputElement>('#rule-schools-search')!;
  const boxes = () => [...page().querySelectorAll<HTMLInputElement>('.matches input[type="checkbox"]')];
  const matchNames = () => boxes().map((box) => box.labels![0]!.textContent!.trim());
  const chips = () => [...page().querySelectorAll<HTMLButtonElement>('.chips button')];
  const count = () => page().querySelector('#rule-schools-count')!.textContent!.trim();
  const more = () => page().querySelector('#rule-schools-more')!.textContent!.trim();
  const chosen = () => fixture.componentInstance.chosen();

  function type(text: string): void {
    search().value = text;
    search().dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function press(element: HTMLElement, key: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    element.dispatchEvent(event);
    fixture.detectChanges();
    return event;
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(RuleFormComponent);
    fixture.detectChanges();
  });

  afterEach(() => fixture.destroy());

  it('is a labelled search box over the options as checkboxes, with how many are chosen', async () => {
    expect(search().labels![0]!.textContent!.trim()).toBe('is at one of these schools');
    expect(search().getAttribute('aria-describedby')).toBe('rule-schools-count rule-schools-more');
    expect(matchNames()).toEqual(['Lincoln Elementary', 'Oak Middle', 'Escuela Peña', 'Lincoln High']);
    expect(boxes().map((box) => box.id)).toEqual([
      'rule-schools-s1',
      'rule-schools-s2',
      'rule-schools-s3',
      'rule-schools-s4',
    ]);
    expect(count()).toBe('None chosen');
    expect(chips()).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('narrows the options as one types, whatever the case and accents, word by word', () => {
    type('LINC');
    expect(matchNames()).toEqual(['Lincoln Elementary', 'Lincoln High']);
    type('pena');
    expect(matchNames()).toEqual(['Escuela Peña']);
    type('high linc');
    expect(matchNames()).toEqual(['Lincoln High']);
    type('zebra');
    expect(matchNames()).toEqual([]);
    expect(more()).toBe('Nothing matches “zebra”.');
    expect(matchingOptions(SCHOOLS, '  ')).toHaveLength(4);
  });

  it('lists the chosen above the box in the order chosen, each removable by name', async () => {
    boxes()[3]!.click();
    boxes()[0]!.click();
    fixture.detectChanges();
    expect(chosen()).toEqual(['s4', 's1']);
    expect(count()).toBe('2 chosen');
    expect(chips().map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Remove Lincoln High',
      'Remove Lincoln Elementary',
    ]);
    expect(boxes().map((box) => box.checked)).toEqual([true, false, false, true]);
    expect(await axeViolations(page())).toEqual([]);
    chips()[0]!.click();
    fixture.detectChanges();
    expect(chosen()).toEqual(['s1']);
    expect(count()).toBe('1 chosen');
    expect(boxes()[3]!.checked).toBe(false);
  });

  it('keeps the chosen when the list is narrowed, and unticks one as a box is cleared', () => {
    fixture.componentInstance.chosen.set(['s2']);
    fixture.detectChanges();
    type('lincoln');
    boxes()[0]!.click();
    expect(chosen()).toEqual(['s2', 's1']);
    fixture.detectChanges();
    boxes()[0]!.click();
    expect(chosen()).toEqual(['s2']);
  });

  it('shows at most 50 matches and asks for more typing for the rest', () => {
    fixture.componentInstance.options.set(MANY);
    fixture.detectChanges();
    expect(boxes()).toHaveLength(50);
    expect(more()).toBe('70 more — keep typing');
    type('school 11');
    expect(matchNames()).toEqual(['School 11', ...Array.from({ length: 10 }, (_, i) => `School ${110 + i}`)]);
    expect(more()).toBe('');
  });

  it('chooses the first match with Enter, never submitting the form, and empties the box', () => {
    type('oak');
    const enter = press(search(), 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(chosen()).toEqual(['s2']);
    expect(search().value).toBe('');
    expect(fixture.componentInstance.submitted).toBe(0);
    // Nothing typed: Enter chooses nothing.
    press(search(), 'Enter');
    expect(chosen()).toEqual(['s2']);
  });

  it('moves between the box and the matches with the arrow keys, and back with Escape', () => {
    search().focus();
    press(search(), 'ArrowDown');
    expect(document.activeElement).toBe(boxes()[0]);
    press(boxes()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(boxes()[1]);
    press(boxes()[1]!, 'ArrowUp');
    press(boxes()[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(search());
    press(search(), 'ArrowDown');
    press(boxes()[0]!, 'Escape');
    expect(document.activeElement).toBe(search());
    type('oak');
    expect(press(search(), 'Escape').defaultPrevented).toBe(true);
    expect(search().value).toBe('');
    expect(matchNames()).toHaveLength(4);
    // An empty box leaves Escape to the page.
    expect(press(search(), 'Escape').defaultPrevented).toBe(false);
  });

  it('moves the focus to the next chosen one when one is removed, then to the box', async () => {
    fixture.componentInstance.chosen.set(['s1', 's2']);
    fixture.detectChanges();
    chips()[0]!.focus();
    chips()[0]!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.activeElement).toBe(chips()[0]);
    expect(document.activeElement!.getAttribute('aria-label')).toBe('Remove Oak Middle');
    chips()[0]!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.activeElement).toBe(search());
    expect(count()).toBe('None chosen');
  });

  it('keeps a chosen value no longer offered, to be removed', () => {
    fixture.componentInstance.chosen.set(['gone']);
    fixture.detectChanges();
    expect(chips().map((chip) => chip.getAttribute('aria-label'))).toEqual(['Remove One no longer listed']);
  });
});
