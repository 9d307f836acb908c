import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * What came of submitting a form, shown where the form shows it: the problems found before anything was
 * sent, the API's refusal in plain words, and what was done. Problems and refusals are alerts, read out
 * at once; what was done is a status, read out when the screen reader is idle. A part that is empty
 * renders nothing: an alert on the page, even an empty one, reads as something having gone wrong.
 */
@Component({
  selector: 'hr-form-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The messages take their places in the form's own layout (the admin forms are grids).
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    @if (problems().length) {
      <div role="alert" class="error">
        @if (lead(); as lead) {
          <p>{{ lead }}</p>
        }
        <ul>
          @for (problem of problems(); track problem) {
            <li>{{ problem }}</li>
          }
        </ul>
      </div>
    }
    @if (problem(); as problem) {
      <p role="alert" class="error">{{ problem }}</p>
    }
    @if (error(); as error) {
      <p role="alert" class="error">{{ error }}</p>
    }
    @if (done(); as done) {
      <p role="status">{{ done }}</p>
    }
  `,
})
export class FormFeedbackComponent {
  /** Everything wrong with the form as filled in, found before sending; nothing was sent. */
  readonly problems = input<readonly string[]>([]);
  /** Said before the problems, such as "Nothing was saved:"; without it the list stands alone. */
  readonly lead = input<string | null>(null);
  /** The one thing wrong, for a form that stops at the first problem it finds. */
  readonly problem = input<string | null>(null);
  /** Why the API refused the change. */
  readonly error = input<string | null>(null);
  /** What the change did, once it is done. */
  readonly done = input<string | null>(null);
}
