import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The button under a list that loads the list's next page. While a page loads it says so and waits, so a
 * second click does not ask for the same page again.
 */
@Component({
  selector: 'hr-show-more',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    <button type="button" class="more" [disabled]="loading()" (click)="more.emit()">
      {{ loading() ? 'Loading…' : label() }}
    </button>
  `,
})
export class ShowMoreComponent {
  /** What the button says, such as "Show more schools". */
  readonly label = input('Show more');
  /** True while the next page loads. */
  readonly loading = input(false);
  readonly more = output<void>();
}
