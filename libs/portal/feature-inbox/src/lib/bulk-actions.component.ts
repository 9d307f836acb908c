import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, SessionService } from '@homeroom/portal/data-access';
import { caseStatusName, FormFeedbackComponent, injectClock, priorityName } from '@homeroom/portal/ui';
import {
  BulkMergeCasesDocument,
  type BulkOutcomeFragment,
  BulkUpdateCasesDocument,
  type CaseStatus,
  type Priority,
  UndoBulkCaseActionDocument,
} from './operations.generated';

/** A case chosen in the inbox: its id for the API, its number for people. */
export interface SelectedCase {
  id: string;
  number: string;
}

const STATUSES: readonly CaseStatus[] = ['OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** Why a case was left as it was, in words; another reason as the API says it. */
const REASON_WORDS: Readonly<Record<string, string>> = {
  INVALID_STATUS_TRANSITION: 'its status cannot move there',
  CASE_NOT_FOUND: 'not found, or not yours to change',
  CHANGED_SINCE: 'someone changed it since, so it was left as they left it',
  OUTSIDE_YOUR_SCHOOLS: 'not at your schools',
  ALREADY_MERGED: 'already merged',
};

/**
 * What to do with the cases chosen in the inbox: a status, a priority, a tag, the assignment to oneself,
 * or merging the others into the first; one request, then what came of it case by case, and Undo for a
 * minute (merges excepted).
 */
@Component({
  selector: 'hr-bulk-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <section class="panel bulk-actions" aria-labelledby="bulk-heading" data-testid="bulk-actions">
      <h2 id="bulk-heading">
        {{ selected().length }} {{ selected().length === 1 ? 'case' : 'cases' }} selected
      </h2>
      <form class="fields" (ngSubmit)="apply()">
        <label for="bulk-status">Status</label>
        <select id="bulk-status" name="status" [(ngModel)]="status">
          <option value="">Keep</option>
          @for (value of statuses; track value) {
            <option [value]="value">{{ statusName(value) }}</option>
          }
        </select>
        <label for="bulk-priority">Priority</label>
        <select id="bulk-priority" name="priority" [(ngModel)]="priority">
          <option value="">Keep</option>
          @for (value of priorities; track value) {
            <option [value]="value">{{ priorityName(value) }}</option>
          }
        </select>
        <label for="bulk-tag">Add a tag</label>
        <input id="bulk-tag" name="tag" [(ngModel)]="tag" />
        <label class="check">
          <input type="checkbox" name="mine" [(ngModel)]="assignToMe" />
          Assign to me
        </label>
        <div class="actions">
          <button type="submit" [disabled]="actions.busy() || !hasChange()">
            Apply to {{ selected().length }}
          </button>
          @if (selected().length > 1) {
            <button type="button" class="secondary" [disabled]="actions.busy()" (click)="merge()">
              Merge the others into {{ selected()[0]!.number }}
            </button>
          }
          <button type="button" class="secondary" (click)="cleared.emit()">Clear selection</button>
        </div>
      </form>
      <hr-form-feedback [error]="actions.error()" />
      @if (outcome(); as outcome) {
        <div role="status" data-testid="bulk-outcome">
          <p>{{ outcome.summary }}</p>
          @if (outcome.refused.length) {
            <ul>
              @for (refused of outcome.refused; track $index) {
                <li>{{ refused }}</li>
              }
            </ul>
          }
        </div>
        @if (undoable()) {
          <button type="button" class="secondary" [disabled]="actions.busy()" (click)="undo()">Undo</button>
        }
      }
    </section>
  `,
})
export class BulkActionsComponent {
  readonly selected = input.required<readonly SelectedCase[]>();
  /** The action was made: the page clears its selection (the outcome stays shown here). */
  readonly cleared = output<void>();
  private readonly session = inject(SessionService);
  protected readonly actions = injectActions({ refetch: ['Inbox'] });
  private readonly now = injectClock(1_000);
  protected readonly statuses = STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly statusName = caseStatusName;
  protected readonly priorityName = priorityName;
  protected readonly status = signal<CaseStatus | ''>('');
  protected readonly priority = signal<Priority | ''>('');
  protected readonly tag = signal('');
  protected readonly assignToMe = signal(false);
  protected readonly hasChange = computed(
    () => !!this.status() || !!this.priority() || !!this.tag().trim() || this.assignToMe(),
  );
  /** The last action's outcome, with the numbers of the cases it was made on. */
  private readonly last = signal<{
    outcome: BulkOutcomeFragment;
    numbers: Map<string, string>;
    undo: boolean;
  } | null>(null);
  protected readonly outcome = computed(() => {
    const last = this.last();
    if (!last) return null;
    const { outcome, numbers } = last;
    const verb = last.undo ? 'Put back' : 'Changed';
    return {
      summary: `${verb} ${outcome.succeeded} of ${outcome.results.length} ${outcome.results.length === 1 ? 'case' : 'cases'}.`,
      refused: outcome.results
        .filter((result) => !result.ok)
        .map(
          (result) =>
            `${numbers.get(result.caseId) ?? result.caseId}: ${
              (result.reason && REASON_WORDS[result.reason]) || result.message || 'not changed'
            }`,
        ),
    };
  });
  protected readonly undoable = computed(() => {
    const until = this.last()?.outcome.undoableUntil;
    return !!until && new Date(until).getTime() > this.now();
  });

  protected async apply(): Promise<void> {
    const cases = this.selected();
    const change = {
      ...(this.status() ? { status: this.status() as CaseStatus } : {}),
      ...(this.priority() ? { priority: this.priority() as Priority } : {}),
      ...(this.tag().trim() ? { addTags: [this.tag().trim()] } : {}),
      ...(this.assignToMe() ? { assignment: { assigneeId: this.session.personId(), teamId: null } } : {}),
    };
    const result = await this.actions.run(BulkUpdateCasesDocument, {
      caseIds: cases.map((c) => c.id),
      change,
    });
    if (result) this.done(result.bulkUpdateCases, cases, false);
  }

  protected async merge(): Promise<void> {
    const [lead, ...others] = this.selected();
    const result = await this.actions.run(BulkMergeCasesDocument, {
      caseIds: others.map((c) => c.id),
      intoCaseId: lead!.id,
    });
    if (result) this.done(result.bulkMergeCases, others, false);
  }

  protected async undo(): Promise<void> {
    const last = this.last();
    if (!last) return;
    const result = await this.actions.run(UndoBulkCaseActionDocument, { id: last.outcome.id });
    if (result) this.last.set({ outcome: result.undoBulkCaseAction, numbers: last.numbers, undo: true });
  }

  private done(outcome: BulkOutcomeFragment, cases: readonly SelectedCase[], undo: boolean): void {
    this.last.set({ outcome, numbers: new Map(cases.map((c) => [c.id, c.number])), undo });
    this.status.set('');
    this.priority.set('');
    this.tag.set('');
    this.assignToMe.set(false);
    this.cleared.emit();
  }
}
