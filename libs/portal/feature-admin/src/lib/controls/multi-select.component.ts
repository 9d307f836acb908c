import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  model,
  signal,
} from '@angular/core';
import type { CheckboxOption } from '@homeroom/portal/ui';

/** How many matches show at once: enough to scan, few enough to tab through. */
const SHOWN_MATCHES = 50;

/** Text as the search compares it: lower case, without accents ("Élan" and "elan" are the same). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The options whose names hold every word typed, in whatever case and with or without accents, in the
 * options' own order; all of them when nothing is typed.
 */
export function matchingOptions<Option extends { name: string }>(
  options: readonly Option[],
  typed: string,
): Option[] {
  const words = searchable(typed).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((option) => {
    const name = searchable(option.name);
    return words.every((word) => name.includes(word));
  });
}

/**
 * Choosing any number from a long list (schools, topics): a search box that narrows the list as the
 * person types, the matches as checkboxes (the first 50; "N more — keep typing" for the rest), and the
 * chosen ones above the box, each with a button that removes it, with their count. `selected` holds the
 * values chosen, in the order they were chosen.
 *
 * Keyboard: Tab reaches the remove buttons, the box and each match; in the box, Enter chooses the first
 * match not yet chosen (it never submits the form), Down arrow goes to the matches and Escape empties the
 * box; among the matches, Up and Down arrows move from one to the next and Escape goes back to the box.
 * Removing a chosen one moves the focus to the next one, or to the box when none is left.
 *
 * Ids: the box is `<idPrefix>search`, each match `<idPrefix><value>`, as in hr-checkbox-group.
 */
@Component({
  selector: 'hr-multi-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      gap: 0.3rem;
    }
    label.search {
      margin-top: 0.6rem;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.6rem;
      align-items: center;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .chips li {
      display: inline-flex;
      align-items: center;
      gap: 0.2rem;
      padding: 0.1rem 0.1rem 0.1rem 0.6rem;
      border: 1px solid var(--line, #c9d0d8);
      border-radius: 999px;
      background: #fff;
    }
    .chips button {
      margin: 0;
      padding: 0.1rem 0.45rem;
      border-radius: 999px;
      line-height: 1.2;
    }
    .matches {
      display: grid;
      gap: 0.1rem;
      max-height: 16rem;
      overflow-y: auto;
      padding: 0.2rem 0.4rem;
      border: 1px solid var(--line, #c9d0d8);
      border-radius: 4px;
      background: #fff;
    }
    .matches label {
      margin: 0;
    }
    .matches.empty {
      display: none;
    }
    p {
      margin: 0;
    }
  `,
  template: `
    <label class="search" [id]="idPrefix() + 'label'" [for]="idPrefix() + 'search'">{{ label() }}</label>
    <div class="chosen">
      <span class="hint" [id]="idPrefix() + 'count'">{{ countText() }}</span>
      @if (chosen().length) {
        <ul class="chips" [attr.aria-label]="'Chosen: ' + label()">
          @for (option of chosen(); track option.value; let index = $index) {
            <li>
              <span>{{ option.name }}</span>
              <button
                type="button"
                class="secondary"
                [attr.data-chip]="index"
                [attr.aria-label]="'Remove ' + option.name"
                (click)="remove(option.value, index)"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          }
        </ul>
      }
    </div>
    <input
      #search
      type="search"
      autocomplete="off"
      spellcheck="false"
      [id]="idPrefix() + 'search'"
      [attr.aria-controls]="idPrefix() + 'matches'"
      [attr.aria-describedby]="idPrefix() + 'count ' + idPrefix() + 'more'"
      [value]="typed()"
      (input)="typed.set(search.value)"
      (keydown)="onSearchKey($event)"
    />
    <div
      class="matches"
      role="group"
      [class.empty]="!shown().length"
      [id]="idPrefix() + 'matches'"
      [attr.aria-labelledby]="idPrefix() + 'label'"
      (keydown)="onMatchKey($event)"
    >
      @for (option of shown(); track option.value) {
        <label class="check" [for]="idPrefix() + option.value">
          <input
            #box
            type="checkbox"
            [id]="idPrefix() + option.value"
            [checked]="chosenValues().has(option.value)"
            (change)="toggle(option.value, box.checked)"
          />
          {{ option.name }}
        </label>
      }
    </div>
    <p class="hint" role="status" [id]="idPrefix() + 'more'">{{ moreText() }}</p>
  `,
})
export class MultiSelectComponent<Value extends string> {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly options = input.required<readonly CheckboxOption<Value>[]>();
  /** Starts every id inside; unique on the page. */
  readonly idPrefix = input.required<string>();
  /** What is chosen, labelling the search box: "is at one of these schools". */
  readonly label = input.required<string>();
  readonly selected = model.required<Value[]>();

  /** What is typed in the search box. */
  protected readonly typed = signal('');
  protected readonly chosenValues = computed(() => new Set<string>(this.selected()));
  /** The chosen options in the order chosen; one no longer offered keeps a place, to be removed. */
  protected readonly chosen = computed(() => {
    const names = new Map(this.options().map((option) => [option.value, option.name]));
    return this.selected().map((value) => ({ value, name: names.get(value) ?? 'One no longer listed' }));
  });
  protected readonly countText = computed(() =>
    this.selected().length ? `${this.selected().length} chosen` : 'None chosen',
  );
  private readonly matches = computed(() => matchingOptions(this.options(), this.typed()));
  protected readonly shown = computed(() => this.matches().slice(0, SHOWN_MATCHES));
  protected readonly moreText = computed(() => {
    const more = this.matches().length - this.shown().length;
    if (more > 0) return `${more} more — keep typing`;
    if (!this.matches().length && this.typed().trim()) return `Nothing matches “${this.typed().trim()}”.`;
    return '';
  });

  protected toggle(value: Value, on: boolean): void {
    this.selected.update((values) =>
      on ? [...new Set([...values, value])] : values.filter((other) => other !== value),
    );
  }

  /** Removes a chosen one; the focus goes to the next one, the one before, or the search box. */
  protected remove(value: Value, index: number): void {
    this.selected.update((values) => values.filter((other) => other !== value));
    afterNextRender(
      {
        write: () => {
          const chips = this.element().querySelectorAll<HTMLButtonElement>('.chips button');
          (chips[Math.min(index, chips.length - 1)] ?? this.searchBox()).focus();
        },
      },
      { injector: this.injector },
    );
  }

  protected onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      // The box narrows a list: Enter must not submit the form around it.
      event.preventDefault();
      const first = this.matches().find((option) => !this.chosenValues().has(option.value));
      if (this.typed().trim() && first) {
        this.toggle(first.value, true);
        this.typed.set('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.boxes()[0]?.focus();
    } else if (event.key === 'Escape' && this.typed()) {
      // Only when there is something to empty: otherwise Escape is the page's (closing an editor).
      event.preventDefault();
      event.stopPropagation();
      this.typed.set('');
    }
  }

  protected onMatchKey(event: KeyboardEvent): void {
    const boxes = this.boxes();
    const at = boxes.indexOf(event.target as HTMLInputElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? boxes[at + 1] : at === 0 ? this.searchBox() : boxes[at - 1];
      next?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.searchBox().focus();
    }
  }

  private element(): HTMLElement {
    return this.host.nativeElement;
  }

  private searchBox(): HTMLInputElement {
    return this.element().querySelector<HTMLInputElement>('input[type="search"]')!;
  }

  private boxes(): HTMLInputElement[] {
    return [...this.element().querySelectorAll<HTMLInputElement>('.matches input[type="checkbox"]')];
  }
}
