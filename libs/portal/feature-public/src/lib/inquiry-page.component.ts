import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { fillPlaceholders } from '@homeroom/shared/public-text';
import {
  attachmentInput,
  errorMessage,
  publicPageLanguage,
  FILE_ACCEPT,
  type FileProblem,
  fileProblem,
  formatFileSize,
  MAX_FILE_BYTES,
  refusedFileProblem,
} from '@homeroom/portal/data-access';
import { HelpSuggestionsComponent } from './help-suggestions.component';
import { LanguagePickerComponent } from './language-picker.component';
import {
  type AttachmentInput,
  InquiryFormChoicesDocument,
  SubmitInquiryDocument,
  type InquiryFormChoicesQuery,
  type SubmitInquiryMutation,
} from './operations.generated';
import { publicText, type PublicText } from './public-text';

type School = InquiryFormChoicesQuery['schools']['edges'][number]['node'];

const PROBLEM_TEXT = {
  TOO_LARGE: 'fileTooLarge',
  TYPE_NOT_ACCEPTED: 'fileNotAccepted',
  EMPTY: 'fileEmpty',
  UNREADABLE: 'fileUnreadable',
} as const satisfies Record<FileProblem, keyof PublicText>;

/** The public inquiry form: no sign-in; returns the case number and the tracking link. */
@Component({
  selector: 'hr-inquiry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, LanguagePickerComponent, HelpSuggestionsComponent],
  styles: `
    input[type='file'] {
      min-width: 0;
      max-width: 100%;
      box-sizing: border-box;
    }
    .chosen-file {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 1rem;
      margin: 0.2rem 0 0;
      overflow-wrap: anywhere;
    }
    .chosen-file button {
      margin: 0;
      padding: 0.45rem 0.9rem;
      color: var(--brand);
      background: #fff;
      border: 1px solid var(--brand);
    }
  `,
  template: `
    <main class="public" [attr.lang]="language.tag()" [attr.dir]="language.dir()">
      <hr-language-picker />
      @if (sent(); as sent) {
        <section aria-live="polite">
          <h1>{{ text().sentTitle }}</h1>
          <p>
            {{ text().caseNumber }}:
            <strong data-testid="case-number" dir="ltr">{{ sent.caseNumber }}</strong>
          </p>
          <p>
            <a [routerLink]="['/track', sent.trackingToken]">{{ text().trackLink }}</a>
          </p>
          <p class="hint">{{ text().keepLink }}</p>
        </section>
      } @else if (answered()) {
        <section aria-live="polite">
          <h1>{{ text().answeredTitle }}</h1>
          <p>{{ text().answeredIntro }}</p>
          <button type="button" class="secondary" (click)="answered.set(false)">
            {{ text().writeAnyway }}
          </button>
        </section>
      } @else {
        <h1>{{ text().contactTitle }}</h1>
        <p>{{ text().contactIntro }}</p>
        <p>
          <a routerLink="/help">{{ text().helpLink }}</a>
        </p>
        <form (ngSubmit)="submit()" novalidate>
          <label for="school">{{ text().school }}</label>
          <select id="school" name="school" [(ngModel)]="schoolId">
            <option value="">{{ text().anySchool }}</option>
            @for (school of schools(); track school.id) {
              <option [value]="school.id">{{ school.name }}</option>
            }
          </select>
          <label for="topic">{{ text().topic }}</label>
          <select id="topic" name="topic" [(ngModel)]="topicId">
            <option value="">{{ text().anyTopic }}</option>
            @for (topic of topics(); track topic.id) {
              <option [value]="topic.id">{{ topic.name }}</option>
            }
          </select>
          <label for="subject">{{ text().subject }}</label>
          <input id="subject" name="subject" dir="auto" [(ngModel)]="subject" maxlength="200" />
          <label for="message">{{ text().message }}</label>
          <textarea
            id="message"
            name="message"
            rows="6"
            dir="auto"
            required
            [ngModel]="message"
            (ngModelChange)="message = $event; typed.set($event)"
            [attr.aria-invalid]="missingMessage()"
            [attr.aria-describedby]="missingMessage() ? 'message-error' : null"
          ></textarea>
          @if (missingMessage()) {
            <p id="message-error" role="alert" class="field-error">{{ text().required }}</p>
          }
          <hr-help-suggestions
            [message]="typed()"
            [language]="language.current()"
            [schoolId]="schoolId || null"
            (answered)="answered.set(true)"
          />
          <label for="attachment">{{ text().attachFile }}</label>
          <p id="attachment-hint" class="hint">{{ attachHint() }}</p>
          <input
            #fileInput
            id="attachment"
            name="attachment"
            type="file"
            [accept]="accept"
            [attr.aria-invalid]="fileError() ? true : null"
            [attr.aria-describedby]="fileError() ? 'attachment-hint attachment-error' : 'attachment-hint'"
            (change)="chooseFile()"
          />
          @if (chosenFile()) {
            <p class="chosen-file">
              <span data-testid="chosen-file">{{ chosenFile() }}</span>
              <button type="button" (click)="removeFile()">{{ text().removeFile }}</button>
            </p>
          }
          @if (fileError()) {
            <p id="attachment-error" role="alert" class="field-error">{{ fileError() }}</p>
          }
          <label class="check">
            <input type="checkbox" name="anonymous" [(ngModel)]="anonymous" />
            {{ text().anonymous }}
          </label>
          @if (anonymous) {
            <p class="hint">{{ text().anonymousHint }}</p>
          } @else {
            <label for="name">{{ text().name }}</label>
            <input id="name" name="name" autocomplete="name" dir="auto" [(ngModel)]="name" />
            <label for="email">{{ text().email }}</label>
            <!-- Addresses and numbers read left to right on every page, Arabic too. -->
            <input id="email" name="email" type="email" autocomplete="email" dir="ltr" [(ngModel)]="email" />
            <label for="phone">{{ text().phone }}</label>
            <input id="phone" name="phone" type="tel" autocomplete="tel" dir="ltr" [(ngModel)]="phone" />
          }
          @if (error()) {
            <p role="alert" class="error">{{ error() }}</p>
          }
          <button type="submit" [disabled]="sending()">{{ sending() ? text().sending : text().send }}</button>
        </form>
      }
    </main>
  `,
})
export class InquiryPageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly language = publicPageLanguage();
  protected readonly text = publicText();
  protected readonly schools = signal<School[]>([]);
  protected readonly topics = signal<InquiryFormChoicesQuery['topics']>([]);
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly missingMessage = signal(false);
  protected readonly sent = signal<SubmitInquiryMutation['submitInquiry'] | null>(null);
  /** The message as typed, for the articles suggested beside it. */
  protected readonly typed = signal('');
  /** The family said a suggested article answered their question: the form steps aside (nothing is sent). */
  protected readonly answered = signal(false);
  protected readonly accept = FILE_ACCEPT;
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly file = signal<File | null>(null);
  /** A file refused, here or by the server, by name: the message follows the page's language. */
  private readonly refusedFile = signal<{ name: string; problem: FileProblem } | null>(null);
  private readonly maxFileSize = computed(() => formatFileSize(MAX_FILE_BYTES, this.language.current()));
  protected readonly attachHint = computed(() =>
    fillPlaceholders(this.text().attachHint, { max: this.maxFileSize() }),
  );
  protected readonly chosenFile = computed(() => {
    const file = this.file();
    if (!file) return null;
    const size = formatFileSize(file.size, this.language.current());
    return fillPlaceholders(this.text().chosenFile, { name: file.name, size });
  });
  protected readonly fileError = computed(() => {
    const refused = this.refusedFile();
    if (!refused) return null;
    return fillPlaceholders(this.text()[PROBLEM_TEXT[refused.problem]], {
      name: refused.name,
      max: this.maxFileSize(),
    });
  });

  protected schoolId = '';
  protected topicId = '';
  protected subject = '';
  protected message = '';
  protected name = '';
  protected email = '';
  protected phone = '';
  protected anonymous = false;

  constructor() {
    this.apollo.query({ query: InquiryFormChoicesDocument }).subscribe({
      next: ({ data }) => {
        this.schools.set(data?.schools.edges.map((edge) => edge.node) ?? []);
        this.topics.set(data?.topics ?? []);
      },
      error: (error: unknown) => this.error.set(errorMessage(error, this.language.current())),
    });
  }

  protected chooseFile(): void {
    const chosen = this.fileInput()?.nativeElement.files?.[0] ?? null;
    const problem = chosen && fileProblem(chosen);
    if (chosen && problem) {
      // Refused before sending: a family on a phone connection is spared a long upload.
      this.refuseFile(chosen.name, problem);
    } else {
      this.refusedFile.set(null);
      this.file.set(chosen);
    }
  }

  protected removeFile(): void {
    this.clearFile();
    this.refusedFile.set(null);
    // The button is gone: focus returns to the input rather than to the top of the page.
    this.fileInput()?.nativeElement.focus();
  }

  /** The file to send, or null (and said so) when the browser cannot read it: moved or deleted since. */
  private async readFile(file: File): Promise<AttachmentInput[] | null> {
    try {
      return [await attachmentInput(file)];
    } catch {
      this.refuseFile(file.name, 'UNREADABLE');
      return null;
    }
  }

  private refuseFile(name: string, problem: FileProblem): void {
    this.clearFile();
    this.refusedFile.set({ name, problem });
  }

  private clearFile(): void {
    this.file.set(null);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }

  protected async submit(): Promise<void> {
    this.missingMessage.set(!this.message.trim());
    if (this.missingMessage()) return;
    this.sending.set(true);
    this.error.set(null);
    const file = this.file();
    try {
      const attachments = file ? await this.readFile(file) : null;
      if (file && !attachments) return;
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: SubmitInquiryDocument,
          variables: {
            input: {
              message: this.message,
              subject: this.subject || null,
              schoolId: this.schoolId || null,
              topicId: this.topicId || null,
              language: this.language.current(),
              anonymous: this.anonymous,
              requester: this.anonymous
                ? null
                : { name: this.name || null, email: this.email || null, phone: this.phone || null },
            },
            attachments,
          },
        }),
      );
      this.sent.set(result.data?.submitInquiry ?? null);
    } catch (error) {
      // A file the server refused is said of the file, by its name, next to the file input.
      const problem = file && refusedFileProblem(error);
      if (file && problem) this.refuseFile(file.name, problem);
      else this.error.set(errorMessage(error, this.language.current()));
    } finally {
      this.sending.set(false);
    }
  }
}
