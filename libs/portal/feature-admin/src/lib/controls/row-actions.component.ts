import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** One button in a row of a list: what it says, and the name that tells a screen reader which row. */
export interface RowAction<Id extends string = string> {
  id: Id;
  /** What the button says: "Deactivate". */
  label: string;
  /** Its accessible name, naming the row's subject: "Deactivate Lincoln Elementary". */
  name: string;
  /** For a choice that stays made (the record to keep in a merge): pressed or not. */
  pressed?: boolean;
  /** False for an action that changes nothing by itself (opening an editor), which need not wait for a change. */
  waitsForChanges?: boolean;
}

/**
 * The buttons at the end of a row in an administration list (Edit, Deactivate, New secret, …): one
 * look, one keyboard order, each named for its row, and the ones that start a change wait while another
 * change runs. The page decides what each does from `chosen`.
 */
@Component({
  selector: 'hr-row-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'group', '[attr.aria-label]': 'label()' },
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
  `,
  template: `
    @for (action of actions(); track action.id) {
      <button
        type="button"
        class="secondary"
        [disabled]="busy() && action.waitsForChanges !== false"
        [attr.aria-label]="action.name"
        [attr.aria-pressed]="action.pressed ?? null"
        (click)="chosen.emit(action.id)"
      >
        {{ action.label }}
      </button>
    }
  `,
})
export class RowActionsComponent<Id extends string = string> {
  readonly actions = input.required<readonly RowAction<Id>[]>();
  /** Names the group for assistive technology: "Actions for Lincoln Elementary". */
  readonly label = input.required<string>();
  /** True while a change runs. */
  readonly busy = input(false);
  readonly chosen = output<Id>();
}
