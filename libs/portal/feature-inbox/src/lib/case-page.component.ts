import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  injectActions,
  onApiOrigin,
  PORTAL_CONFIG,
  SessionService,
  StaffPresenceService,
  watchQueryWhen,
} from '@homeroom/portal/data-access';
import {
  injectClock,
  StaffBarComponent,
  UntrustedTextComponent,
  useKeyboardShortcuts,
} from '@homeroom/portal/ui';
import { CaseActionsComponent } from './case-actions.component';
import { CaseAssistantComponent } from './case-assistant.component';
import { CaseChatComponent } from './case-chat.component';
import { type ChosenTemplate, ReplyTemplatesComponent } from './reply-templates.component';
import { CaseFollowingComponent } from './case-following.component';
import { CaseRelationsComponent } from './case-relations.component';
import {
  AddInternalNoteDocument,
  CasePageDocument,
  type CasePageQuery,
  ReplyToCaseDocument,
} from './operations.generated';
import { MessageReviewComponent } from './message-review.component';
import { RequesterCardComponent } from './requester-card.component';
import { readSlaTimer } from './sla-countdown';
import { SmsLengthComponent } from './sms-length.component';
import { ReplyTranslationComponent, type TranslatedReply } from './reply-translation.component';
import { languageName } from '@homeroom/shared/contact';

/** A case's address in the portal: its number (HR-2026-000123), or its id where only that is known. */
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One case: its conversation and timeline, SLA countdowns that turn amber and red, reply and internal
 * note, its handling (status, priority, topic, team, assignee), links and merges, the requester's card
 * the satisfaction result, watchers and tags, and the writing assistant; kept current while open.
 */
