/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { MAX_FILE_BYTES } from '@homeroom/portal/data-access';
import { SUGGEST_AFTER_MS } from './help-suggestions.component';
import { InquiryPageComponent } from './inquiry-page.component';
import {
  InquiryFormChoicesDocument,
  MarkHelpArticleAnsweredDocument,
  SuggestHelpArticlesDocument,
  type InquiryFormChoicesQuery,
  SubmitInquiryDocument,
  type SubmitInquiryMutationVariables,
} from './operations.generated';
import { answerCorrections } from './public-text.testing';

/** jsdom has no Blob.arrayBuffer, which every browser the portal supports has: a FileReader stands in. */
function browserFileApis(): void {
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

const CHOICES: InquiryFormChoicesQuery = {
  schools: {
    edges: [
      { node: { id: 's1', name: 'Lincoln Elementary' } },
      { node: { id: 's2', name: 'Roosevelt Middle' } },
    ],
  },
  topics: [
    { id: 't1', name: 'Transportation', parentId: null },
    { id: 't2', name: 'Lunch accounts', parentId: null },
  ],
};

const MESSAGE = 'Bus 14 was late three days running.';

describe('the public inquiry form', () => {
  let fixture: ComponentFixture<InquiryPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement = HTMLInputElement>(id: string) => page().querySelector<T>(`#${id}`);
  const labelOf = (id: string) => page().querySelector(`label[for="${id}"]`)?.textContent ?? null;
  const submitButton = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alerts = () => alertTexts(page());
  const options = (id: string) =>
    [...field<HTMLSelectElement>(id)!.options].map((option) => [option.value, option.textContent!.trim()]);
  const fileInput = () => field('attachment')!;

  /** The form opened in a language, its schools and topics asked for (nothing else) and answered. */
  async function open(language: Language = 'en', choices: InquiryFormChoicesQuery = CHOICES) {
    apollo = configureApolloTesting([provideRouter([])]);
    TestBed.inject(LanguageService).use(language);
    fixture = TestBed.createComponent(InquiryPageComponent);
    fixture.detectChanges();
    answerCorrections(apollo, language);
    const operation = apollo.expectOne(InquiryFormChoicesDocument);
    expect(operation.operation.variables).toEqual({});
    operation.flushData(choices);
    await settle(fixture, 3);
  }

  async function fill(id: string, value: string): Promise<void> {
    setField(page(), id, value);
    await settle(fixture, 3);
  }

  async function chooseFile(file: File | null): Promise<void> {
    Object.defineProperty(fileInput(), 'files', { value: file ? [file] : [], configurable: true });
    fileInput().dispatchEvent(new Event('change'));
    await settle(fixture, 3);
  }

  async function send(): Promise<ReturnType<ApolloTestingController['expectOne']>> {
    submitButton().click();
    await settle(fixture, 3);
    return apollo.expectOne(SubmitInquiryDocument);
  }

  const sentInput = (
    overrides: Partial<SubmitInquiryMutationVariables['input']> = {},
  ): SubmitInquiryMutationVariables['input'] => ({
    message: MESSAGE,
    subject: null,
    schoolId: null,
    topicId: null,
    language: 'en',
    anonymous: false,
    requester: { name: null, email: null, phone: null },
    ...overrides,
  });

  beforeAll(browserFileApis);

  afterEach(() => {
    // A test that writes a message and takes longer than the pause leaves a suggestion lookup open: the
    // suggestions have their test (and help-suggestions.component.spec.ts); the form's others need not wait.
    apollo.match(SuggestHelpArticlesDocument);
    apollo.verify();
    fixture.destroy();
  });

  it('offers the schools and topics, every field labelled', async () => {
    await open();
    expect(page().querySelector('main')!.lang).toBe('en');
    expect(page().querySelector('h1')!.textContent).toBe('Contact your district');
    expect(options('school')).toEqual([
      ['', 'The district office'],
      ['s1', 'Lincoln Elementary'],
      ['s2', 'Roosevelt Middle'],
    ]);
    expect(options('topic')).toEqual([
      ['', 'Not sure'],
      ['t1', 'Transportation'],
      ['t2', 'Lunch accounts'],
    ]);
    expect(
      ['school', 'topic', 'subject', 'message', 'attachment', 'name', 'email', 'phone'].map(labelOf),
    ).toEqual([
      'School',
      'Topic',
      'Subject',
      'Your message',
      'Attach a file (optional)',
      'Your name',
      'Email',
      'Phone',
    ]);
    expect(field('attachment-hint')!.textContent).toBe(
      'A photo, or a PDF, Word, Excel or text file, up to 10 MB.',
    );
    expect(fileInput().getAttribute('aria-describedby')).toBe('attachment-hint');
    expect(fileInput().accept).toBe(
      '.pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.heif,.txt,.text,.log,.csv,.doc,.docx,.xls,.xlsx,.rtf',
    );
    expect(submitButton().textContent).toBe('Send');
    expect(alerts()).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('offers articles as the family writes, and steps aside, sending nothing, when one answered them', async () => {
    await open('es');
    expect(page().querySelector('a[href="/help"]')!.textContent).toBe(
      '¿Busca una respuesta rápida? Busque en el centro de ayuda.',
    );
    await fill('school', 's1');
    await fill('message', '¿Dónde para el autobús ahora que cerraron la calle?');
    await new Promise((resolve) => setTimeout(resolve, SUGGEST_AFTER_MS + 50));
    const lookup = apollo.expectOne(SuggestHelpArticlesDocument);
    expect(lookup.operation.variables).toEqual({
      text: '¿Dónde para el autobús ahora que cerraron la calle?',
      language: 'es',
      schoolId: 's1',
    });
    lookup.flushData({
      suggestHelpArticles: [
        {
          id: 'a1',
          slug: 'paradas',
          language: 'es',
          title: 'Paradas cerradas',
          summary: 'La parada se movió.',
        },
      ],
    });
    await settle(fixture, 3);
    page().querySelector<HTMLButtonElement>('[data-testid="help-suggestions"] button')!.click();
    await settle(fixture, 3);
    apollo.expectOne(MarkHelpArticleAnsweredDocument).flushData({ markHelpArticleAnswered: true });
    await settle(fixture, 3);
    expect(page().querySelector('h1')!.textContent).toBe('Nos alegra que eso respondiera a su pregunta.');
    expect(page().querySelector('form')).toBeNull();
    apollo.expectNone(SubmitInquiryDocument);
    expect(await axeViolations(page())).toEqual([]);

    // Still in need, the family gets the form back with what they wrote.
    [...page().querySelectorAll('button')]
      .find((b) => b.textContent!.trim() === 'Escribirnos de todos modos')!
      .click();
    await settle(fixture, 3);
    expect(field<HTMLTextAreaElement>('message')!.value).toBe(
      '¿Dónde para el autobús ahora que cerraron la calle?',
    );
    // The same words, the same suggestions: from Apollo's cache, asking nothing again.
    await new Promise((resolve) => setTimeout(resolve, SUGGEST_AFTER_MS + 50));
    await settle(fixture, 3);
    expect(page().querySelector('[data-testid="help-suggestions"] h3')!.textContent).toBe('Paradas cerradas');
  });

  it('sends nothing without a message, and says so at the message', async () => {
    await open();
    await fill('message', '   ');
    submitButton().click();
    await settle(fixture, 3);
    apollo.expectNone(SubmitInquiryDocument);
    expect(alerts()).toEqual(['Please write your message.']);
    const message = field<HTMLTextAreaElement>('message')!;
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(message.getAttribute('aria-describedby')).toBe('message-error');
    expect(field('message-error')!.textContent).toBe('Please write your message.');
    expect(await axeViolations(page())).toEqual([]);

    await fill('message', MESSAGE);
    const sending = await send();
    expect(alerts()).toEqual([]);
    expect(message.getAttribute('aria-invalid')).toBe('false');
    expect(message.hasAttribute('aria-describedby')).toBe(false);
    sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000042', trackingToken: 'tok-42' } });
    await settle(fixture, 3);
  });

  it('sends what was filled in, waits while it goes, and gives the case number and tracking link', async () => {
    await open();
    await fill('school', 's2');
    await fill('topic', 't1');
    await fill('subject', 'Late bus');
    await fill('message', MESSAGE);
    await fill('name', 'Sam Lee');
    await fill('email', 'sam@family.test');
    await fill('phone', '555-0100');
    const sending = await send();
    expect(sending.operation.variables).toEqual({
      input: sentInput({
        subject: 'Late bus',
        schoolId: 's2',
        topicId: 't1',
        requester: { name: 'Sam Lee', email: 'sam@family.test', phone: '555-0100' },
      }),
      attachments: null,
    });
    expect(submitButton().textContent).toBe('Sending…');
    expect(submitButton().disabled).toBe(true);

    sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000042', trackingToken: 'tok-42' } });
    await settle(fixture, 3);
    expect(page().querySelector('form')).toBeNull();
    const section = page().querySelector('section[aria-live="polite"]')!;
    expect(section.querySelector('h1')!.textContent).toBe('Thank you. We received your message.');
    expect(page().querySelector('[data-testid="case-number"]')!.textContent).toBe('HR-2026-000042');
    const link = section.querySelector('a')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual(['Follow your case', '/track/tok-42']);
    expect(section.querySelector('.hint')!.textContent).toBe(
      'Keep this link: it is the only way to see replies without an email address.',
    );
    expect(await axeViolations(page())).toEqual([]);
  });

  it('sends the fields left blank as nothing at all', async () => {
    await open();
    await fill('message', MESSAGE);
    const sending = await send();
    expect(sending.operation.variables).toEqual({ input: sentInput(), attachments: null });
    sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000043', trackingToken: 'tok-43' } });
    await settle(fixture, 3);
  });

  it('sends an anonymous message in Spanish without a name or contact details', async () => {
    await open('es');
    expect(page().querySelector('main')!.lang).toBe('es');
    expect(page().querySelector('h1')!.textContent).toBe('Comuníquese con su distrito');
    await fill('name', 'Sam Lee');
    const anonymous = page().querySelector<HTMLInputElement>('input[name="anonymous"]')!;
    expect(anonymous.closest('label')!.textContent!.trim()).toBe(
      'Enviar sin mi nombre ni mis datos de contacto',
    );
    anonymous.click();
    await settle(fixture, 3);
    expect([field('name'), field('email'), field('phone')]).toEqual([null, null, null]);
    expect(anonymous.closest('label')!.nextElementSibling!.textContent).toBe(
      'No podemos responder a un mensaje anónimo, pero leemos todos.',
    );
    expect(await axeViolations(page())).toEqual([]);
    await fill('message', MESSAGE);
    const sending = await send();
    expect(submitButton().textContent).toBe('Enviando…');
    expect(sending.operation.variables).toEqual({
      input: sentInput({ language: 'es', anonymous: true, requester: null }),
      attachments: null,
    });
    sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000044', trackingToken: 'tok-44' } });
    await settle(fixture, 3);
    expect(page().querySelector('h1')!.textContent).toBe('Gracias. Recibimos su mensaje.');
  });

  it('says in plain words why the API refused the message, and keeps what was written', async () => {
    await open();
    await fill('message', MESSAGE);
    await fill('email', 'sam@');
    const sending = await send();
    sending.graphqlErrors([
      new GraphQLError('Invalid input', {
        extensions: {
          code: 'BAD_USER_INPUT',
          details: [{ path: 'input.requester.email', message: 'not an email address' }],
        },
      }),
    ]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['Please check what you entered. email: not an email address.']);
    expect(field<HTMLTextAreaElement>('message')!.value).toBe(MESSAGE);
    expect(field('email')!.value).toBe('sam@');
    expect([submitButton().textContent, submitButton().disabled]).toEqual(['Send', false]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says why the schools could not be loaded, and can still be sent', async () => {
    apollo = configureApolloTesting([provideRouter([])]);
    TestBed.inject(LanguageService).use('en');
    fixture = TestBed.createComponent(InquiryPageComponent);
    fixture.detectChanges();
    answerCorrections(apollo, 'en');
    apollo
      .expectOne(InquiryFormChoicesDocument)
      .graphqlErrors([new GraphQLError('busy', { extensions: { code: 'UPSTREAM_UNAVAILABLE' } })]);
    await settle(fixture, 3);
    expect(alerts()).toEqual(['The service is busy right now. Please try again in a moment.']);
    expect(options('school')).toEqual([['', 'The district office']]);
    await fill('message', MESSAGE);
    const sending = await send();
    expect(sending.operation.variables).toEqual({ input: sentInput(), attachments: null });
    sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000045', trackingToken: 'tok-45' } });
    await settle(fixture, 3);
  });

  describe('a file', () => {
    const photo = () => new File(['fake jpeg bytes'], 'bus-stop.jpg', { type: 'image/jpeg' });

    it('is named with its size once chosen, and sent with the message', async () => {
      await open();
      await chooseFile(photo());
      expect(page().querySelector('[data-testid="chosen-file"]')!.textContent).toBe(
        'Chosen file: bus-stop.jpg (1 kB)',
      );
      expect(page().querySelector('.chosen-file button')!.textContent).toBe('Remove the file');
      expect(fileInput().hasAttribute('aria-invalid')).toBe(false);
      expect(await axeViolations(page())).toEqual([]);
      await fill('message', MESSAGE);
      const sending = await send();
      expect(sending.operation.variables).toEqual({
        input: sentInput(),
        attachments: [
          { fileName: 'bus-stop.jpg', contentType: 'image/jpeg', contentBase64: btoa('fake jpeg bytes') },
        ],
      });
      sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000046', trackingToken: 'tok-46' } });
      await settle(fixture, 3);
    });

    it('is removed by its button, the focus back on the file input, and then not sent', async () => {
      await open();
      await chooseFile(photo());
      (page().querySelector('.chosen-file button') as HTMLButtonElement).click();
      await settle(fixture, 3);
      expect(page().querySelector('[data-testid="chosen-file"]')).toBeNull();
      expect(document.activeElement).toBe(fileInput());
      expect(fileInput().value).toBe('');
      await fill('message', MESSAGE);
      const sending = await send();
      expect(sending.operation.variables).toEqual({ input: sentInput(), attachments: null });
      sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000047', trackingToken: 'tok-47' } });
      await settle(fixture, 3);
    });

    it('of a type the district does not take is refused by name before anything is sent', async () => {
      await open();
      await chooseFile(new File(['<svg/>'], 'map.svg', { type: 'image/svg+xml' }));
      expect(page().querySelector('[data-testid="chosen-file"]')).toBeNull();
      expect(alerts()).toEqual([
        'We cannot take map.svg. Please choose a photo, or a PDF, Word, Excel or text file.',
      ]);
      expect(fileInput().getAttribute('aria-invalid')).toBe('true');
      expect(fileInput().getAttribute('aria-describedby')).toBe('attachment-hint attachment-error');
      expect(field('attachment-error')!.getAttribute('role')).toBe('alert');
      expect(await axeViolations(page())).toEqual([]);
      await fill('message', MESSAGE);
      const sending = await send();
      expect(sending.operation.variables).toEqual({ input: sentInput(), attachments: null });
      sending.flushData({ submitInquiry: { caseNumber: 'HR-2026-000048', trackingToken: 'tok-48' } });
      await settle(fixture, 3);
    });

    it('too large or empty is refused, in the language of the page; a good file clears the refusal', async () => {
      await open('es');
      const large = photo();
      Object.defineProperty(large, 'size', { value: MAX_FILE_BYTES + 1 });
      await chooseFile(large);
      expect(alerts()).toEqual([
        'bus-stop.jpg es demasiado grande para enviarlo: los archivos pueden tener hasta 10 MB. Elija uno más pequeño, por favor.',
      ]);
      await chooseFile(new File([], 'empty.pdf', { type: 'application/pdf' }));
      expect(alerts()).toEqual(['empty.pdf está vacío. Elija otro archivo, por favor.']);
      await chooseFile(photo());
      expect(alerts()).toEqual([]);
      expect(page().querySelector('[data-testid="chosen-file"]')!.textContent).toBe(
        'Archivo elegido: bus-stop.jpg (1 kB)',
      );
    });

    it("refused by the server is said of the file, by its name, and the message's words are kept", async () => {
      await open();
      await chooseFile(photo());
      await fill('message', MESSAGE);
      const sending = await send();
      sending.graphqlErrors([
        new GraphQLError('Attachment too large', {
          extensions: { code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_TOO_LARGE' },
        }),
      ]);
      await settle(fixture, 3);
      expect(alerts()).toEqual([
        'bus-stop.jpg is too large to send: files can be up to 10 MB. Please choose a smaller one.',
      ]);
      expect(field('attachment-error')).not.toBeNull();
      expect(page().querySelector('[data-testid="chosen-file"]')).toBeNull();
      expect(field<HTMLTextAreaElement>('message')!.value).toBe(MESSAGE);
      expect(submitButton().disabled).toBe(false);
    });
  });
});
