/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { buttonNamed } from '@homeroom/portal/ui/testing';
import type { RosterReportFragment } from '../operations.generated';
import { RosterConfirmComponent } from './roster-confirm.component';

type Alarms = RosterReportFragment['massDeactivation'];

describe('confirming a preview', () => {
  let fixture: ComponentFixture<RosterConfirmComponent>;
  let applied: boolean[];
  let cancelled: number;
  const element = () => fixture.nativeElement as HTMLElement;
  const button = (name: string) => buttonNamed(element(), name)!;
  const box = () => element().querySelector<HTMLInputElement>('input[type="checkbox"]');

  function render(massDeactivation: Alarms, busy = false): void {
    fixture.componentRef.setInput('report', { massDeactivation });
    fixture.componentRef.setInput('busy', busy);
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RosterConfirmComponent] });
    fixture = TestBed.createComponent(RosterConfirmComponent);
    applied = [];
    cancelled = 0;
    fixture.componentInstance.apply.subscribe((allow) => applied.push(allow));
    fixture.componentInstance.cancel.subscribe(() => (cancelled += 1));
  });

  afterEach(() => fixture.destroy());

  it('applies an ordinary set at once, without a mass deactivation confirmed', () => {
    render([]);
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(box()).toBeNull();
    button('Apply').click();
    button('Cancel').click();
    expect([applied, cancelled]).toEqual([[false], 1]);
  });

  it('raises the alarm and waits for the box to be ticked before Apply', () => {
    render([{ what: 'people', deactivated: 110, active: 120 }]);
    const alarm = element().querySelector('[role="alert"]')!;
    expect(alarm.querySelector('strong')!.textContent).toBe(
      'This set deactivates 110 of 120 active people (92 %).',
    );
    expect(box()!.getAttribute('aria-describedby')).toBe(alarm.querySelector('p')!.id);
    expect(box()!.closest('label')!.textContent!.trim()).toBe('I have checked the set: deactivate them');
    expect(button('Apply').disabled).toBe(true);
    expect(element().textContent).toContain('Tick the box above to apply this set.');
    button('Apply').click();
    expect(applied).toEqual([]);

    box()!.click();
    fixture.detectChanges();
    expect(button('Apply').disabled).toBe(false);
    button('Apply').click();
    expect(applied).toEqual([true]);
  });

  it('starts unticked for another preview, and waits while busy', () => {
    render([{ what: 'schools', deactivated: 2, active: 3 }]);
    box()!.click();
    fixture.detectChanges();
    render([{ what: 'schools', deactivated: 3, active: 3 }]);
    expect(box()!.checked).toBe(false);
    expect(button('Apply').disabled).toBe(true);
    render([], true);
    expect([button('Apply').disabled, button('Cancel').disabled]).toEqual([true, true]);
  });
});
