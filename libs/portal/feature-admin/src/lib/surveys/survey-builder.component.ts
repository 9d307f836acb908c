import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { runMutation } from '@homeroom/portal/data-access';
import {
  AdminSurveysCreateDocument,
  type AdminSurveysCreateMutation,
  type SurveyAudience,
  type SurveyQuestionKind,
} from '../operations.generated';
import {
  AUDIENCES,
  draftProblems,
  languageName,
  languageTag,
  LIMITS,
  localDateTimeToIso,
  newChoice,
  newQuestion,
  type QuestionDraft,
  QUESTION_KINDS,
  type Texts,
  toSurveyInput,
} from './survey-input';

export type CreatedSurvey = AdminSurveysCreateMutation['createSurvey'];

/**
 * The survey builder: a district survey written in the district's default language (required) and
 * translated into others, with its audiences, closing date and questions of every kind the API takes
 * (scale, net promoter score, one choice, several choices, written answer). It is saved as a draft;
 * opening and sending it happen on the surveys page.
 */
@Component({
  selector: 'hr-survey-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  styles: `
    .translations {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
      gap: 0.3rem 0.6rem;
      align-items: center;
    }
    .translations label {
      margin: 0;
      font-weight: 500;
    }
    .question {
      background: #fff;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .actions button {
      margin-top: 0.4rem;
    }
  `,
  template: `
    <form class="admin-form" (ngSubmit)="create()" aria-describedby="builder-hint">
      <p id="builder-hint" class="hint">
        Every text is required in {{ languageName(defaultLanguage()) }}; translations may be partial, and
        respondents see {{ languageName(defaultLanguage()) }} wherever one is missing. The survey is saved as
        a draft.
      </p>
      <label for="survey-name">Name (staff see it, respondents do not)</label>
      <input id="survey-name" name="name" required maxlength="200" [(ngModel)]="name" />

      <fieldset>
        <legend>Languages</legend>
        <p>{{ languageName(defaultLanguage()) }}: required.</p>
        @if (otherLanguages().length) {
          <ul class="plain">
            @for (language of otherLanguages(); track language) {
              <li>
                {{ languageName(language) }}: translation
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="'Remove the ' + languageName(language) + ' translation'"
                  (click)="removeLanguage(language)"
                >
                  Remove
                </button>
              </li>
            }
          </ul>
        }
        <label for="survey-new-language">Add a translation (a language tag such as es, vi or zh-Hant)</label>
        <input id="survey-new-language" name="newLanguage" [(ngModel)]="newLanguage" />
        <button type="button" class="secondary" (click)="addLanguage()">Add translation</button>
        @if (languageProblem(); as problem) {
          <p role="alert" class="error">{{ problem }}</p>
        }
      </fieldset>

      <fieldset>
        <legend>Who it is for</legend>
        @for (option of audienceOptions; track option.audience) {
          <label class="check" [for]="'survey-audience-' + option.audience">
            <input
              #box
              type="checkbox"
              [id]="'survey-audience-' + option.audience"
              [checked]="audiences().includes(option.audience)"
              (change)="toggleAudience(option.audience, box.checked)"
            />
            {{ option.name }}
          </label>
        }
        @if (audiences().includes('STUDENTS')) {
          <p class="hint">
            Surveys of students are checked for the areas the Protection of Pupil Rights Amendment protects;
            questions touching them need parents' consent rules.
          </p>
        }
      </fieldset>

      <label for="survey-closes">Closes (optional: links stop taking answers then)</label>
      <input id="survey-closes" name="closesAt" type="datetime-local" [(ngModel)]="closesAt" />

      <fieldset>
        <legend>Title (respondents see it)</legend>
        <div class="translations">
          @for (language of languages(); track language) {
            <label [for]="'survey-title-' + language">{{ textLabel(language) }}</label>
            <input
              [id]="'survey-title-' + language"
              [name]="'title-' + language"
              maxlength="200"
              [ngModel]="title()[language] ?? ''"
              (ngModelChange)="title.set(withText(title(), language, $event))"
            />
          }
        </div>
      </fieldset>

      <h3>Questions</h3>
      @for (question of questions(); track question.id; let index = $index, first = $first, last = $last) {
        <fieldset class="question" data-testid="survey-question">
          <legend>Question {{ index + 1 }}: {{ kindName(question.kind) }}</legend>
          <label class="check" [for]="'q-' + question.id + '-required'">
            <input
              type="checkbox"
              [id]="'q-' + question.id + '-required'"
              [name]="'q-' + question.id + '-required'"
              [ngModel]="question.required"
              (ngModelChange)="patch(question.id, { required: $event })"
            />
            An answer is required
          </label>
          <fieldset>
            <legend>Question {{ index + 1 }} text</legend>
            <div class="translations">
              @for (language of languages(); track language) {
                <label [for]="'q-' + question.id + '-text-' + language">{{ textLabel(language) }}</label>
                <input
                  [id]="'q-' + question.id + '-text-' + language"
                  [name]="'q-' + question.id + '-text-' + language"
                  maxlength="1000"
                  [ngModel]="question.text[language] ?? ''"
                  (ngModelChange)="patch(question.id, { text: withText(question.text, language, $event) })"
                />
              }
            </div>
          </fieldset>

          @switch (question.kind) {
            @case ('SCALE') {
              <label [for]="'q-' + question.id + '-max'">Top of the scale (answers run from 1 to 2–10)</label>
              <input
                type="number"
                min="2"
                max="10"
                step="1"
                [id]="'q-' + question.id + '-max'"
                [name]="'q-' + question.id + '-max'"
                [ngModel]="question.max"
                (ngModelChange)="patch(question.id, { max: $event })"
              />
            }
            @case ('TEXT') {
              <label [for]="'q-' + question.id + '-length'"
                >Longest answer, in characters (1–{{ limits.textAnswer }})</label
              >
              <input
                type="number"
                min="1"
                [max]="limits.textAnswer"
                step="1"
                [id]="'q-' + question.id + '-length'"
                [name]="'q-' + question.id + '-length'"
                [ngModel]="question.maxLength"
                (ngModelChange)="patch(question.id, { maxLength: $event })"
              />
            }
          }
          @if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE') {
            @for (choice of question.choices; track choice.id; let choiceIndex = $index) {
              <fieldset>
                <legend>Question {{ index + 1 }}, choice {{ choiceIndex + 1 }}</legend>
                <div class="translations">
                  @for (language of languages(); track language) {
                    <label [for]="'q-' + question.id + '-' + choice.id + '-' + language">{{
                      textLabel(language)
                    }}</label>
                    <input
                      [id]="'q-' + question.id + '-' + choice.id + '-' + language"
                      [name]="'q-' + question.id + '-' + choice.id + '-' + language"
                      maxlength="200"
                      [ngModel]="choice.text[language] ?? ''"
                      (ngModelChange)="patchChoice(question, choice.id, language, $event)"
                    />
                  }
                </div>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="'Remove choice ' + (choiceIndex + 1) + ' of question ' + (index + 1)"
                  (click)="removeChoice(question, choice.id)"
                >
                  Remove choice
                </button>
              </fieldset>
            }
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Add a choice to question ' + (index + 1)"
              (click)="addChoice(question)"
            >
              Add a choice
            </button>
          }
          @if (question.kind === 'MULTI_CHOICE') {
            <label [for]="'q-' + question.id + '-min'">Fewest choices (empty: 1 when required, else 0)</label>
            <input
              type="number"
              min="0"
              step="1"
              [id]="'q-' + question.id + '-min'"
              [name]="'q-' + question.id + '-min'"
              [ngModel]="question.minSelections"
              (ngModelChange)="patch(question.id, { minSelections: $event })"
            />
            <label [for]="'q-' + question.id + '-most'">Most choices (empty: all of them)</label>
            <input
              type="number"
              min="1"
              step="1"
              [id]="'q-' + question.id + '-most'"
              [name]="'q-' + question.id + '-most'"
              [ngModel]="question.maxSelections"
              (ngModelChange)="patch(question.id, { maxSelections: $event })"
            />
          }
          @if (question.kind === 'SCALE' || question.kind === 'NPS') {
            @for (end of ends; track end.key) {
              <fieldset>
                <legend>
                  Question {{ index + 1 }}: words at the {{ end.name }} (optional; empty: the standard words)
                </legend>
                <div class="translations">
                  @for (language of languages(); track language) {
                    <label [for]="'q-' + question.id + '-' + end.key + '-' + language">{{
                      languageName(language)
                    }}</label>
                    <input
                      [id]="'q-' + question.id + '-' + end.key + '-' + language"
                      [name]="'q-' + question.id + '-' + end.key + '-' + language"
                      maxlength="100"
                      [placeholder]="
                        language === defaultLanguage() ? (question.kind === 'NPS' ? end.NPS : end.SCALE) : ''
                      "
                      [ngModel]="question[end.key][language] ?? ''"
                      (ngModelChange)="patchLabel(question, end.key, language, $event)"
                    />
                  }
                </div>
              </fieldset>
            }
          }
          <div class="actions">
            <button
              type="button"
              class="secondary"
              [disabled]="first"
              [attr.aria-label]="'Move up question ' + (index + 1)"
              (click)="move(index, -1)"
            >
              Move up
            </button>
            <button
              type="button"
              class="secondary"
              [disabled]="last"
              [attr.aria-label]="'Move down question ' + (index + 1)"
              (click)="move(index, 1)"
            >
              Move down
            </button>
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Remove question ' + (index + 1)"
              (click)="removeQuestion(question.id)"
            >
              Remove
            </button>
          </div>
        </fieldset>
      } @empty {
        <p>No questions yet.</p>
      }

      <fieldset>
        <legend>Add a question</legend>
        <label for="survey-new-kind">Kind of question</label>
        <select id="survey-new-kind" name="newKind" [(ngModel)]="newKind">
          @for (option of kindOptions; track option.kind) {
            <option [value]="option.kind">{{ option.name }}</option>
          }
        </select>
        <button type="button" class="secondary" (click)="addQuestion()">Add question</button>
      </fieldset>

      <button type="submit" [disabled]="busy()">Save as draft</button>
      @if (problems().length) {
        <div role="alert" class="error">
          <p>The survey was not saved:</p>
          <ul>
            @for (problem of problems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        </div>
      }
      @if (error(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </form>
  `,
})
export class SurveyBuilderComponent {
  private readonly apollo = inject(Apollo);
  /** The district's languages, its default first. */
  readonly districtLanguages = input<readonly string[]>([]);
  /** A survey saved as a draft, with any PPRA warnings. */
  readonly created = output<CreatedSurvey>();

  protected readonly audienceOptions = AUDIENCES;
  protected readonly kindOptions = QUESTION_KINDS;
  protected readonly limits = LIMITS;
  /** The end labels; left empty, the API's own words apply (the placeholders show them). */
  protected readonly ends = [
    { key: 'lowLabel', name: 'low end', SCALE: 'Not at all satisfied', NPS: 'Not at all likely' },
    { key: 'highLabel', name: 'high end', SCALE: 'Extremely satisfied', NPS: 'Extremely likely' },
  ] as const;
  protected readonly languageName = languageName;

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly problems = signal<string[]>([]);
  protected readonly defaultLanguage = computed(() => this.districtLanguages()[0] ?? 'en');
  protected readonly otherLanguages = linkedSignal(() =>
    this.districtLanguages().filter((language) => language !== this.defaultLanguage()),
  );
  protected readonly languages = computed(() => [this.defaultLanguage(), ...this.otherLanguages()]);
  protected readonly newLanguage = signal('');
  protected readonly languageProblem = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly audiences = signal<SurveyAudience[]>([]);
  protected readonly closesAt = signal('');
  protected readonly title = signal<Texts>({});
  protected readonly questions = signal<QuestionDraft[]>([]);
  protected readonly newKind = signal<SurveyQuestionKind>('SCALE');

  protected textLabel(language: string): string {
    return language === this.defaultLanguage()
      ? `${languageName(language)}, required`
      : languageName(language);
  }

  protected kindName(kind: SurveyQuestionKind): string {
    return QUESTION_KINDS.find((option) => option.kind === kind)?.name ?? kind;
  }

  protected withText(texts: Texts, language: string, text: string): Texts {
    return { ...texts, [language]: text };
  }

  protected addLanguage(): void {
    const tag = languageTag(this.newLanguage());
    if (!tag) {
      this.languageProblem.set('Type a language tag such as es (Spanish) or vi (Vietnamese).');
      return;
    }
    if (this.languages().includes(tag)) {
      this.languageProblem.set(`${languageName(tag)} is already there.`);
      return;
    }
    this.languageProblem.set(null);
    this.otherLanguages.update((languages) => [...languages, tag]);
    this.newLanguage.set('');
  }

  /** Its texts stay in the draft but are not sent. */
  protected removeLanguage(language: string): void {
    this.otherLanguages.update((languages) => languages.filter((other) => other !== language));
  }

  protected toggleAudience(audience: SurveyAudience, on: boolean): void {
    this.audiences.update((audiences) =>
      on ? [...new Set([...audiences, audience])] : audiences.filter((other) => other !== audience),
    );
  }

  protected addQuestion(): void {
    this.questions.update((questions) => [...questions, newQuestion(this.newKind(), questions)]);
  }

  protected removeQuestion(id: string): void {
    this.questions.update((questions) => questions.filter((question) => question.id !== id));
  }

  protected move(index: number, by: -1 | 1): void {
    this.questions.update((questions) => {
      const moved = [...questions];
      const [question] = moved.splice(index, 1);
      if (question) moved.splice(index + by, 0, question);
      return moved;
    });
  }

  protected patch(id: string, changes: Partial<QuestionDraft>): void {
    this.questions.update((questions) =>
      questions.map((question) => (question.id === id ? { ...question, ...changes } : question)),
    );
  }

  protected patchLabel(
    question: QuestionDraft,
    end: 'lowLabel' | 'highLabel',
    language: string,
    text: string,
  ): void {
    this.patch(question.id, { [end]: this.withText(question[end], language, text) });
  }

  protected addChoice(question: QuestionDraft): void {
    this.patch(question.id, { choices: [...question.choices, newChoice(question.choices)] });
  }

  protected removeChoice(question: QuestionDraft, choiceId: string): void {
    this.patch(question.id, { choices: question.choices.filter((choice) => choice.id !== choiceId) });
  }

  protected patchChoice(question: QuestionDraft, choiceId: string, language: string, text: string): void {
    this.patch(question.id, {
      choices: question.choices.map((choice) =>
        choice.id === choiceId ? { ...choice, text: this.withText(choice.text, language, text) } : choice,
      ),
    });
  }

  protected async create(): Promise<void> {
    const draft = {
      name: this.name(),
      defaultLanguage: this.defaultLanguage(),
      otherLanguages: this.otherLanguages(),
      audiences: this.audiences(),
      closesAt: localDateTimeToIso(this.closesAt()),
      title: this.title(),
      questions: this.questions(),
    };
    const problems = draftProblems(draft, new Date());
    this.problems.set(problems);
    if (problems.length) return;
    const saved = await runMutation(
      this.apollo,
      AdminSurveysCreateDocument,
      { input: toSurveyInput(draft) },
      { busy: this.busy, error: this.error },
      ['AdminSurveys', 'AdminSurveysDetail'],
    );
    if (!saved) return;
    this.created.emit(saved.createSurvey);
    this.name.set('');
    this.audiences.set([]);
    this.closesAt.set('');
    this.title.set({});
    this.questions.set([]);
  }
}
