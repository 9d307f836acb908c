/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '../testing/axe';
import { FormFeedbackComponent } from './form-feedback.component';

describe('hr-form-feedback', () => {
  let fixture: ComponentFixture<FormFeedbackComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const alerts = () => [...element().querySelectorAll('[role="alert"]')];
  const statuses = () => [...element().querySelectorAll('[role="status"]')];

  function render(inputs: Partial<Record<'problems' | 'lead' | 'problem' | 'error' | 'done', unknown>>) {
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(FormFeedbackComponent);
  });

  afterEach(() => fixture.destroy());

  it('renders nothing at all, and no empty alert, when there is nothing to say', async () => {
    render({});
    expect(element().children).toHaveLength(0);
    expect(element().textContent!.trim()).toBe('');
    render({ problems: [], lead: 'Nothing was saved:', problem: null, error: null, done: null });
    expect([alerts().length, statuses().length]).toEqual([0, 0]);
    expect(element().textContent!.trim()).toBe('');
    expect(await axeViolations(element())).toEqual([]);
  });

  it('lists the problems found before sending in one alert, after the lead when there is one', async () => {
    render({ problems: ['Name is required.', 'Email is not an email address.'], lead: 'Nothing was saved:' });
    expect(alerts()).toHaveLength(1);
    const alert = alerts()[0]!;
    expect(alert.tagName).toBe('DIV');
    expect(alert.querySelector('p')!.textContent).toBe('Nothing was saved:');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Name is required.',
      'Email is not an email address.',
    ]);
    expect(statuses()).toHaveLength(0);
    expect(await axeViolations(element())).toEqual([]);

    render({ lead: null });
    expect(alerts()[0]!.querySelector('p')).toBeNull();
    expect(alerts()[0]!.querySelectorAll('li')).toHaveLength(2);
  });

  it('says the one problem and the refusal each as an alert of its own, and what was done as a status', async () => {
    render({
      problem: 'Choose a school first.',
      error: 'You do not have access to this.',
      done: 'Lincoln Elementary was saved.',
    });
    expect(alerts().map((alert) => [alert.tagName, alert.textContent])).toEqual([
      ['P', 'Choose a school first.'],
      ['P', 'You do not have access to this.'],
    ]);
    expect(statuses().map((status) => status.textContent)).toEqual(['Lincoln Elementary was saved.']);
    expect(await axeViolations(element())).toEqual([]);
  });

  it('takes a message away when it is cleared', () => {
    render({ problems: ['Name is required.'], error: 'Please check what you entered.', done: null });
    expect(alerts()).toHaveLength(2);
    render({ problems: [], error: null, done: 'Saved.' });
    expect(alerts()).toHaveLength(0);
    expect(element().textContent!.trim()).toBe('Saved.');
  });
});
