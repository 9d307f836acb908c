import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, LanguageService } from '@homeroom/portal/data-access';
import { LanguagePickerComponent } from './language-picker.component';
import { PUBLIC_TEXT } from './public-text';

const FORM_CHOICES = gql`
  query InquiryFormChoices {
    schools(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    topics {
      id
      name
      parentId
    }
  }
`;

const SUBMIT_INQUIRY = gql`
  mutation SubmitInquiry($input: SubmitInquiryInput!) {
    submitInquiry(input: $input) {
      caseNumber
      trackingToken
    }
  }
`;

interface Choices {
  schools: { edges: { node: { id: string; name: string } }[] };
  topics: { id: string; name: string; parentId: string | null }[];
}

/** The public inquiry form: no sign-in; returns the case number and the tracking link. */
@Component({
  selector: 'hr-inquiry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, LanguagePickerComponent],
  template: `
    <main class="public" [attr.lang]="language.current()">
      <hr-language-picker />
      @if (sent(); as sent) {
        <section aria-live="polite">
          <h1>{{ text().sentTitle }}</h1>
          <p>
            {{ text().caseNumber }}: <strong data-testid="case-number">{{ sent.caseNumber }}</strong>
          </p>
          <p>
            <a [routerLink]="['/track', sent.trackingToken]">{{ text().trackLink }}</a>
          </p>
          <p class="hint">{{ text().keepLink }}</p>
        </section>
      } @else {
        <h1>{{ text().contactTitle }}</h1>
        <p>{{ text().contactIntro }}</p>
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
          <input id="subject" name="subject" [(ngModel)]="subject" maxlength="200" />
          <label for="message">{{ text().message }}</label>
          <textarea
            id="message"
            name="message"
            rows="6"
            required
            [(ngModel)]="message"
            [attr.aria-invalid]="missingMessage()"
            [attr.aria-describedby]="missingMessage() ? 'message-error' : null"
          ></textarea>
          @if (missingMessage()) {
            <p id="message-error" class="field-error">{{ text().required }}</p>
          }
          <label class="check">
            <input type="checkbox" name="anonymous" [(ngModel)]="anonymous" />
            {{ text().anonymous }}
          </label>
          @if (anonymous) {
            <p class="hint">{{ text().anonymousHint }}</p>
          } @else {
            <label for="name">{{ text().name }}</label>
            <input id="name" name="name" autocomplete="name" [(ngModel)]="name" />
            <label for="email">{{ text().email }}</label>
            <input id="email" name="email" type="email" autocomplete="email" [(ngModel)]="email" />
            <label for="phone">{{ text().phone }}</label>
            <input id="phone" name="phone" type="tel" autocomplete="tel" [(ngModel)]="phone" />
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
  protected readonly language = inject(LanguageService);
  protected readonly text = computed(() => PUBLIC_TEXT[this.language.current()]);
  protected readonly schools = signal<{ id: string; name: string }[]>([]);
  protected readonly topics = signal<{ id: string; name: string }[]>([]);
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly missingMessage = signal(false);
  protected readonly sent = signal<{ caseNumber: string; trackingToken: string } | null>(null);

  protected schoolId = '';
  protected topicId = '';
  protected subject = '';
  protected message = '';
  protected name = '';
  protected email = '';
  protected phone = '';
  protected anonymous = false;

  constructor() {
    this.apollo.query<Choices>({ query: FORM_CHOICES }).subscribe({
      next: ({ data }) => {
        this.schools.set(data?.schools.edges.map((edge) => edge.node) ?? []);
        this.topics.set(data?.topics ?? []);
      },
      error: (error: unknown) => this.error.set(errorMessage(error, this.language.current())),
    });
  }

  protected async submit(): Promise<void> {
    this.missingMessage.set(!this.message.trim());
    if (this.missingMessage()) return;
    this.sending.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate<{ submitInquiry: { caseNumber: string; trackingToken: string } }>({
          mutation: SUBMIT_INQUIRY,
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
          },
        }),
      );
      this.sent.set(result.data?.submitInquiry ?? null);
    } catch (error) {
      this.error.set(errorMessage(error, this.language.current()));
    } finally {
      this.sending.set(false);
    }
  }
}
