import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';

/** One box of a checkbox group: the value ticking it adds, and the words beside it. */
export interface CheckboxOption<Value extends string> {
  value: Value;
  name: string;
}

/**
 * Checkboxes for choosing any number of a few values (audiences, statuses, kinds of people), each box
 * labelled by its option's name. It goes inside the caller's fieldset, whose legend says what is chosen.
 * `selected` holds the values ticked, in the order they were ticked.
 */
@Component({
  selector: 'hr-checkbox-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The boxes take their places in the fieldset's own layout.
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    @for (option of options(); track option.value) {
      <label class="check" [for]="idPrefix() + option.value">
        <input
          #box
          type="checkbox"
          [id]="idPrefix() + option.value"
          [checked]="selected().includes(option.value)"
          (change)="toggle(option.value, box.checked)"
        />
        {{ option.name }}
      </label>
    }
  `,
})
export class CheckboxGroupComponent<Value extends string> {
  readonly options = input.required<readonly CheckboxOption<Value>[]>();
  /** Starts each box's id; the option's value ends it. Unique on the page, so every label finds its box. */
  readonly idPrefix = input.required<string>();
  readonly selected = model.required<Value[]>();

  protected toggle(value: Value, on: boolean): void {
    this.selected.update((values) =>
      on ? [...new Set([...values, value])] : values.filter((other) => other !== value),
    );
  }
}
