/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { formatWhen } from '../formats';
import type { RosterJobStateFragment } from '../operations.generated';
import { RosterJobsTableComponent } from './roster-jobs-table.component';

const job = (overrides: Partial<RosterJobStateFragment> & { id: string }): RosterJobStateFragment => ({
  source: 'UPLOAD',
  status: 'SUCCEEDED',
  step: 'APPLY',
  createdAt: '2026-12-01T14:00:00.000Z',
  updatedAt: '2026-12-01T14:05:00.000Z',
  finishedAt: '2026-12-01T14:05:00.000Z',
  progress: null,
  error: null,
  ...overrides,
});

const jobs = [
  job({
    id: 'j3',
    source: 'SIS_API',
    status: 'AWAITING_CONFIRMATION',
    step: 'DRY_RUN',
    createdAt: '2026-12-03T07:00:00.000Z',
  }),
  job({ id: 'j2', status: 'RUNNING', step: 'DRY_RUN', createdAt: '2026-12-02T09:30:00.000Z' }),
  job({ id: 'j1' }),
];

describe('the recent imports and syncs', () => {
  let fixture: ComponentFixture<RosterJobsTableComponent>;
  const element = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...element().querySelectorAll('[data-testid="roster-job"]')];

  function render(openId: string | null, busy = false): void {
    fixture.componentRef.setInput('jobs', jobs);
    fixture.componentRef.setInput('openId', openId);
    fixture.componentRef.setInput('busy', busy);
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [RosterJobsTableComponent] });
    fixture = TestBed.createComponent(RosterJobsTableComponent);
  });

  afterEach(() => fixture.destroy());

  it('lists each job with when it started, its source and its status in words', () => {
    render(null);
    expect(element().querySelector('caption')!.textContent!.trim()).toBe(
      'Recent imports and syncs, newest first',
    );
    expect([...element().querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Started',
      'Source',
      'Status',
      'Actions',
    ]);
    expect(
      rows().map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())),
    ).toEqual([
      [formatWhen('2026-12-03T07:00:00.000Z'), 'SIS', 'Checked, waiting for confirmation'],
      [formatWhen('2026-12-02T09:30:00.000Z'), 'Upload', 'Checking'],
      [formatWhen('2026-12-01T14:00:00.000Z'), 'Upload', 'Applied'],
    ]);
  });

  it('opens a job by its button, named after it', () => {
    render(null);
    const opened: string[] = [];
    fixture.componentInstance.open.subscribe((id) => opened.push(id));
    const button = rows()[0]!.querySelector('button')!;
    expect(button.textContent!.trim()).toBe('Open');
    expect(button.getAttribute('aria-label')).toBe(
      `Open the SIS sync started ${formatWhen('2026-12-03T07:00:00.000Z')}`,
    );
    button.click();
    rows()[2]!.querySelector('button')!.click();
    expect(opened).toEqual(['j3', 'j1']);
  });

  it('marks the job shown, without its button, and waits while busy', () => {
    render('j2', true);
    expect(rows().map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(rows()[1]!.querySelector('button')).toBeNull();
    expect(rows()[1]!.textContent).toContain('Shown above');
    expect([...element().querySelectorAll('button')].map((b) => b.disabled)).toEqual([true, true]);
  });
});
