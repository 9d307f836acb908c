import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { languageName } from '@homeroom/shared/contact';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { CheckboxGroupComponent, FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  AdminSurveysCreateDocument,
  type AdminSurveysCreateMutation,
  AdminSurveysUpdateDocument,
  type PpraArea,
  type SurveyAudience,
  type SurveyQuestionKind,
} from '../operations.generated';
import {
  AUDIENCES,
  describeSave,
  draftFromSurvey,
  draftProblems,
  isoToLocalDateTime,
  languageTag,
  LIMITS,
  localDateTimeToIso,
  newQuestion,
  ppraAreaName,
  type QuestionDraft,
  QUESTION_KINDS,
  type SurveyDraft,
  type SurveyToEdit,
  type Texts,
  toSurveyInput,
} from './survey-input';
import { SurveyQuestionEditorComponent } from './survey-question-editor.component';
import { TranslatedTextComponent } from './translated-text.component';

export type CreatedSurvey = AdminSurveysCreateMutation['createSurvey'];

/** What the last save did, in words, with the questions the API found touching PPRA's protected areas. */
interface Saved {
  message: string;
  ppraWarnings: readonly { questionId: string; area: PpraArea; evidence: string }[];
}

/**
 * The survey builder: a district survey written in the district's default language (required) and
 * translated into others, with its audiences, closing date and questions of every kind the API takes
 * (scale, net promoter score, one choice, several choices, written answer). It is saved as a draft, with
 * the PPRA warnings the API gives; opening and sending it happen on the surveys page. Given a draft to
 * edit, it holds that draft instead (in its own languages) and saves it over the original.
 */