@Component({
  selector: 'hr-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    StaffBarComponent,
    CaseActionsComponent,
    CaseRelationsComponent,
    MessageReviewComponent,
    RequesterCardComponent,
    CaseFollowingComponent,
    CaseAssistantComponent,
    CaseChatComponent,
    ReplyTemplatesComponent,
    SmsLengthComponent,
    ReplyTranslationComponent,
    UntrustedTextComponent,
  ],
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main class="case-page">
      @if (data(); as page) {
        @if (page.case; as item) {
          <h1>{{ item.number }} · <hr-untrusted-text [text]="item.subject" /></h1>
          <p class="meta">
            {{ item.school?.name ?? 'District' }} · {{ item.channel }} · {{ item.language }} ·
            <span data-testid="case-status">{{ item.status }}</span>
            @if (item.confidential) {
              · <strong>Confidential</strong>
            }
          </p>
          <p class="hint">
            Keys: <kbd>r</kbd> reply · <kbd>n</kbd> internal note · <kbd>a</kbd> assign to me ·
            <kbd>w</kbd> watch
          </p>
          <div class="case-layout">
            <div class="case-main">
              <section class="sla" aria-label="Service levels">
                <p>
                  First response:
                  <strong data-testid="sla-first-response" [class]="'tone-' + firstResponse().tone">{{
                    firstResponse().text
                  }}</strong>
                </p>
                <p>
                  Resolution:
                  <strong data-testid="sla-resolution" [class]="'tone-' + resolution().tone">{{
                    resolution().text
                  }}</strong>
                </p>
              </section>
              @if (item.chat) {
                <hr-case-chat [supportCase]="item" />
              }
              <h2>Conversation</h2>
              <ol class="conversation">
                @for (message of item.messages; track message.id) {
                  <li
                    [class.staff]="message.direction === 'OUTBOUND'"
                    [class.note]="message.direction === 'INTERNAL_NOTE'"
                  >
                    <span class="who"
                      >{{ message.direction === 'INTERNAL_NOTE' ? 'Internal note' : message.authorKind }} ·
                      {{ message.createdAt | date: 'short' }}</span
                    >
                    <p [attr.lang]="message.language"><hr-untrusted-text [text]="message.body" /></p>
                    <hr-message-review [review]="message.review" />
                    @for (translation of message.translations; track translation.language) {
                      <div class="translation" data-testid="message-translation">
                        <span class="who">{{
                          translation.sourceLanguage
                            ? 'Translated from ' +
                              languageName(translation.sourceLanguage) +
                              ' by ' +
                              translation.provider
                            : 'As written, in ' + languageName(translation.language) + ', before translation'
                        }}</span>
                        <p [attr.lang]="translation.language">
                          <hr-untrusted-text [text]="translation.text" />
                        </p>
                      </div>
                    }
                    @if (message.attachments.length) {
                      <ul class="plain attachments" aria-label="Attachments">
                        @for (file of message.attachments; track file.id) {
                          <li>
                            <a [href]="download(file.downloadUrl)" rel="noopener"
                              ><hr-untrusted-text [text]="file.fileName"
                            /></a>
                            ({{ file.sizeBytes / 1024 | number: '1.0-0' }} KB)
                          </li>
                        }
                      </ul>
                    }
                  </li>
                }
              </ol>
              <form (ngSubmit)="send()" class="reply">
                <label for="reply-body">{{
                  internal() ? 'Internal note (staff only)' : 'Reply to the requester'
                }}</label>
                <textarea
                  #replyBox
                  id="reply-body"
                  name="body"
                  rows="4"
                  [(ngModel)]="body"
                  [attr.aria-describedby]="bySms() ? 'reply-sms-length' : null"
                ></textarea>
                @if (bySms()) {
                  <hr-sms-length id="reply-sms-length" [text]="body()" />
                }
                @if (translatable(); as language) {
                  @if (translatedFrom(); as translated) {
                    <p class="hint" role="status" data-testid="reply-translated">
                      Machine-translated into {{ languageName(translated.language) }} by
                      {{ translated.provider }} from what you wrote; check it before sending. The requester
                      receives this text; your original is kept beside it.
                      <button type="button" class="secondary" (click)="useOriginal()">Use my original</button>
                    </p>
                  } @else {
                    <hr-reply-translation
                      [caseId]="item.id"
                      [language]="language"
                      [text]="body()"
                      (translated)="useTranslation($event)"
                    />
                  }
                }
                <label class="check">
                  <input type="checkbox" name="internal" [(ngModel)]="internal" /> Internal note
                </label>
                <button type="submit" [disabled]="sending.busy() || !body().trim()">
                  {{ internal() ? 'Add note' : 'Send reply' }}
                </button>
                @if (sending.error(); as error) {
                  <p role="alert" class="error">{{ error }}</p>
                }
              </form>
              <hr-reply-templates [caseId]="item.id" (chosen)="useTemplate($event)" />
              <hr-case-assistant [caseId]="item.id" (drafted)="useDraft($event)" />
              <details class="timeline">
                <summary>Timeline ({{ item.timeline.length }} entries)</summary>
                <ol>
                  @for (entry of item.timeline; track $index) {
                    <li>
                      <span class="who">{{ entry.at | date: 'short' }} · {{ entry.actor }}</span>
                      {{ entry.kind }}
                    </li>
                  }
                </ol>
              </details>
            </div>
            <aside class="case-side" aria-label="Case details">
              <hr-case-actions
                [supportCase]="item"
                [topics]="page.topics"
                [teams]="page.teams"
                [personId]="session.personId()"
              />
              <hr-requester-card [supportCase]="item" />
              <hr-case-following [supportCase]="item" [personId]="session.personId()" />
              <section class="panel" aria-labelledby="satisfaction-heading">
                <h2 id="satisfaction-heading">Satisfaction</h2>
                <p data-testid="satisfaction">{{ satisfaction() }}</p>
                @if (item.satisfaction?.comment; as comment) {
                  <blockquote><hr-untrusted-text [text]="comment" /></blockquote>
                }
              </section>
              <hr-case-relations [supportCase]="item" />
            </aside>
          </div>
        } @else {
          <p role="alert">No such case, or not one you may see.</p>
        }
      } @else if (error(); as error) {
        <p role="alert">{{ error }}</p>
      } @else {
        <p aria-live="polite">Loading…</p>
      }
    </main>
  `,
})
export class CasePageComponent {
  /** The route's :number, a case number or a case id. */
  readonly number = input.required<string>();
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  private readonly config = inject(PORTAL_CONFIG);
  /** The case the route names; the router reuses this page from one case to the next, so it follows. */
  private readonly query = watchQueryWhen(
    CasePageDocument,
    () => {
      const address = this.number();
      return CASE_ID.test(address) ? { id: address } : { number: address };
    },
    { pollMs: 5_000 },
  );
  protected readonly data = this.query.data;
  protected readonly error = this.query.error;
  /** Sending a reply or adding a note. */
  protected readonly sending = injectActions({ refetch: ['CasePage'] });
  /** The countdowns move every second. */
  private readonly now = injectClock(1_000);
  private readonly actions = viewChild(CaseActionsComponent);
  private readonly following = viewChild(CaseFollowingComponent);
  private readonly replyBox = viewChild<ElementRef<HTMLTextAreaElement>>('replyBox');
  protected readonly firstResponse = computed(() =>
    readSlaTimer(this.data()?.case?.sla?.firstResponse, this.now()),
  );
  protected readonly resolution = computed(() =>
    readSlaTimer(this.data()?.case?.sla?.resolution, this.now()),
  );
  protected readonly satisfaction = computed(() => describeSatisfaction(this.data()?.case?.satisfaction));
  protected readonly body = signal('');
  /** The template the reply box's text came from, until it is sent or replaced by a draft. */
  private readonly templateId = signal<string | null>(null);
  protected readonly internal = signal(false);
  /** A reply to a case that came by text message goes back by text: staff see what it will cost. */
  protected readonly bySms = computed(() => this.data()?.case?.channel === 'SMS' && !this.internal());
  /** The requester's language when it is not the staff's (English): a reply can be sent translated. */
  protected readonly translatable = computed(() => {
    const language = this.data()?.case?.language;
    return language && !this.internal() && language.toLowerCase().split('-')[0] !== 'en' ? language : null;
  });
  /** The reply in the box is a machine translation of this (kept beside the reply when it is sent). */
  protected readonly translatedFrom = signal<TranslatedReply | null>(null);
  protected readonly languageName = languageName;

  constructor() {
    useKeyboardShortcuts([
      { key: 'r', description: 'Reply', run: () => this.compose(false) },
      { key: 'n', description: 'Internal note', run: () => this.compose(true) },
      { key: 'a', description: 'Assign to me', run: () => void this.actions()?.assignToMe() },
      { key: 'w', description: 'Watch or stop watching', run: () => void this.following()?.toggleWatch() },
    ]);
  }

  protected async send(): Promise<void> {
    const current = this.data()?.case;
    if (!current) return;
    const variables = { caseId: current.id, body: this.body() };
    const sent = this.internal()
      ? await this.sending.run(AddInternalNoteDocument, variables)
      : await this.sending.run(ReplyToCaseDocument, {
          ...variables,
          templateId: this.templateId(),
          translatedFrom: this.translatedFrom()?.original ?? null,
        });
    if (sent) {
      this.body.set('');
      this.templateId.set(null);
      this.translatedFrom.set(null);
    }
  }

  /** The reply, translated, in the box to check before sending; the original goes with it. */
  protected useTranslation(translated: TranslatedReply): void {
    this.body.set(translated.translation);
    this.templateId.set(null);
    this.translatedFrom.set(translated);
  }

  /** Back to the reply as written, untranslated. */
  protected useOriginal(): void {
    const translated = this.translatedFrom();
    if (translated) this.body.set(translated.original);
    this.translatedFrom.set(null);
  }

  protected download(link: string): string {
    return onApiOrigin(this.config, link);
  }

  /** The assistant's draft, in the reply box to read and change before sending. */
  protected useDraft(text: string): void {
    this.body.set(text);
    this.templateId.set(null);
    this.translatedFrom.set(null);
    this.compose(false);
  }

  /**
   * A template's text for this case, in the reply box to read and change; sent with its id, so that its
   * changes to the case are made with the reply and its use counted.
   */
  protected useTemplate(template: ChosenTemplate): void {
    this.body.set(template.body);
    this.templateId.set(template.templateId);
    this.translatedFrom.set(null);
    this.compose(false);
  }

  private compose(internal: boolean): void {
    this.internal.set(internal);
    this.replyBox()?.nativeElement.focus();
  }
}

function describeSatisfaction(
  result: NonNullable<CasePageQuery['case']>['satisfaction'] | undefined,
): string {
  if (!result) return 'Asked once the case is resolved.';
  switch (result.status) {
    case 'ANSWERED':
      return `${result.score ?? '—'} out of 10`;
    case 'INVITED':
      return 'Survey sent; no answer yet.';
    case 'EXPIRED':
      return 'Survey sent; it expired unanswered.';
    case 'NOT_INVITED':
      return `Not surveyed (${(result.skippedReason ?? 'not asked').toLowerCase().replace(/_/g, ' ')}).`;
  }
}
