/**
 * @jest-environment jsdom
 */
import { signal, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PORTAL_CONFIG, type PresenceView, StaffPresenceService } from '@homeroom/portal/data-access';
import { configureApolloTesting, setField, settle } from '@homeroom/portal/ui/testing';
import { Subject } from 'rxjs';
import { LIVE_CHAT_POLL } from './case-chat.component';
import { CasePageComponent } from './case-page.component';
import {
  CasePageDocument,
  type CasePageQuery,
  LiveChatConversationDocument,
  RenderReplyTemplateDocument,
  ReplyTemplatesDocument,
  ReplyToCaseDocument,
  ReplyTranslationDocument,
} from './operations.generated';

const RLO = '\u202e';

/**
 * With the typename the API gives: Apollo asks for every object's, and only a case that has one takes the
 * page's fragments (its conversation) into the cache, where a live chat's poll adds to them.
 */
function answered<T extends object>(typename: string, value: NoInfer<T>): T {
  return { __typename: typename, ...value };
}

/** A case as the API answers the page, with a requester who hid the real order of their words. */
function caseAnswer(): CasePageQuery {
  return {
    case: answered('Case', {
      id: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
      number: 'HR-2026-000123',
      subject: `Bus ${RLO}etal 14`,
      status: 'NEW',
      priority: 'NORMAL',
      channel: 'EMAIL',
      language: 'en',
      anonymous: false,
      confidential: false,
      tags: [],
      createdAt: '2026-12-01T14:00:00.000Z',
      mergedIntoId: null,
      watchers: [],
      school: null,
      topic: null,
      team: null,
      assignee: null,
      contact: { name: 'Sam Lee', email: 'sam@family.test', phone: null },
      requester: null,
      requesterCandidate: null,
      messages: [
        {
          id: 'm1',
          direction: 'INBOUND',
          authorKind: 'REQUESTER',
          body: `Please pay the ${RLO}0001$ today`,
          language: 'en',
          translations: [],
          review: null,
          createdAt: '2026-12-01T14:00:00.000Z',
          attachments: [
            {
              id: 'a1',
              fileName: `invoice${RLO}fdp.exe`,
              sizeBytes: 2048,
              downloadUrl: '/attachments/a1?expires=1&signature=s',
            },
          ],
        },
      ],
      timeline: [],
      links: [],
      satisfaction: {
        status: 'ANSWERED',
        score: 5,
        comment: `Great ${RLO}ecivres`,
        respondedAt: '2026-12-02T14:00:00.000Z',
        skippedReason: null,
      },
      sla: null,
      chat: null,
    }),
    topics: [],
    teams: [],
  };
}