@Component({
  selector: 'hr-survey-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    CheckboxGroupComponent,
    FormFeedbackComponent,
    SurveyQuestionEditorComponent,
    TranslatedTextComponent,
  ],
  template: `
    <form class="admin-form" (ngSubmit)="save()" aria-describedby="builder-hint">
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
        <hr-form-feedback [problem]="languageProblem()" />
      </fieldset>

      <fieldset>
        <legend>Who it is for</legend>
        <hr-checkbox-group idPrefix="survey-audience-" [options]="audienceOptions" [(selected)]="audiences" />
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
        <hr-translated-text
          [languages]="languages()"
          idPrefix="survey-title-"
          [maxLength]="limits.title"
          [(texts)]="title"
        />
      </fieldset>

      <h3>Questions</h3>
      @for (question of questions(); track question.id; let index = $index, first = $first, last = $last) {
        <hr-survey-question-editor
          [question]="question"
          [number]="index + 1"
          [first]="first"
          [last]="last"
          [languages]="languages()"
          (changed)="patch(question.id, $event)"
          (moved)="move(index, $event)"
          (removed)="removeQuestion(question.id)"
        />
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

      <button type="submit" [disabled]="actions.busy()">
        {{ editing() ? 'Save the draft' : 'Save as draft' }}
      </button>
      @if (editing(); as editing) {
        <button
          type="button"
          class="secondary"
          [attr.aria-label]="'Stop editing ' + editing.name + ' without saving'"
          (click)="cancelled.emit()"
        >
          Stop editing
        </button>
      }
      <hr-form-feedback [problems]="problems()" lead="The survey was not saved:" [error]="actions.error()" />
    </form>
    @if (saved(); as saved) {
      <div role="status" class="panel">
        <p>{{ saved.message }}</p>
        @if (saved.ppraWarnings.length) {
          <p>
            The survey reaches students, and these questions touch areas the Protection of Pupil Rights
            Amendment protects: parents must be told and may opt their children out.
          </p>
          <ul>
            @for (warning of saved.ppraWarnings; track warning.questionId + warning.area) {
              <li>{{ warning.questionId }}: {{ ppraAreaName(warning.area) }} (“{{ warning.evidence }}”)</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class SurveyBuilderComponent {
  /** The district's languages, its default first. */
  readonly districtLanguages = input<readonly string[]>([]);
  /** A draft to edit (status DRAFT); null: write a new survey. Fields reset whenever it changes. */
  readonly editing = input<SurveyToEdit | null>(null);
  /** A survey saved as a draft, with any PPRA warnings. */
  readonly created = output<CreatedSurvey>();
  /** The id of the draft being edited, once saved. */
  readonly edited = output<string>();
  /** The author left the draft being edited unsaved. */
  readonly cancelled = output<void>();

  protected readonly audienceOptions = AUDIENCES.map(({ audience, name }) => ({ value: audience, name }));
  protected readonly kindOptions = QUESTION_KINDS;
  protected readonly limits = LIMITS;
  protected readonly languageName = languageName;
  protected readonly ppraAreaName = ppraAreaName;

  /** The draft being edited as the builder holds it; null while writing a new survey. */
  private readonly start = computed<SurveyDraft | null>(() => {
    const editing = this.editing();
    return editing ? draftFromSurvey(editing) : null;
  });
  /** Saving; a refusal is forgotten when another draft comes in (see the constructor). */
  protected readonly actions = injectActions({ refetch: ['AdminSurveys', 'AdminSurveysDetail'] });
  protected readonly problems = linkedSignal<SurveyToEdit | null, string[]>({
    source: this.editing,
    computation: () => [],
  });
  /** What the last save did; kept when the edit it saved ends, cleared when another edit starts. */
  protected readonly saved = linkedSignal<SurveyToEdit | null, Saved | null>({
    source: this.editing,
    computation: (editing, previous) => (editing ? null : (previous?.value ?? null)),
  });
  protected readonly defaultLanguage = computed(
    () => this.start()?.defaultLanguage ?? this.districtLanguages()[0] ?? 'en',
  );
  protected readonly otherLanguages = linkedSignal(
    () =>
      this.start()?.otherLanguages ??
      this.districtLanguages().filter((language) => language !== this.defaultLanguage()),
  );
  protected readonly languages = computed(() => [this.defaultLanguage(), ...this.otherLanguages()]);
  protected readonly newLanguage = signal('');
  protected readonly languageProblem = signal<string | null>(null);
  protected readonly name = linkedSignal(() => this.start()?.name ?? '');
  protected readonly audiences = linkedSignal<SurveyAudience[]>(() => [...(this.start()?.audiences ?? [])]);
  protected readonly closesAt = linkedSignal(() => isoToLocalDateTime(this.start()?.closesAt ?? null));
  protected readonly title = linkedSignal<Texts>(() => this.start()?.title ?? {});
  protected readonly questions = linkedSignal<QuestionDraft[]>(() => [...(this.start()?.questions ?? [])]);
  protected readonly newKind = signal<SurveyQuestionKind>('SCALE');

  constructor() {
    // A refusal was about the draft then in the builder, not the one that replaces it.
    effect(() => {
      this.editing();
      untracked(() => this.actions.clear());
    });
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

  protected async save(): Promise<void> {
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
    const editing = this.editing();
    if (editing) {
      const updated = await this.actions.run(AdminSurveysUpdateDocument, {
        id: editing.id,
        input: toSurveyInput(draft),
      });
      if (!updated) return;
      const { survey, versionAction, ppraWarnings } = updated.updateSurvey;
      this.saved.set({ message: describeSave(survey.name, versionAction), ppraWarnings });
      this.edited.emit(survey.id);
      return;
    }
    const saved = await this.actions.run(AdminSurveysCreateDocument, { input: toSurveyInput(draft) });
    if (!saved) return;
    const { survey, ppraWarnings } = saved.createSurvey;
    this.saved.set({ message: describeSave(survey.name, null), ppraWarnings });
    this.created.emit(saved.createSurvey);
    this.name.set('');
    this.audiences.set([]);
    this.closesAt.set('');
    this.title.set({});
    this.questions.set([]);
  }
}
