import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorCode, errorMessage, publicPageLanguage } from '@homeroom/portal/data-access';
import { LanguagePickerComponent } from './language-picker.component';
import { ConfirmRequesterDocument } from './operations.generated';
import { publicText } from './public-text';

/**
 * Where the link mailed to an address's owner lands (ADR 19): opening it confirms, once, that it was them
 * who wrote in. A used, expired or made-up link says so in plain words.
 */
@Component({
  selector: 'hr-confirm-requester-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
      <hr-language-picker />
      <h1>{{ text().confirmTitle }}</h1>
      @if (caseNumber(); as number) {
        <p role="status" data-testid="requester-confirmed">
          {{ confirmed().before }}<strong dir="ltr">{{ number }}</strong
          >{{ confirmed().after }}
        </p>
      } @else if (problem(); as problem) {
        <p role="alert">{{ problem }}</p>
      } @else {
        <p aria-live="polite">{{ text().confirming }}</p>
      }
    </main>
  `,
})
export class ConfirmRequesterPageComponent implements OnInit {
  readonly token = input.required<string>();
  private readonly apollo = inject(Apollo);
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  /** The sentence around the case number, which each language places where its grammar wants it. */
  protected readonly confirmed = computed(() => {
    const sentence = this.text().confirmed;
    const at = sentence.indexOf('{number}');
    return { before: sentence.slice(0, at), after: sentence.slice(at + '{number}'.length) };
  });
  protected readonly caseNumber = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: ConfirmRequesterDocument, variables: { token: this.token() } }),
      );
      this.caseNumber.set(result.data?.confirmRequester.caseNumber ?? null);
    } catch (error) {
      const code = errorCode(error);
      this.problem.set(
        code === 'NOT_FOUND' || code === 'CONFLICT' || code === 'BAD_USER_INPUT'
          ? this.text().confirmUnavailable
          : errorMessage(error, this.language.current()),
      );
    }
  }
}
