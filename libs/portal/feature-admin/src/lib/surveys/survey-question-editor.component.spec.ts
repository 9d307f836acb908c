/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';
import { axeViolations, buttonNamed, setField } from '@homeroom/portal/ui/testing';
import { newQuestion, type QuestionDraft } from './survey-input';
import { SurveyQuestionEditorComponent } from './survey-question-editor.component';

/** The builder's use of the editor: the second of three questions, in English and Spanish. */
@Component({
  imports: [FormsModule, SurveyQuestionEditorComponent],
  template: `
    <form class="admin-form">
      <hr-survey-question-editor
        [question]="question()"
        [number]="2"
        [first]="first()"
        [last]="false"
        [languages]="['en', 'es']"
        (changed)="changes.push($event)"
        (moved)="moves.push($event)"
        (removed)="removed = removed + 1"
      />
    </form>
  `,
})
class SurveyBuilderComponent {
  readonly question = signal<QuestionDraft>({
    ...newQuestion('SCALE', []),
    text: { en: 'How satisfied are you?' },
  });
  readonly first = signal(false);
  readonly changes: Partial<QuestionDraft>[] = [];
  readonly moves: number[] = [];
  removed = 0;
}

describe('one question of the survey being written', () => {
  let fixture: ComponentFixture<SurveyBuilderComponent>;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const legends = () =>
    [...page().querySelectorAll('legend')].map((legend) => legend.textContent!.replace(/\s+/g, ' ').trim());
  const button = (name: string) => buttonNamed(page(), name)!;

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const type = (id: string, value: string) => setField(page(), id, value);

  async function show(question: QuestionDraft): Promise<void> {
    host().question.set(question);
    await settle();
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(SurveyBuilderComponent);
    await settle();
  });

  afterEach(() => fixture.destroy());

  it('shows a scale with its top and the standard words at its ends as placeholders', async () => {
    expect(legends()).toEqual([
      'Question 2: Scale (1 to a top you choose)',
      'Question 2 text',
      'Question 2: words at the low end (optional; empty: the standard words)',
      'Question 2: words at the high end (optional; empty: the standard words)',
    ]);
    expect(field<HTMLInputElement>('q-q1-required').checked).toBe(true);
    expect(field<HTMLInputElement>('q-q1-text-en').value).toBe('How satisfied are you?');
    expect(field<HTMLInputElement>('q-q1-max').value).toBe('5');
    expect(field<HTMLInputElement>('q-q1-lowLabel-en').placeholder).toBe('Not at all satisfied');
    expect(field<HTMLInputElement>('q-q1-highLabel-en').placeholder).toBe('Extremely satisfied');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('tells the builder each field that changes', async () => {
    field<HTMLInputElement>('q-q1-required').click();
    type('q-q1-text-es', '¿Qué tan satisfecho está?');
    type('q-q1-max', '7');
    type('q-q1-lowLabel-en', 'Not at all');
    expect(host().changes).toEqual([
      { required: false },
      { text: { en: 'How satisfied are you?', es: '¿Qué tan satisfecho está?' } },
      { max: 7 },
      { lowLabel: { en: 'Not at all' } },
    ]);
  });

  it('adds, writes and removes the choices of a multiple-choice question, with its limits', async () => {
    const question = newQuestion('MULTI_CHOICE', []);
    await show(question);
    expect(legends()).toContain('Question 2, choice 2');
    expect(field('q-q1-max')).toBeNull();
    button('Add a choice to question 2').click();
    type('q-q1-c2-en', 'Walking');
    button('Remove choice 1 of question 2').click();
    type('q-q1-most', '2');
    expect(host().changes).toEqual([
      { choices: [...question.choices, { id: 'c3', text: {} }] },
      { choices: [question.choices[0], { id: 'c2', text: { en: 'Walking' } }] },
      { choices: [question.choices[1]] },
      { maxSelections: 2 },
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('asks a written answer for its longest length, and nothing of a scale', async () => {
    await show(newQuestion('TEXT', []));
    expect(legends()).toEqual(['Question 2: Written answer', 'Question 2 text']);
    expect(field<HTMLInputElement>('q-q1-length').value).toBe('2000');
    expect(field<HTMLInputElement>('q-q1-required').checked).toBe(false);
  });

  it('moves up, down or out by named buttons; the first cannot go up', async () => {
    button('Move up question 2').click();
    button('Move down question 2').click();
    button('Remove question 2').click();
    expect(host().moves).toEqual([-1, 1]);
    expect(host().removed).toBe(1);
    host().first.set(true);
    await settle();
    expect(button('Move up question 2').disabled).toBe(true);
    expect(button('Move down question 2').disabled).toBe(false);
  });
});
