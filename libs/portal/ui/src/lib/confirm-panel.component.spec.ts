/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations, buttonNamed } from '../testing';
import { ConfirmPanelComponent } from './confirm-panel.component';

/** A page that asks before deactivating a school: the question is the panel's content. */
@Component({
  imports: [ConfirmPanelComponent],
  template: `
    <button type="button" id="opener" (click)="asking.set(true)">Deactivate</button>
    @if (asking()) {
      <hr-confirm-panel
        questionId="deactivate-question"
        confirmLabel="Deactivate Lincoln Elementary"
        [busy]="busy()"
        [error]="error()"
        (confirmed)="confirmed = confirmed + 1"
        (cancelled)="cancelled = cancelled + 1"
        >Deactivate Lincoln Elementary? Its people stay, but no new case can name it.</hr-confirm-panel
      >
    }
  `,
})
class AskingPageComponent {
  readonly asking = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  confirmed = 0;
  cancelled = 0;
}

describe('hr-confirm-panel', () => {
  let fixture: ComponentFixture<AskingPageComponent>;
  const page = () => fixture.nativeElement as HTMLElement;
  const panel = () => page().querySelector<HTMLElement>('hr-confirm-panel')!;
  const button = (name: string) => buttonNamed(panel(), name)!;

  async function open(): Promise<void> {
    page().querySelector<HTMLButtonElement>('#opener')!.focus();
    page().querySelector<HTMLButtonElement>('#opener')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(AskingPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => fixture.destroy());

  it('is a group named by its question, with the change and Cancel as its buttons', async () => {
    await open();
    expect(panel().getAttribute('role')).toBe('group');
    expect(panel().getAttribute('aria-labelledby')).toBe('deactivate-question');
    expect(panel().getAttribute('tabindex')).toBe('-1');
    expect(panel().classList).toContain('panel');
    const question = page().querySelector('#deactivate-question')!;
    expect(question.tagName).toBe('P');
    expect(question.textContent).toBe(
      'Deactivate Lincoln Elementary? Its people stay, but no new case can name it.',
    );
    expect([...panel().querySelectorAll('button')].map((b) => [b.textContent!.trim(), b.type])).toEqual([
      ['Deactivate Lincoln Elementary', 'button'],
      ['Cancel', 'button'],
    ]);
    expect(panel().querySelector('[role="alert"]')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('takes the focus when it appears, so the keyboard meets the question at once', async () => {
    await open();
    expect(document.activeElement).toBe(panel());
  });

  it('tells its page which button was chosen', async () => {
    await open();
    button('Deactivate Lincoln Elementary').click();
    expect([fixture.componentInstance.confirmed, fixture.componentInstance.cancelled]).toEqual([1, 0]);
    button('Cancel').click();
    expect([fixture.componentInstance.confirmed, fixture.componentInstance.cancelled]).toEqual([1, 1]);
  });

  it('waits while the change runs, though it can still be cancelled', async () => {
    await open();
    fixture.componentInstance.busy.set(true);
    fixture.detectChanges();
    expect(button('Deactivate Lincoln Elementary').disabled).toBe(true);
    expect(button('Cancel').disabled).toBe(false);
    button('Deactivate Lincoln Elementary').click();
    button('Cancel').click();
    expect([fixture.componentInstance.confirmed, fixture.componentInstance.cancelled]).toEqual([0, 1]);
  });

  it("shows the API's refusal in the panel as an alert", async () => {
    await open();
    fixture.componentInstance.error.set('You do not have access to this.');
    fixture.detectChanges();
    const alerts = [...panel().querySelectorAll('[role="alert"]')];
    expect(alerts.map((alert) => alert.textContent)).toEqual(['You do not have access to this.']);
    expect(await axeViolations(page())).toEqual([]);
  });
});
