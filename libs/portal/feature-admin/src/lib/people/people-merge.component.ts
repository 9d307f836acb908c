import { ChangeDetectionStrategy, Component, computed, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { type AdminPersonFragment, MergePeopleDocument } from '../operations.generated';
import { describePerson, mergePlan } from './person-form';

type Person = AdminPersonFragment;

/**
 * Merging a duplicate record into the record that survives: the two chosen (from the directory's rows,
 * through `chooseDuplicate` and `chooseSurvivor`), what the merge will do, a confirmation, and the merge.
 * Choosing again starts the confirmation afresh.
 */
@Component({
  selector: 'hr-people-merge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  styles: `
    .panel {
      margin: 1rem 0;
      max-width: 48rem;
    }
    dl.merge {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.3rem 1rem;
    }
    dl.merge dd {
      margin: 0;
    }
  `,
  template: `
    <h2>Merge duplicate records</h2>
    <p class="hint">
      In the results above, choose the duplicate with “Duplicate” and the record to keep with “Keep”; search
      again to find the other record if needed.
    </p>
    <dl class="merge">
      <dt>Duplicate (merged away)</dt>
      <dd>
        @if (duplicate(); as person) {
          {{ person.displayName }} · {{ describe(person) }}
        } @else {
          Not chosen yet
        }
      </dd>
      <dt>Record to keep (survives)</dt>
      <dd>
        @if (survivor(); as person) {
          {{ person.displayName }} · {{ describe(person) }}
        } @else {
          Not chosen yet
        }
      </dd>
    </dl>
    @if (duplicate() || survivor()) {
      <div class="actions">
        <button type="button" class="secondary" [disabled]="!duplicate() || !survivor()" (click)="swap()">
          Swap: keep the other record
        </button>
        <button type="button" class="secondary" (click)="clear()">Clear the choice</button>
      </div>
    }
    @if (plan(); as plan) {
      @if (plan.problem) {
        <hr-form-feedback [problem]="plan.problem" />
      } @else {
        <form class="panel" (ngSubmit)="merge()">
          <p>{{ plan.summary }}</p>
          <p>
            <input id="merge-confirm" name="confirmed" type="checkbox" [(ngModel)]="confirmed" />
            <label for="merge-confirm">I have checked that these two records are the same person.</label>
          </p>
          <button type="submit" [disabled]="busy() || !confirmed()">{{ plan.action }}</button>
        </form>
      }
    }
    <hr-form-feedback [error]="merging.error()" [done]="merging.done()" />
  `,
})
export class PeopleMergeComponent {
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly merging = injectActions({ refetch: ['AdminPeople'], busy: this.busy });

  protected readonly describe = describePerson;
  private readonly chosenDuplicate = signal<Person | null>(null);
  private readonly chosenSurvivor = signal<Person | null>(null);
  /** The record to merge away. */
  readonly duplicate = this.chosenDuplicate.asReadonly();
  /** The record that survives the merge. */
  readonly survivor = this.chosenSurvivor.asReadonly();
  protected readonly confirmed = signal(false);
  protected readonly plan = computed(() => {
    const duplicate = this.duplicate();
    const survivor = this.survivor();
    return duplicate && survivor ? mergePlan(duplicate, survivor) : null;
  });

  /** A record cannot be both: choosing the record to keep as the duplicate unchooses it as the keeper. */
  chooseDuplicate(person: Person): void {
    if (this.survivor()?.id === person.id) this.chosenSurvivor.set(null);
    this.chosenDuplicate.set(person);
    this.startAfresh();
  }

  chooseSurvivor(person: Person): void {
    if (this.duplicate()?.id === person.id) this.chosenDuplicate.set(null);
    this.chosenSurvivor.set(person);
    this.startAfresh();
  }

  protected swap(): void {
    const duplicate = this.duplicate();
    this.chosenDuplicate.set(this.survivor());
    this.chosenSurvivor.set(duplicate);
    this.startAfresh();
  }

  protected clear(): void {
    this.chosenDuplicate.set(null);
    this.chosenSurvivor.set(null);
    this.startAfresh();
  }

  protected async merge(): Promise<void> {
    const duplicate = this.duplicate();
    const survivor = this.survivor();
    if (!duplicate || !survivor || this.plan()?.problem || !this.confirmed()) return;
    const done = await this.merging.run(
      MergePeopleDocument,
      { survivorId: survivor.id, mergedId: duplicate.id },
      { done: ({ mergePeople }) => `${duplicate.displayName} was merged into ${mergePeople.displayName}.` },
    );
    if (!done) return;
    this.chosenDuplicate.set(null);
    this.chosenSurvivor.set(null);
    this.confirmed.set(false);
  }

  /** A new pair, or the same pair the other way round, needs checking and confirming again. */
  private startAfresh(): void {
    this.confirmed.set(false);
    this.merging.clear();
  }
}
