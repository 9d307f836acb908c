import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { LIMITS, newChoice, type QuestionDraft, QUESTION_KINDS, type Texts } from './survey-input';
import { TranslatedTextComponent } from './translated-text.component';

/** The words at each end of a scale; left empty, the API's own words apply (the placeholders show them). */
const ENDS = [
  { key: 'lowLabel', name: 'low end', SCALE: 'Not at all satisfied', NPS: 'Not at all likely' },
  { key: 'highLabel', name: 'high end', SCALE: 'Extremely satisfied', NPS: 'Extremely likely' },
] as const;

/**
 * One question of the survey being written: its text in each language, whether an answer is required,
 * what its kind needs (the top of a scale, the choices, how many may be picked, the longest written
 * answer, the words at a scale's ends), and moving or removing it. Every change goes to the builder as
 * the fields that changed.
 */
@Component({
  selector: 'hr-survey-question-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatedTextComponent],
  // The question takes its place in the survey form's own layout.
  styles: `
    :host {
      display: contents;
    }
    .question {
      background: #fff;
    }
    .actions button {
      margin-top: 0.4rem;
    }
  `,
  template: `
    <fieldset class="question" data-testid="survey-question">
      <legend>Question {{ number() }}: {{ kindName() }}</legend>
      <label class="check" [for]="id('required')">
        <input
          type="checkbox"
          [id]="id('required')"
          [name]="id('required')"
          [ngModel]="question().required"
          [ngModelOptions]="standalone"
          (ngModelChange)="changed.emit({ required: $event })"
        />
        An answer is required
      </label>
      <fieldset>
        <legend>Question {{ number() }} text</legend>
        <hr-translated-text
          [languages]="languages()"
          [idPrefix]="id('text-')"
          [maxLength]="limits.prompt"
          [texts]="question().text"
          (textsChange)="changed.emit({ text: $event })"
        />
      </fieldset>

      @switch (question().kind) {
        @case ('SCALE') {
          <label [for]="id('max')">Top of the scale (answers run from 1 to 2–10)</label>
          <input
            type="number"
            min="2"
            max="10"
            step="1"
            [id]="id('max')"
            [name]="id('max')"
            [ngModel]="question().max"
            [ngModelOptions]="standalone"
            (ngModelChange)="changed.emit({ max: $event })"
          />
        }
        @case ('TEXT') {
          <label [for]="id('length')">Longest answer, in characters (1–{{ limits.textAnswer }})</label>
          <input
            type="number"
            min="1"
            [max]="limits.textAnswer"
            step="1"
            [id]="id('length')"
            [name]="id('length')"
            [ngModel]="question().maxLength"
            [ngModelOptions]="standalone"
            (ngModelChange)="changed.emit({ maxLength: $event })"
          />
        }
      }
      @if (question().kind === 'SINGLE_CHOICE' || question().kind === 'MULTI_CHOICE') {
        @for (choice of question().choices; track choice.id; let choiceIndex = $index) {
          <fieldset>
            <legend>Question {{ number() }}, choice {{ choiceIndex + 1 }}</legend>
            <hr-translated-text
              [languages]="languages()"
              [idPrefix]="id(choice.id + '-')"
              [maxLength]="limits.choice"
              [texts]="choice.text"
              (textsChange)="writeChoice(choice.id, $event)"
            />
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Remove choice ' + (choiceIndex + 1) + ' of question ' + number()"
              (click)="removeChoice(choice.id)"
            >
              Remove choice
            </button>
          </fieldset>
        }
        <button
          type="button"
          class="secondary"
          [attr.aria-label]="'Add a choice to question ' + number()"
          (click)="addChoice()"
        >
          Add a choice
        </button>
      }
      @if (question().kind === 'MULTI_CHOICE') {
        <label [for]="id('min')">Fewest choices (empty: 1 when required, else 0)</label>
        <input
          type="number"
          min="0"
          step="1"
          [id]="id('min')"
          [name]="id('min')"
          [ngModel]="question().minSelections"
          [ngModelOptions]="standalone"
          (ngModelChange)="changed.emit({ minSelections: $event })"
        />
        <label [for]="id('most')">Most choices (empty: all of them)</label>
        <input
          type="number"
          min="1"
          step="1"
          [id]="id('most')"
          [name]="id('most')"
          [ngModel]="question().maxSelections"
          [ngModelOptions]="standalone"
          (ngModelChange)="changed.emit({ maxSelections: $event })"
        />
      }
      @if (question().kind === 'SCALE' || question().kind === 'NPS') {
        @for (end of ends; track end.key) {
          <fieldset>
            <legend>
              Question {{ number() }}: words at the {{ end.name }} (optional; empty: the standard words)
            </legend>
            <hr-translated-text
              [languages]="languages()"
              [idPrefix]="id(end.key + '-')"
              [maxLength]="limits.label"
              [required]="false"
              [placeholder]="question().kind === 'NPS' ? end.NPS : end.SCALE"
              [texts]="question()[end.key]"
              (textsChange)="writeEnd(end.key, $event)"
            />
          </fieldset>
        }
      }
      <div class="actions">
        <button
          type="button"
          class="secondary"
          [disabled]="first()"
          [attr.aria-label]="'Move up question ' + number()"
          (click)="moved.emit(-1)"
        >
          Move up
        </button>
        <button
          type="button"
          class="secondary"
          [disabled]="last()"
          [attr.aria-label]="'Move down question ' + number()"
          (click)="moved.emit(1)"
        >
          Move down
        </button>
        <button
          type="button"
          class="secondary"
          [attr.aria-label]="'Remove question ' + number()"
          (click)="removed.emit()"
        >
          Remove
        </button>
      </div>
    </fieldset>
  `,
})
export class SurveyQuestionEditorComponent {
  readonly question = input.required<QuestionDraft>();
  /** Its place in the survey, from 1. */
  readonly number = input.required<number>();
  readonly first = input(false);
  readonly last = input(false);
  /** The survey's languages, its default first. */
  readonly languages = input.required<readonly string[]>();
  /** The fields of the question that changed. */
  readonly changed = output<Partial<QuestionDraft>>();
  /** Up (-1) or down (1) one place. */
  readonly moved = output<-1 | 1>();
  readonly removed = output<void>();
  /**
   * The fields are this component's own, not the controls of the form around it (which cannot reach
   * into a component), as Angular asks to be told.
   */
  protected readonly standalone = { standalone: true };

  protected readonly limits = LIMITS;
  protected readonly ends = ENDS;
  protected readonly kindName = computed(() => {
    const kind = this.question().kind;
    return QUESTION_KINDS.find((option) => option.kind === kind)?.name ?? kind;
  });

  /** A field's id, unique on the page: the question's id makes it so. */
  protected id(field: string): string {
    return `q-${this.question().id}-${field}`;
  }

  protected writeEnd(end: (typeof ENDS)[number]['key'], texts: Texts): void {
    this.changed.emit({ [end]: texts });
  }

  protected addChoice(): void {
    const choices = this.question().choices;
    this.changed.emit({ choices: [...choices, newChoice(choices)] });
  }

  protected removeChoice(choiceId: string): void {
    this.changed.emit({ choices: this.question().choices.filter((choice) => choice.id !== choiceId) });
  }

  protected writeChoice(choiceId: string, text: Texts): void {
    this.changed.emit({
      choices: this.question().choices.map((choice) =>
        choice.id === choiceId ? { ...choice, text } : choice,
      ),
    });
  }
}
