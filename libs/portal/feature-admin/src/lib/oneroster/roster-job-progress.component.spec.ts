/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { RosterJobStateFragment } from '../operations.generated';
import { RosterJobProgressComponent } from './roster-job-progress.component';

type Job = Pick<RosterJobStateFragment, 'status' | 'step' | 'source' | 'progress'>;

describe('the progress of a job', () => {
  let fixture: ComponentFixture<RosterJobProgressComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const bar = () => element().querySelector('progress')!;
  const line = () => element().querySelector('[role="status"]')!.textContent!.trim();

  function render(job: Job): void {
    fixture.componentRef.setInput('job', job);
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RosterJobProgressComponent] });
    fixture = TestBed.createComponent(RosterJobProgressComponent);
  });

  afterEach(() => fixture.destroy());

  it('shows how far a running check is, the bar labelled and described by the phase in words', () => {
    render({
      status: 'RUNNING',
      step: 'DRY_RUN',
      source: 'UPLOAD',
      progress: { phase: 'planning', done: 1200, total: 5000 },
    });
    expect([bar().getAttribute('value'), bar().getAttribute('max')]).toEqual(['1200', '5000']);
    expect(line()).toBe('Checking the set: comparing with the directory, 1,200 of 5,000.');
    const label = element().querySelector('label')!;
    expect(label.textContent!.trim()).toBe('Progress of the check');
    expect(label.getAttribute('for')).toBe(bar().id);
    const described = bar().getAttribute('aria-describedby')!;
    expect(element().querySelector(`#${described}`)!.getAttribute('role')).toBe('status');
  });

  it('moves on as the job reports, and says only that it works while there is no total', () => {
    render({
      status: 'RUNNING',
      step: 'APPLY',
      source: 'SIS_API',
      progress: { phase: 'reading', done: 0, total: 0 },
    });
    expect(bar().hasAttribute('value')).toBe(false);
    expect(bar().hasAttribute('max')).toBe(false);
    expect(line()).toBe('Applying the set: reading from the SIS.');
    expect(element().querySelector('label')!.textContent!.trim()).toBe('Progress of the SIS import');
    render({
      status: 'RUNNING',
      step: 'APPLY',
      source: 'SIS_API',
      progress: { phase: 'publishing', done: 30, total: 40 },
    });
    expect([bar().getAttribute('value'), bar().getAttribute('max')]).toEqual(['30', '40']);
    expect(line()).toBe('Applying the set: telling the other services, 30 of 40.');
  });

  it('says a queued job waits', () => {
    render({ status: 'QUEUED', step: 'DRY_RUN', source: 'UPLOAD', progress: null });
    expect(bar().hasAttribute('value')).toBe(false);
    expect(line()).toBe('Waiting to check the set; it starts when the import before it is done.');
  });
});
