/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { EmailQuarantineQuery, QuarantineState } from '../operations.generated';
import { type KeptEmail, KeptEmailTableComponent } from './kept-email-table.component';

type Email = EmailQuarantineQuery['quarantinedEmails']['edges'][number]['node'];

const email = (overrides: Partial<Email> & { id: string }): Email =>
  ({
    receivedAt: '2026-12-01T14:00:00.000Z',
    reason: 'MAILING_LIST',
    detail: 'list-id: <pta.lists.example.org>',
    fromAddress: 'pta@example.org',
    subject: 'PTA minutes',
    sizeBytes: 4096,
    releasedAt: null,
    releasedCaseNumber: null,
    discardedAt: null,
    ...overrides,
  }) as Email;

describe('the kept email table', () => {
  let fixture: ComponentFixture<KeptEmailTableComponent>;

  const render = (emails: Email[], state: QuarantineState, busy = false) => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ imports: [KeptEmailTableComponent], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(KeptEmailTableComponent);
    fixture.componentRef.setInput('emails', emails);
    fixture.componentRef.setInput('state', state);
    fixture.componentRef.setInput('busy', busy);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  };
  const headers = (element: HTMLElement) =>
    [...element.querySelectorAll('th')].map((th) => th.textContent!.trim());

  it('shows a waiting message with its reason in plain words and buttons named after it', () => {
    const element = render([email({ id: 'q1' })], 'OPEN');
    expect(headers(element)).toEqual(['Received', 'From', 'Subject', 'Why', 'Size', 'Actions']);
    // A cell's parts (a reason and its detail) told apart.
    const cells = [...element.querySelectorAll('tbody td')].map((td) =>
      td.querySelector('div')
        ? [...td.children].map((part) => part.textContent!.trim()).join(' | ')
        : td.textContent!.trim(),
    );
    expect(cells.slice(1, 5)).toEqual([
      'pta@example.org',
      'PTA minutes',
      'Mailing list | list-id: <pta.lists.example.org>',
      '4 KB',
    ]);
    const buttons = [...element.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent!.trim())).toEqual(['Make a case', 'Discard']);
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Make a case of “PTA minutes” from pta@example.org',
      'Discard “PTA minutes” from pta@example.org',
    ]);
    expect(element.querySelector('hr-row-actions')!.getAttribute('aria-label')).toBe(
      'Actions for “PTA minutes” from pta@example.org',
    );
  });

  it('emits the row for each button, and disables them while busy', () => {
    const element = render([email({ id: 'q1' })], 'OPEN');
    const released: KeptEmail[] = [];
    const discarded: KeptEmail[] = [];
    fixture.componentInstance.release.subscribe((row) => released.push(row));
    fixture.componentInstance.discard.subscribe((row) => discarded.push(row));
    const [release, discard] = [...element.querySelectorAll('button')];
    release!.click();
    discard!.click();
    expect([released.map((row) => row.email.id), discarded.map((row) => row.email.id)]).toEqual([
      ['q1'],
      ['q1'],
    ]);
    const busy = render([email({ id: 'q2' })], 'OPEN', true);
    expect([...busy.querySelectorAll('button')].every((button) => button.disabled)).toBe(true);
  });

  it('links a released message to its case, and shows when one was discarded, without buttons', () => {
    const released = render(
      [email({ id: 'q3', releasedAt: '2026-12-02T09:00:00.000Z', releasedCaseNumber: 'HR-2026-000042' })],
      'RELEASED',
    );
    expect(headers(released).at(-1)).toBe('Case');
    expect(released.querySelector('a')?.textContent?.trim()).toBe('HR-2026-000042');
    expect(released.querySelector('button')).toBeNull();
    const discarded = render([email({ id: 'q4', discardedAt: '2026-12-02T09:00:00.000Z' })], 'DISCARDED');
    expect(headers(discarded).at(-1)).toBe('Discarded');
    expect(discarded.querySelector('button')).toBeNull();
  });
});
