import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  type CasePageQuery,
  UnwatchCaseDocument,
  UpdateCaseTagsDocument,
  WatchCaseDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

/** Who follows the case (and whether the signed-in person does), and its tags. */
@Component({
  selector: 'hr-case-following',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <section class="panel" aria-labelledby="following-heading">
      <h2 id="following-heading">Watchers and tags</h2>
      <p>
        @if (supportCase().watchers.length === 0) {
          No one watches this case.
        } @else {
          Watched by {{ watcherNames() }}.
        }
      </p>
      <button type="button" class="secondary" [disabled]="actions.busy()" (click)="toggleWatch()">
        {{ watching() ? 'Stop watching' : 'Watch this case' }}
      </button>
      <h3>Tags</h3>
      @if (supportCase().tags.length === 0) {
        <p class="hint">No tags.</p>
      } @else {
        <ul class="plain actions" aria-label="Tags">
          @for (tag of supportCase().tags; track tag) {
            <li>
              <span class="tag">{{ tag }}</span>
              <button
                type="button"
                class="secondary"
                [disabled]="actions.busy()"
                [attr.aria-label]="'Remove tag ' + tag"
                (click)="removeTag(tag)"
              >
                ×
              </button>
            </li>
          }
        </ul>
      }
      <form class="relate" (ngSubmit)="addTag()">
        <label for="case-tag">Add a tag</label>
        <input id="case-tag" name="tag" [(ngModel)]="tag" placeholder="bus-14" />
        <button type="submit" class="secondary" [disabled]="actions.busy() || !tag().trim()">Add tag</button>
      </form>
      <hr-form-feedback [error]="actions.error()" />
    </section>
  `,
})
export class CaseFollowingComponent {
  readonly supportCase = input.required<PageCase>();
  /** The signed-in person. */
  readonly personId = input.required<string>();
  protected readonly actions = injectActions({ refetch: ['CasePage'] });
  protected readonly tag = signal('');
  readonly watching = computed(() =>
    this.supportCase().watchers.some((person) => person.id === this.personId()),
  );
  protected readonly watcherNames = computed(() =>
    this.supportCase()
      .watchers.map((person) => (person.id === this.personId() ? 'you' : person.displayName))
      .join(', '),
  );

  toggleWatch(): Promise<unknown> {
    const variables = { caseId: this.supportCase().id };
    return this.watching()
      ? this.actions.run(UnwatchCaseDocument, variables)
      : this.actions.run(WatchCaseDocument, variables);
  }

  protected async addTag(): Promise<void> {
    const added = await this.actions.run(UpdateCaseTagsDocument, {
      caseId: this.supportCase().id,
      add: [this.tag().trim()],
      remove: null,
    });
    if (added) this.tag.set('');
  }

  protected removeTag(tag: string): Promise<unknown> {
    return this.actions.run(UpdateCaseTagsDocument, {
      caseId: this.supportCase().id,
      add: null,
      remove: [tag],
    });
  }
}
