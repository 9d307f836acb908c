import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, publicPageLanguage } from '@homeroom/portal/data-access';
import { directionOf } from '@homeroom/shared/public-text';
import { LanguagePickerComponent } from './language-picker.component';
import {
  SubmitSurveyResponseDocument,
  SurveyByTokenDocument,
  type SurveyAnswerInput,
  type SurveyByTokenQuery,
} from './operations.generated';
import { publicText } from './public-text';

type Survey = NonNullable<SurveyByTokenQuery['surveyByToken']>;
type Question = Survey['questions'][number];

/** A survey by its one-time link (`/s/:token`): scales and single choices as radio groups, several choices as checkboxes, a comment; sent once. */
@Component({
  selector: 'hr-survey-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
      <hr-language-picker />
      @if (sent()) {
        <h1>{{ text().surveyThanks }}</h1>
      } @else if (survey(); as survey) {
        <!-- The survey's own words are in the language it has (the default when not the family's). -->
        <h1 [attr.lang]="survey.language" [attr.dir]="directionOf(survey.language)">{{ survey.title }}</h1>
        @if (survey.state !== 'OPEN') {
          <p role="alert">{{ text().surveyUnavailable }}</p>
        } @else {
          <form (ngSubmit)="submit(survey)">
            <div class="questions" [attr.lang]="survey.language" [attr.dir]="directionOf(survey.language)">
              @for (question of survey.questions; track question.id) {
                @switch (question.kind) {
                  @case ('TEXT') {
                    <label [for]="question.id">{{ question.text }}</label>
                    <textarea
                      [id]="question.id"
                      [name]="question.id"
                      rows="4"
                      [attr.maxlength]="question.maxLength"
                      [(ngModel)]="texts[question.id]"
                    ></textarea>
                  }
                  @case ('SINGLE_CHOICE') {
                    <fieldset>
                      <legend>{{ question.text }}</legend>
                      @for (choice of question.choices ?? []; track choice.id) {
                        <label class="check">
                          <input
                            type="radio"
                            [name]="question.id"
                            [attr.name]="question.id"
                            [value]="choice.id"
                            [(ngModel)]="choices[question.id]"
                          />
                          {{ choice.text }}
                        </label>
                      }
                    </fieldset>
                  }
                  @case ('MULTI_CHOICE') {
                    <fieldset>
                      <legend>{{ question.text }}</legend>
                      @for (choice of question.choices ?? []; track choice.id) {
                        <label class="check">
                          <input
                            #box
                            type="checkbox"
                            [attr.name]="question.id"
                            [value]="choice.id"
                            (change)="toggleChoice(question.id, choice.id, box.checked)"
                          />
                          {{ choice.text }}
                        </label>
                      }
                    </fieldset>
                  }
                  @default {
                    <fieldset class="scale">
                      <legend>{{ question.text }}</legend>
                      <div class="scale-options">
                        @for (score of range(question); track score) {
                          <label>
                            <input
                              type="radio"
                              [name]="question.id"
                              [attr.name]="question.id"
                              [value]="score"
                              [(ngModel)]="numbers[question.id]"
                            />
                            {{ score }}
                          </label>
                        }
                      </div>
                      <p class="hint">{{ question.lowLabel }} … {{ question.highLabel }}</p>
                    </fieldset>
                  }
                }
              }
            </div>
            @if (error()) {
              <p role="alert">{{ error() }}</p>
            }
            <button type="submit" [disabled]="sending()">{{ text().send }}</button>
          </form>
        }
      } @else if (loaded()) {
        <p role="alert">{{ error() ?? text().surveyUnavailable }}</p>
      } @else {
        <p aria-live="polite">{{ text().loading }}</p>
      }
    </main>
  `,
})
export class SurveyPageComponent implements OnInit {
  readonly token = input.required<string>();
  private readonly apollo = inject(Apollo);
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  protected readonly directionOf = directionOf;
  protected readonly survey = signal<Survey | null>(null);
  protected readonly loaded = signal(false);
  protected readonly sending = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);
  protected numbers: Record<string, number> = {};
  protected choices: Record<string, string> = {};
  protected texts: Record<string, string> = {};
  /** MULTI_CHOICE: the choices ticked, by question, in the order they were ticked. */
  protected multiChoices: Record<string, string[]> = {};

  ngOnInit(): void {
    this.apollo
      .query({
        query: SurveyByTokenDocument,
        variables: { token: this.token(), language: this.language.current() },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: ({ data }) => {
          this.survey.set(data?.surveyByToken ?? null);
          this.loaded.set(true);
        },
        error: (error: unknown) => {
          this.error.set(errorMessage(error, this.language.current()));
          this.loaded.set(true);
        },
      });
  }

  protected range(question: Question): number[] {
    const min = question.min ?? 1;
    const max = question.max ?? 10;
    return Array.from({ length: max - min + 1 }, (_, index) => min + index);
  }

  protected toggleChoice(questionId: string, choiceId: string, on: boolean): void {
    const ticked = (this.multiChoices[questionId] ?? []).filter((id) => id !== choiceId);
    this.multiChoices[questionId] = on ? [...ticked, choiceId] : ticked;
  }

  protected async submit(survey: Survey): Promise<void> {
    const answers = survey.questions.flatMap((question): SurveyAnswerInput[] => {
      if (question.kind === 'TEXT')
        return this.texts[question.id]?.trim()
          ? [{ questionId: question.id, text: this.texts[question.id]! }]
          : [];
      if (question.kind === 'MULTI_CHOICE')
        return this.multiChoices[question.id]?.length
          ? [{ questionId: question.id, choices: this.multiChoices[question.id]! }]
          : [];
      if (question.kind === 'SINGLE_CHOICE')
        return this.choices[question.id]
          ? [{ questionId: question.id, choice: this.choices[question.id]! }]
          : [];
      const value = this.numbers[question.id];
      return value === undefined ? [] : [{ questionId: question.id, number: Number(value) }];
    });
    this.sending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: SubmitSurveyResponseDocument,
          variables: { token: this.token(), answers, language: survey.language },
        }),
      );
      this.sent.set(true);
    } catch (error) {
      this.error.set(errorMessage(error, this.language.current()));
    } finally {
      this.sending.set(false);
    }
  }
}
