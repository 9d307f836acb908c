import { ChangeDetectionStrategy, Component, computed, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { RowActionsComponent } from '../controls/row-actions.component';
import type { ClosureInput, ClosureKind } from '../operations.generated';
import { CLOSURE_KIND_NAMES, CLOSURE_KINDS, closureFromForm, describeClosure } from './closure-form';

/**
 * The holidays, breaks and closures of the calendar being edited: the list, and adding one to it or
 * removing one. The list is only a draft: it is saved with the calendar.
 */
@Component({
  selector: 'hr-closure-list-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, RowActionsComponent],
  // The fieldset takes its place in the calendar form's own layout.
  styles: `
    :host {
      display: contents;
    }
    .inline > div {
      display: grid;
    }
    .inline label {
      margin: 0;
    }
  `,
  template: `
    <fieldset>
      <legend>Holidays, breaks and closures</legend>
      @if (closures().length) {
        <table>
          <caption class="visually-hidden">
            Closures of the calendar being edited
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Reason</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (closure of rows(); track $index) {
              <tr>
                <td>{{ closure.when }}</td>
                <td>{{ closure.kindName }}</td>
                <td>{{ closure.reason }}</td>
                <td>
                  <hr-row-actions
                    [label]="'Actions for ' + closure.reason + ', ' + closure.when"
                    [actions]="closure.actions"
                    (chosen)="remove($index)"
                  />
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>None yet.</p>
      }
      <div class="inline">
        <div>
          <label for="draft-date">First day</label>
          <input
            id="draft-date"
            name="draftDate"
            type="date"
            [(ngModel)]="date"
            [ngModelOptions]="standalone"
          />
        </div>
        <div>
          <label for="draft-through">Last day (empty: one day)</label>
          <input
            id="draft-through"
            name="draftThrough"
            type="date"
            [(ngModel)]="through"
            [ngModelOptions]="standalone"
          />
        </div>
        <div>
          <label for="draft-from">From (empty: all day)</label>
          <input
            id="draft-from"
            name="draftFrom"
            type="time"
            [(ngModel)]="from"
            [ngModelOptions]="standalone"
          />
        </div>
        <div>
          <label for="draft-to">Until (empty: end of day)</label>
          <input id="draft-to" name="draftTo" type="time" [(ngModel)]="to" [ngModelOptions]="standalone" />
        </div>
        <div>
          <label for="draft-kind">Kind</label>
          <select id="draft-kind" name="draftKind" [(ngModel)]="kind" [ngModelOptions]="standalone">
            @for (kind of kinds; track kind) {
              <option [value]="kind">{{ kindNames[kind] }}</option>
            }
          </select>
        </div>
        <div>
          <label for="draft-reason">Reason</label>
          <input
            id="draft-reason"
            name="draftReason"
            placeholder="Labor Day"
            [(ngModel)]="reason"
            [ngModelOptions]="standalone"
          />
        </div>
      </div>
      <button type="button" class="secondary" (click)="add()">Add to the list</button>
      <hr-form-feedback [problem]="problem()" />
      <p class="hint">The list is saved with the calendar.</p>
    </fieldset>
  `,
})
export class ClosureListEditorComponent {
  /** The closures as they will be saved, in date order. */
  readonly closures = model.required<ClosureInput[]>();
  /**
   * The fields are this component's own, not the controls of the form around it (which cannot reach
   * into a component), as Angular asks to be told.
   */
  protected readonly standalone = { standalone: true };

  protected readonly kinds = CLOSURE_KINDS;
  protected readonly kindNames = CLOSURE_KIND_NAMES;
  /** The closures in words, each with its one button (a draft's: nothing to wait for). */
  protected readonly rows = computed(() =>
    this.closures().map((closure) => {
      const when = describeClosure(closure);
      return {
        ...closure,
        when,
        kindName: CLOSURE_KIND_NAMES[closure.kind],
        actions: [
          {
            id: 'remove',
            label: 'Remove',
            name: `Remove ${closure.reason}, ${when}`,
            waitsForChanges: false,
          },
        ],
      };
    }),
  );
  protected readonly date = signal('');
  protected readonly through = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly kind = signal<ClosureKind>('HOLIDAY');
  protected readonly reason = signal('');
  protected readonly problem = signal<string | null>(null);

  protected add(): void {
    const parsed = closureFromForm({
      date: this.date(),
      through: this.through(),
      from: this.from(),
      to: this.to(),
      kind: this.kind(),
      reason: this.reason(),
    });
    if ('problem' in parsed) {
      this.problem.set(parsed.problem);
      return;
    }
    this.problem.set(null);
    this.closures.update((closures) =>
      [...closures, parsed.closure].sort((a, b) => a.date.localeCompare(b.date)),
    );
    for (const field of [this.date, this.through, this.from, this.to, this.reason]) field.set('');
  }

  protected remove(index: number): void {
    this.closures.update((closures) => closures.filter((_, i) => i !== index));
  }
}
