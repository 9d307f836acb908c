/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import { axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import {
  ReplyAsRequesterDocument,
  type ReplyAsRequesterMutation,
  TrackCaseDocument,
  type TrackCaseQuery,
} from './operations.generated';
import { TrackingPageComponent } from './tracking-page.component';
import { answerCorrections } from './public-text.testing';
import { directionOf, documentLanguageOf, PUBLIC_LANGUAGES, PUBLIC_TEXT } from '@homeroom/shared/public-text';

type Message = NonNullable<TrackCaseQuery['trackCase']>['messages'][number];

const message = (id: string, direction: Message['direction'], body: string): Message => ({
  id,
  direction,
  body,
  createdAt: '2026-12-01T14:00:00.000Z',
});

const tracked = (): TrackCaseQuery => ({
  trackCase: {
    number: 'HR-2026-000042',
    subject: 'Bus 14 was late again',
    status: 'OPEN',
    createdAt: '2026-12-01T14:00:00.000Z',
    messages: [
      message('m1', 'INBOUND', 'The bus came at 8:40 three days running.'),
      message('m2', 'OUTBOUND', 'Thank you; we asked the bus company.'),
    ],
  },
});

describe("a family's case page", () => {
  let fixture: ComponentFixture<TrackingPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null) => element?.textContent!.replace(/\s+/g, ' ').trim() ?? null;
  const textarea = () => page().querySelector('textarea')!;
  const sendButton = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const conversation = () =>
    [...page().querySelectorAll('ol.conversation li')].map((li) => [
      text(li.querySelector('.who')),
      text(li.querySelector('p')),
      li.classList.contains('staff'),
    ]);

  /** The page opened by its link, in a language; the case asked for by the link's token. */
  function open(language: Language = 'en'): ReturnType<ApolloTestingController['expectOne']> {
    apollo = configureApolloTesting();
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(TrackingPageComponent);
    fixture.componentRef.setInput('token', 'tracking-token');
    fixture.detectChanges();
    answerCorrections(apollo, language);
    const operation = apollo.expectOne(TrackCaseDocument);
    expect(operation.operation.variables).toEqual({ token: 'tracking-token' });
    return operation;
  }

  async function type(body: string): Promise<void> {
    textarea().value = body;
    textarea().dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading until the case comes', async () => {
    const operation = open();
    await settle(fixture);
    const loading = page().querySelector('[aria-live="polite"]')!;
    expect(loading.textContent).toBe('Loading…');
    expect(page().querySelector('form')).toBeNull();
    expect(page().querySelector('[role="alert"]')).toBeNull();
    operation.flushData(tracked());
    await settle(fixture);
    expect(page().textContent).not.toContain('Loading…');
  });

  it('shows the case, its status in plain words and the public conversation, who said what', async () => {
    open().flushData(tracked());
    await settle(fixture);
    expect(page().querySelector('main')!.lang).toBe('en');
    expect(text(page().querySelector('h1'))).toBe('Your case');
    expect(page().querySelector('[data-testid="tracked-number"]')!.textContent).toBe('HR-2026-000042');
    expect(text(page().querySelector('[data-testid="tracked-number"]')!.parentElement)).toBe(
      'HR-2026-000042 · Bus 14 was late again',
    );
    expect(page().querySelector('[data-testid="tracked-status"]')!.textContent).toBe('In progress');
    expect(text(page().querySelector('h2'))).toBe('Conversation');
    expect(conversation()).toEqual([
      ['You', 'The bus came at 8:40 three days running.', false],
      ['District staff', 'Thank you; we asked the bus company.', true],
    ]);
    expect(page().querySelector('label[for="reply"]')!.textContent).toBe('Your reply');
    expect(textarea().id).toBe('reply');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('shows a status the page has no words for as the API names it', async () => {
    const answer = tracked();
    open().flushData({ trackCase: { ...answer.trackCase!, status: 'ARCHIVED' as never } });
    await settle(fixture);
    expect(page().querySelector('[data-testid="tracked-status"]')!.textContent).toBe('ARCHIVED');
  });

  it('speaks Spanish to a family that chose it', async () => {
    open('es').flushData(tracked());
    await settle(fixture);
    expect(page().querySelector('main')!.lang).toBe('es');
    expect(text(page().querySelector('h1'))).toBe('Su caso');
    expect(page().querySelector('[data-testid="tracked-status"]')!.textContent).toBe('En curso');
    expect(conversation().map(([who]) => who)).toEqual(['Usted', 'Personal del distrito']);
    expect(text(sendButton())).toBe('Enviar respuesta');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says so when the link opens no case', async () => {
    open().flushData({ trackCase: null });
    await settle(fixture);
    const alerts = [...page().querySelectorAll('[role="alert"]')];
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      'We could not find this case. Check the link you were given.',
    ]);
    expect(page().querySelector('form')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says in plain words why the case could not be loaded', async () => {
    open('es').graphqlErrors([
      new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED' } }),
    ]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe(
      'Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
    );
    expect(page().querySelector('[aria-live="polite"]')).toBeNull();
  });

  it('sends nothing until a reply is written', async () => {
    open().flushData(tracked());
    await settle(fixture);
    expect(sendButton().disabled).toBe(true);
    await type('   \n ');
    expect(sendButton().disabled).toBe(true);
    await type('It was late again today.');
    expect(sendButton().disabled).toBe(false);
  });

  it('sends the reply by the token, waits while it goes, then shows it in the conversation', async () => {
    open().flushData(tracked());
    await settle(fixture);
    await type('It was late again today.');
    sendButton().click();
    await settle(fixture);
    const reply = apollo.expectOne(ReplyAsRequesterDocument);
    expect(reply.operation.variables).toEqual({ token: 'tracking-token', body: 'It was late again today.' });
    expect(sendButton().disabled).toBe(true);
    reply.flushData({
      replyAsRequester: {
        number: 'HR-2026-000042',
        status: 'NEW',
        messages: [...tracked().trackCase!.messages, message('m3', 'INBOUND', 'It was late again today.')],
      },
    } satisfies ReplyAsRequesterMutation);
    await settle(fixture);
    expect(conversation()).toEqual([
      ['You', 'The bus came at 8:40 three days running.', false],
      ['District staff', 'Thank you; we asked the bus company.', true],
      ['You', 'It was late again today.', false],
    ]);
    expect(page().querySelector('[data-testid="tracked-status"]')!.textContent).toBe('Received');
    expect(textarea().value).toBe('');
    expect(sendButton().disabled).toBe(true);
    expect(page().querySelector('[role="alert"]')).toBeNull();
  });

  it('says why a reply was refused, keeps what was written, and clears the refusal on a reply that goes', async () => {
    open().flushData(tracked());
    await settle(fixture);
    await type('It was late again today.');
    sendButton().click();
    await settle(fixture);
    apollo
      .expectOne(ReplyAsRequesterDocument)
      .graphqlErrors([new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED' } })]);
    await settle(fixture);
    expect([...page().querySelectorAll('[role="alert"]')].map((alert) => alert.textContent)).toEqual([
      'Too many tries in a short time. Please wait a minute and try again.',
    ]);
    expect(conversation()).toHaveLength(2);
    expect(textarea().value).toBe('It was late again today.');
    expect(sendButton().disabled).toBe(false);
    expect(await axeViolations(page())).toEqual([]);

    sendButton().click();
    await settle(fixture);
    const again = apollo.expectOne(ReplyAsRequesterDocument);
    expect(again.operation.variables).toEqual({ token: 'tracking-token', body: 'It was late again today.' });
    again.flushData({
      replyAsRequester: {
        number: 'HR-2026-000042',
        status: 'OPEN',
        messages: [...tracked().trackCase!.messages, message('m3', 'INBOUND', 'It was late again today.')],
      },
    } satisfies ReplyAsRequesterMutation);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(conversation()).toHaveLength(3);
  });

  it.each(PUBLIC_LANGUAGES)(
    'speaks %s, right to left for Arabic, the case number left to right, with no axe violations',
    async (language) => {
      open(language).flushData(tracked());
      await settle(fixture);
      const main = page().querySelector('main')!;
      expect([main.lang, main.dir]).toEqual([documentLanguageOf(language), directionOf(language)]);
      expect([document.documentElement.lang, document.documentElement.dir]).toEqual([
        documentLanguageOf(language),
        directionOf(language),
      ]);
      expect(text(page().querySelector('h1'))).toBe(PUBLIC_TEXT[language].trackTitle);
      expect(page().querySelector('[data-testid="tracked-status"]')!.textContent).toBe(
        PUBLIC_TEXT[language].statusOpen,
      );
      expect(page().querySelector('[data-testid="tracked-number"]')!.getAttribute('dir')).toBe('ltr');
      expect([...page().querySelectorAll('ol.conversation p')].map((p) => p.getAttribute('dir'))).toEqual([
        'auto',
        'auto',
      ]);
      expect(await axeViolations(page())).toEqual([]);
    },
  );

  it('gives <html> back to the staff pages, English and left to right, when the page closes', async () => {
    open('ar').flushData(tracked());
    await settle(fixture);
    expect(document.documentElement.dir).toBe('rtl');
    fixture.destroy();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en', 'ltr']);
  });

  it('shows the district’s correction of a word instead of the shipped one', async () => {
    apollo = configureApolloTesting();
    TestBed.inject(LanguageService).use('vi');
    fixture = TestBed.createComponent(TrackingPageComponent);
    fixture.componentRef.setInput('token', 'tracking-token');
    fixture.detectChanges();
    answerCorrections(apollo, 'vi', { trackTitle: 'Hồ sơ của gia đình' });
    apollo.expectOne(TrackCaseDocument).flushData(tracked());
    await settle(fixture);
    expect(text(page().querySelector('h1'))).toBe('Hồ sơ của gia đình');
    expect(text(page().querySelector('h2'))).toBe(PUBLIC_TEXT.vi.conversation);
  });
});
