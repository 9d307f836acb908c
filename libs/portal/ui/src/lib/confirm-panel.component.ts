import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormFeedbackComponent } from './form-feedback.component';
import { TakesFocusDirective } from './takes-focus.directive';

/**
 * The question asked before a change that cannot simply be undone (deactivating, revoking): the
 * question (the content), a button that makes the change, one that cancels, and the API's refusal. The
 * panel is a group named by its question, and takes the focus when it appears so that keyboard and
 * screen-reader users meet the question at once.
 */
@Component({
  selector: 'hr-confirm-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent],
  hostDirectives: [TakesFocusDirective],
  host: {
    class: 'panel',
    role: 'group',
    tabindex: '-1',
    '[attr.aria-labelledby]': 'questionId()',
  },
  styles: `
    :host {
      display: block;
      margin: 1rem 0;
      max-width: 48rem;
    }
    :host(:focus) {
      outline: 3px solid currentColor;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
  `,
  template: `
    <p [id]="questionId()"><ng-content /></p>
    <div class="actions">
      <button type="button" [disabled]="busy()" (click)="confirmed.emit()">{{ confirmLabel() }}</button>
      <button type="button" class="secondary" (click)="cancelled.emit()">Cancel</button>
    </div>
    <hr-form-feedback [error]="error()" />
  `,
})
export class ConfirmPanelComponent {
  /** The question's id, unique on the page: it names the panel. */
  readonly questionId = input.required<string>();
  /** What the confirming button says: the change itself, such as "Deactivate Lincoln Elementary". */
  readonly confirmLabel = input.required<string>();
  /** True while a change runs; the confirming button waits for it. */
  readonly busy = input(false);
  /** Why the API refused the change, shown in the panel. */
  readonly error = input<string | null>(null);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
}