/** The case page on HR-2026-000123, its case answered. */
async function openCasePage(answer = caseAnswer(), providers: Provider[] = []) {
  const apollo = configureApolloTesting([
    provideRouter([]),
    { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
    ...providers,
  ]);
  const fixture = TestBed.createComponent(CasePageComponent);
  fixture.componentRef.setInput('number', 'HR-2026-000123');
  fixture.detectChanges();
  apollo.expectOne(CasePageDocument).flushData(answer);
  await settle(fixture);
  return { apollo, fixture, page: fixture.nativeElement as HTMLElement };
}

describe('the case page', () => {
  it("shows the requester's subject, message, file name and comment with their direction controls marked, never applied", async () => {
    const { fixture, page } = await openCasePage();

    expect(page.querySelector('h1')?.textContent).toBe('HR-2026-000123 · Bus ⟨U+202E⟩etal 14');
    expect(page.querySelector('.conversation p')?.textContent).toBe('Please pay the ⟨U+202E⟩0001$ today');
    const file = page.querySelector('.attachments a')!;
    expect(file.textContent).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(file.getAttribute('href')).toBe('https://api.test/attachments/a1?expires=1&signature=s');
    expect(page.querySelector('blockquote')?.textContent).toBe('Great ⟨U+202E⟩ecivres');
    // Each is isolated, and nothing on the page reorders text.
    expect(page.querySelectorAll('hr-untrusted-text bdi').length).toBeGreaterThanOrEqual(4);
    expect(page.textContent).not.toContain(RLO);
    fixture.destroy();
  });

  it('puts a template in the reply box to change, and sends the reply with the template it came from', async () => {
    const { apollo, fixture, page } = await openCasePage();

    setField(page, 'template-search', 'late');
    await settle(fixture);
    apollo.expectOne(ReplyTemplatesDocument).flushData({
      replyTemplates: {
        edges: [
          { node: { id: 't1', name: 'Late bus', shortcut: 'late-bus', translations: [{ language: 'en' }] } },
        ],
      },
    });
    await settle(fixture);
    page.querySelector<HTMLElement>('[role="option"]')!.click();
    apollo.expectOne(RenderReplyTemplateDocument).flushData({
      renderReplyTemplate: {
        templateId: 't1',
        language: 'en',
        body: 'Hello Sam Lee, the bus is on its way.',
      },
    });
    await settle(fixture);
    const box = page.querySelector<HTMLTextAreaElement>('#reply-body')!;
    expect(box.value).toBe('Hello Sam Lee, the bus is on its way.');

    setField(page, 'reply-body', 'Hello Sam Lee, the bus is on its way. It left at 7:40.');
    await settle(fixture);
    page.querySelector<HTMLFormElement>('form.reply')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const sent = apollo.expectOne(ReplyToCaseDocument);
    expect(sent.operation.variables).toEqual({
      caseId: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
      body: 'Hello Sam Lee, the bus is on its way. It left at 7:40.',
      templateId: 't1',
      translatedFrom: null,
    });
    sent.flushData({ replyToCase: { id: 'm2' } });
    await settle(fixture);
    // The page reads the case again, with the reply on it; then the box is emptied.
    apollo.expectOne(CasePageDocument).flushData(caseAnswer());
    await settle(fixture);
    expect(box.value).toBe('');
    fixture.destroy();
  });

  it('shows under the reply to a case that came by text message how it will be sent, and not under a note', async () => {
    const answer = caseAnswer();
    const { fixture, page } = await openCasePage({ ...answer, case: { ...answer.case!, channel: 'SMS' } });
    const length = () => page.querySelector('#reply-sms-length')?.textContent?.replace(/\s+/g, ' ').trim();

    expect(length()).toBe('0 characters · 0 text messages · GSM-7');
    setField(page, 'reply-body', 'Hola Sam, el autobús llegará a las 7:40.');
    await settle(fixture);
    expect(length()).toBe('40 characters · 1 text message · Unicode (UCS-2)');
    expect(page.querySelector('#reply-body')!.getAttribute('aria-describedby')).toBe('reply-sms-length');

    page.querySelector<HTMLInputElement>('input[name="internal"]')!.click();
    await settle(fixture);
    expect(length()).toBeUndefined();
    expect(page.querySelector('#reply-body')!.hasAttribute('aria-describedby')).toBe(false);
    fixture.destroy();
  });

  it('shows no text message length under a reply by email', async () => {
    const { fixture, page } = await openCasePage();
    expect(page.querySelector('hr-sms-length')).toBeNull();
    fixture.destroy();
  });

  it("shows a requester's message beside its translation, each marked with its language", async () => {
    const answer = caseAnswer();
    const [first] = answer.case!.messages;
    const { fixture, page } = await openCasePage({
      ...answer,
      case: {
        ...answer.case!,
        language: 'vi',
        messages: [
          {
            ...first!,
            body: 'Con trai tôi bị ốm và sẽ ở nhà.',
            language: 'vi',
            attachments: [],
            translations: [
              {
                language: 'en',
                text: 'My son is sick and will stay home.',
                sourceLanguage: 'vi',
                provider: 'DEEPL',
              },
            ],
          },
        ],
      },
    });
    expect(page.querySelector('.conversation li > p')!.getAttribute('lang')).toBe('vi');
    const translation = page.querySelector('[data-testid="message-translation"]')!;
    expect(translation.querySelector('.who')!.textContent!.trim()).toBe(
      'Translated from Vietnamese (vi) by DEEPL',
    );
    expect(translation.querySelector('p')!.getAttribute('lang')).toBe('en');
    expect(translation.querySelector('p')!.textContent).toBe('My son is sick and will stay home.');
    fixture.destroy();
  });

  it("sends a reply translated into the requester's language, with what was written beside it", async () => {
    const answer = caseAnswer();
    const { apollo, fixture, page } = await openCasePage({
      ...answer,
      case: { ...answer.case!, language: 'vi' },
    });
    const translate = () =>
      [...page.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Translate into Vietnamese (vi)',
      );

    setField(page, 'reply-body', 'The bus will be late today.');
    await settle(fixture);
    translate()!.click();
    await settle(fixture);
    const asked = apollo.expectOne(ReplyTranslationDocument);
    expect(asked.operation.variables).toEqual({
      caseId: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
      body: 'The bus will be late today.',
    });
    asked.flushData({
      replyTranslation: { language: 'vi', text: 'Hôm nay xe buýt sẽ đến trễ.', provider: 'DEEPL' },
    });
    await settle(fixture);
    const box = page.querySelector<HTMLTextAreaElement>('#reply-body')!;
    expect(box.value).toBe('Hôm nay xe buýt sẽ đến trễ.');
    expect(page.querySelector('[data-testid="reply-translated"]')!.textContent).toContain(
      'Machine-translated into Vietnamese (vi) by DEEPL',
    );
    expect(translate()).toBeUndefined();

    // Staff correct a word of the translation; what was written still goes beside it.
    setField(page, 'reply-body', 'Hôm nay xe buýt số 14 sẽ đến trễ.');
    await settle(fixture);
    page.querySelector<HTMLFormElement>('form.reply')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const sent = apollo.expectOne(ReplyToCaseDocument);
    expect(sent.operation.variables).toEqual({
      caseId: '0b0f8a52-8c3e-4f6e-9d6a-3f3a1c2b4d5e',
      body: 'Hôm nay xe buýt số 14 sẽ đến trễ.',
      templateId: null,
      translatedFrom: 'The bus will be late today.',
    });
    sent.flushData({ replyToCase: { id: 'm2' } });
    await settle(fixture);
    apollo.expectOne(CasePageDocument).flushData({ ...answer, case: { ...answer.case!, language: 'vi' } });
    await settle(fixture);
    expect(page.querySelector('[data-testid="reply-translated"]')).toBeNull();
    expect(translate()).toBeDefined();
    fixture.destroy();
  });

  it('offers no translation to a requester who reads English', async () => {
    const { fixture, page } = await openCasePage();
    expect(page.querySelector('hr-reply-translation')).toBeNull();
    fixture.destroy();
  });

  it('offers a translation to a requester who reads Spanish, but not for an internal note', async () => {
    const answer = caseAnswer();
    const { fixture, page } = await openCasePage({ ...answer, case: { ...answer.case!, language: 'es' } });
    expect(page.querySelector('hr-reply-translation')).not.toBeNull();
    page.querySelector<HTMLInputElement>('input[name="internal"]')!.click();
    await settle(fixture);
    expect(page.querySelector('hr-reply-translation')).toBeNull();
    fixture.destroy();
  });

  it("shows a live chat's new messages between the page's refreshes, and stops asking once it ended", async () => {
    const ticks = new Subject<number>();
    const answer = caseAnswer();
    const chatCase = {
      ...answer.case!,
      channel: 'CHAT' as const,
      chat: {
        startedAt: '2026-12-01T14:00:00.000Z',
        lastActivityAt: '2026-12-01T14:00:00.000Z',
        endedAt: null,
        endReason: null,
        transcriptSentAt: null,
        transcriptSkipped: null,
      },
    };
    const { apollo, fixture, page } = await openCasePage({ ...answer, case: chatCase }, [
      { provide: LIVE_CHAT_POLL, useValue: ticks },
    ]);
    const messages = () => [...page.querySelectorAll('.conversation > li > p')].map((p) => p.textContent);
    expect(page.querySelector('[data-testid="live-chat"] [role="status"]')!.textContent).toContain(
      'In progress',
    );
    expect(messages()).toEqual(['Please pay the ⟨U+202E⟩0001$ today']);

    ticks.next(0);
    await settle(fixture);
    const asked = apollo.expectOne(LiveChatConversationDocument);
    expect(asked.operation.variables).toEqual({ id: chatCase.id });
    const [first] = chatCase.messages;
    const later = {
      ...first!,
      id: 'm2',
      body: 'Is anyone there?',
      attachments: [],
      createdAt: '2026-12-01T14:02:00.000Z',
    };
    asked.flushData({
      case: answered('Case', {
        id: chatCase.id,
        messages: [first, later],
        chat: { ...chatCase.chat, lastActivityAt: later.createdAt },
      }),
    });
    await settle(fixture, 2);
    expect(messages()).toEqual(['Please pay the ⟨U+202E⟩0001$ today', 'Is anyone there?']);

    ticks.next(0);
    await settle(fixture);
    apollo.expectOne(LiveChatConversationDocument).flushData({
      case: answered('Case', {
        id: chatCase.id,
        messages: [first, later],
        chat: { ...chatCase.chat, endedAt: '2026-12-01T14:03:00.000Z', endReason: 'REQUESTER_LEFT' },
      }),
    });
    await settle(fixture, 2);
    expect(page.querySelector('[data-testid="live-chat"] [role="status"]')!.textContent!.trim()).toBe(
      'Ended: the family left the chat.',
    );
    ticks.next(0);
    await settle(fixture);
    apollo.expectNone(LiveChatConversationDocument);
    fixture.destroy();
  });

  it('shows no chat banner on a case that did not come by chat', async () => {
    const { fixture, page } = await openCasePage();
    expect(page.querySelector('hr-case-chat')).toBeNull();
    fixture.destroy();
  });

  it("offers the signed-in agent's chat presence in the staff bar, and changes it there", async () => {
    const presence = signal<PresenceView | null>({ status: 'AWAY', busy: false, error: null });
    const choose = jest.fn(() => Promise.resolve());
    const { fixture, page } = await openCasePage(caseAnswer(), [
      { provide: StaffPresenceService, useValue: { view: presence, choose } },
    ]);
    const toggle = page.querySelector<HTMLButtonElement>('hr-staff-bar button.presence')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    expect(choose).toHaveBeenCalledWith('AVAILABLE');
    presence.set({ status: 'AVAILABLE', busy: false, error: null });
    await settle(fixture);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fixture.destroy();
  });
});
