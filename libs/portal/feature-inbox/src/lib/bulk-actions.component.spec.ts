/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { PORTAL_CONFIG, SessionService } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, setField, settle } from '@homeroom/portal/ui/testing';
import { BulkActionsComponent, type SelectedCase } from './bulk-actions.component';
import {
  BulkMergeCasesDocument,
  BulkUpdateCasesDocument,
  UndoBulkCaseActionDocument,
} from './operations.generated';

const CASES: SelectedCase[] = [
  { id: 'c1', number: 'HR-2026-000001' },
  { id: 'c2', number: 'HR-2026-000002' },
  { id: 'c3', number: 'HR-2026-000003' },
];

const outcome = (
  results: { caseId: string; ok: boolean; reason?: string }[],
  undoableUntil: string | null,
) => ({
  __typename: 'BulkCaseAction',
  id: 'bulk-1',
  succeeded: results.filter((r) => r.ok).length,
  failed: results.filter((r) => !r.ok).length,
  undoableUntil,
  results: results.map((r) => ({ __typename: 'BulkCaseResult', reason: null, message: null, ...r })),
});

@Component({
  imports: [BulkActionsComponent],
  template: `<hr-bulk-actions [selected]="selected()" (cleared)="cleared = cleared + 1" />`,
})
class InboxComponent {
  readonly selected = signal<SelectedCase[]>(CASES);
  cleared = 0;
}

describe('the inbox bulk actions', () => {
  let fixture: ComponentFixture<InboxComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text);
  /** The outcome's sentence and items, one string. */
  const outcomeText = () =>
    [...page().querySelectorAll('[data-testid="bulk-outcome"] p, [data-testid="bulk-outcome"] li')]
      .map((element) => element.textContent!.trim())
      .join(' ');

  beforeEach(async () => {
    apollo = configureApolloTesting([
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
    ]);
    jest.spyOn(TestBed.inject(SessionService), 'personId').mockReturnValue('me-1' as never);
    fixture = TestBed.createComponent(InboxComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('applies one change to the chosen cases, says case by case what came of it, and offers Undo', async () => {
    expect(page().querySelector('h2')!.textContent!.trim()).toBe('3 cases selected');
    expect(button('Apply to 3')!.disabled).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
    setField(page(), 'bulk-status', 'PENDING');
    setField(page(), 'bulk-tag', ' snow day ');
    page().querySelector<HTMLInputElement>('input[name="mine"]')!.click();
    await settle(fixture);
    button('Apply to 3')!.click();
    await settle(fixture);
    const bulk = apollo.expectOne(BulkUpdateCasesDocument);
    expect(bulk.operation.variables).toEqual({
      caseIds: ['c1', 'c2', 'c3'],
      change: { status: 'PENDING', addTags: ['snow day'], assignment: { assigneeId: 'me-1', teamId: null } },
    });
    bulk.flushData({
      bulkUpdateCases: outcome(
        [
          { caseId: 'c1', ok: true },
          { caseId: 'c2', ok: true },
          { caseId: 'c3', ok: false, reason: 'INVALID_STATUS_TRANSITION' },
        ],
        new Date(Date.now() + 60_000).toISOString(),
      ),
    } as never);
    await settle(fixture);
    expect(outcomeText()).toBe('Changed 2 of 3 cases. HR-2026-000003: its status cannot move there');
    expect(fixture.componentInstance.cleared).toBe(1);
    expect(page().querySelector<HTMLSelectElement>('#bulk-status')!.value).toBe('');

    button('Undo')!.click();
    await settle(fixture);
    const undo = apollo.expectOne(UndoBulkCaseActionDocument);
    expect(undo.operation.variables).toEqual({ id: 'bulk-1' });
    undo.flushData({
      undoBulkCaseAction: outcome(
        [
          { caseId: 'c1', ok: true },
          { caseId: 'c2', ok: false, reason: 'CHANGED_SINCE' },
        ],
        null,
      ),
    } as never);
    await settle(fixture);
    expect(outcomeText()).toBe(
      'Put back 1 of 2 cases. HR-2026-000002: someone changed it since, so it was left as they left it',
    );
    expect(button('Undo')).toBeUndefined();
  });

  it('merges the others into the first chosen, with no Undo', async () => {
    button('Merge the others into HR-2026-000001')!.click();
    await settle(fixture);
    const merge = apollo.expectOne(BulkMergeCasesDocument);
    expect(merge.operation.variables).toEqual({ caseIds: ['c2', 'c3'], intoCaseId: 'c1' });
    merge.flushData({
      bulkMergeCases: outcome(
        [
          { caseId: 'c2', ok: true },
          { caseId: 'c3', ok: true },
        ],
        null,
      ),
    } as never);
    await settle(fixture);
    expect(outcomeText()).toBe('Changed 2 of 2 cases.');
    expect(button('Undo')).toBeUndefined();
  });
});
