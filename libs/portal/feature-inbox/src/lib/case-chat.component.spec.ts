/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { Subject } from 'rxjs';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import { CaseChatComponent, LIVE_CHAT_POLL } from './case-chat.component';
import {
  type CasePageQuery,
  EndCaseChatDocument,
  LiveChatConversationDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;
type Chat = NonNullable<PageCase['chat']>;

const LIVE: Chat = {
  startedAt: '2026-12-01T14:00:00.000Z',
  lastActivityAt: '2026-12-01T14:05:00.000Z',
  endedAt: null,
  endReason: null,
  transcriptSentAt: null,
  transcriptSkipped: null,
};

function pageCase(chat: Chat | null, fields: Partial<PageCase> = {}): PageCase {
  return {
    id: 'c1',
    anonymous: false,
    contact: { name: 'Sam Lee', email: 'sam@family.test', phone: null },
    chat,
    ...fields,
  } as PageCase;
}

/** The case page, which hands the banner its case. */
@Component({
  imports: [CaseChatComponent],
  template: `<hr-case-chat [supportCase]="supportCase()" />`,
})
class CasePageComponent {
  readonly supportCase = signal(pageCase(LIVE));
}

describe("a case's live chat", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  let ticks: Subject<number>;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = (name: string) => buttonNamed(page(), name);
  const text = (selector: string) => page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function show(supportCase: PageCase): Promise<void> {
    fixture.componentInstance.supportCase.set(supportCase);
    await settle(fixture);
  }

  async function tick(): Promise<void> {
    ticks.next(0);
    await settle(fixture);
  }

  beforeEach(async () => {
    ticks = new Subject<number>();
    apollo = configureApolloTesting([{ provide: LIVE_CHAT_POLL, useValue: ticks }]);
    fixture = TestBed.createComponent(CasePageComponent);
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  it('says the family is in the chat, and asks for its conversation on each tick while they are', async () => {
    expect(text('h2')).toBe('Live chat');
    expect(text('[role="status"]')).toBe(
      'In progress: the family is in the chat; your replies reach them at once.',
    );
    expect(text('.hint')).toMatch(/^Started 12\/1\/26, \d+:00 [AP]M · last message 12\/1\/26, \d+:05 [AP]M$/);
    expect(await axeViolations(page())).toEqual([]);

    await tick();
    const asked = apollo.expectOne(LiveChatConversationDocument);
    expect(asked.operation.variables).toEqual({ id: 'c1' });
    asked.flushData({ case: { ...pageCase(LIVE), messages: [] } });
    await settle(fixture);
    await tick();
    apollo.expectOne(LiveChatConversationDocument).flushData({ case: { ...pageCase(LIVE), messages: [] } });
    await settle(fixture);
  });

  it('keeps asking after a question failed', async () => {
    await tick();
    apollo.expectOne(LiveChatConversationDocument).networkError(new Error('offline'));
    await settle(fixture);
    await tick();
    apollo.expectOne(LiveChatConversationDocument).flushData({ case: { ...pageCase(LIVE), messages: [] } });
    await settle(fixture);
  });

  it('stops asking once the chat ended, and when the page closes', async () => {
    await show(pageCase({ ...LIVE, endedAt: '2026-12-01T14:10:00.000Z', endReason: 'REQUESTER_LEFT' }));
    await tick();
    apollo.expectNone(LiveChatConversationDocument);

    await show(pageCase(LIVE));
    fixture.destroy();
    ticks.next(0);
    apollo.expectNone(LiveChatConversationDocument);
  });

  it('ends the chat once asked and confirmed, or not when cancelled', async () => {
    button('End chat')!.click();
    await settle(fixture);
    expect(page().querySelector('[role="group"]')!.textContent).toContain('End this chat?');
    expect(await axeViolations(page())).toEqual([]);
    button('Cancel')!.click();
    await settle(fixture);
    expect(page().querySelector('[role="group"]')).toBeNull();

    button('End chat')!.click();
    await settle(fixture);
    // The panel's confirming button is the second "End chat" on the page after the closed one went away.
    const confirm = [...page().querySelectorAll<HTMLButtonElement>('[role="group"] button')].find(
      (candidate) => candidate.textContent!.trim() === 'End chat',
    )!;
    confirm.click();
    await settle(fixture);
    expect(confirm.disabled).toBe(true);
    const ended = apollo.expectOne(EndCaseChatDocument);
    expect(ended.operation.variables).toEqual({ caseId: 'c1' });
    ended.flushData({ endCaseChat: true });
    await settle(fixture, 2);
    expect(page().querySelector('[role="group"]')).toBeNull();
    expect(page().textContent).toContain('Chat ended.');
  });

  it('says why the API refused to end it, in the question', async () => {
    button('End chat')!.click();
    await settle(fixture);
    [...page().querySelectorAll<HTMLButtonElement>('[role="group"] button')]
      .find((candidate) => candidate.textContent!.trim() === 'End chat')!
      .click();
    await settle(fixture);
    apollo
      .expectOne(EndCaseChatDocument)
      .graphqlErrors([new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture, 2);
    expect(alertTexts(page())).toEqual(['You do not have access to this.']);
    expect(page().querySelector('[role="group"]')).not.toBeNull();
  });

  it('says why an ended chat ended and when its transcript was mailed, offering no way to end it again', async () => {
    await show(
      pageCase({
        ...LIVE,
        endedAt: '2026-12-01T14:10:00.000Z',
        endReason: 'STAFF_ENDED',
        transcriptSentAt: '2026-12-01T14:11:00.000Z',
        transcriptSkipped: null,
      }),
    );
    expect(text('[role="status"]')).toBe('Ended: staff ended it.');
    expect(text('.hint')).toMatch(/ · ended 12\/1\/26, \d+:10 [AP]M$/);
    expect(text('[data-testid="chat-transcript"]')).toMatch(
      /^Transcript mailed to the family 12\/1\/26, \d+:11 [AP]M\.$/,
    );
    expect(button('End chat')).toBeUndefined();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says why no transcript went to a family who gave no address', async () => {
    await show(
      pageCase(
        { ...LIVE, endedAt: '2026-12-01T14:40:00.000Z', endReason: 'IDLE', transcriptSkipped: 'NO_EMAIL' },
        { contact: { name: null, email: null, phone: null } },
      ),
    );
    expect(text('[role="status"]')).toBe('Ended: nobody wrote for the idle time.');
    expect(text('[data-testid="chat-transcript"]')).toBe('No transcript: the family gave no email address.');
  });

  it('shows nothing for a case that did not come by chat', async () => {
    await show(pageCase(null));
    expect(page().querySelector('[data-testid="live-chat"]')).toBeNull();
    await tick();
    apollo.expectNone(LiveChatConversationDocument);
  });
});
