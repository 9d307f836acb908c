/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import { EmailQuarantinePageComponent } from './email-quarantine-page.component';
import {
  DiscardQuarantinedEmailDocument,
  EmailQuarantineDocument,
  type EmailQuarantineQuery,
  ReleaseQuarantinedEmailDocument,
} from '../operations.generated';

const RLO = '\u202e';

type Email = EmailQuarantineQuery['quarantinedEmails']['edges'][number]['node'];

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const kept = (email: Partial<Email> & { id: string }) => ({
  __typename: 'QuarantinedEmail',
  receivedAt: '2026-12-01T14:00:00.000Z',
  reason: 'AUTO_REPLY',
  detail: 'Auto-Submitted: auto-replied',
  fromAddress: 'ms.ortiz@example.org',
  subject: 'Out of office',
  sizeBytes: 2048,
  releasedAt: null,
  releasedCaseNumber: null,
  discardedAt: null,
  ...email,
});

function answer(emails: ReturnType<typeof kept>[], totalCount = emails.length) {
  return {
    quarantinedEmails: {
      __typename: 'QuarantinedEmailConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: emails.map((node) => ({ __typename: 'QuarantinedEmailEdge', node })),
    },
  } as unknown as EmailQuarantineQuery;
}

const waiting = () =>
  answer([
    kept({ id: 'q1', subject: `Invoice ${RLO}fdp.exe` }),
    kept({ id: 'q2', reason: 'NO_SENDER', detail: 'null envelope sender', fromAddress: null, subject: '' }),
  ]);

/** A cell's text, its parts (a reason and its detail) told apart. */
const cellText = (cell: Element) =>
  cell.children.length
    ? [...cell.children].map((part) => part.textContent!.trim()).join(' | ')
    : cell.textContent!.trim();

describe('the kept email page', () => {
  let fixture: ComponentFixture<EmailQuarantinePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="kept-email"]')];
  const button = (name: RegExp) =>
    [...page().querySelectorAll('button')].find((b) =>
      name.test(b.getAttribute('aria-label') ?? b.textContent!),
    )!;

  /** The list as asked for, with its variables, answered. */
  async function list(state: string, data: EmailQuarantineQuery): Promise<void> {
    const operation = apollo.expectOne(EmailQuarantineDocument);
    expect(operation.operation.variables).toEqual({ state, first: 25 });
    operation.flushData(data);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([provideRouter([])]);
    fixture = TestBed.createComponent(EmailQuarantinePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading the waiting messages until they come', async () => {
    const operation = apollo.expectOne(EmailQuarantineDocument);
    expect(operation.operation.variables).toEqual({ state: 'OPEN', first: 25 });
    await settle(fixture);
    expect(page().textContent).toContain('Loading kept email…');
    expect(page().querySelector('table')).toBeNull();
    operation.flushData(answer([]));
    await settle(fixture);
    expect(page().textContent).not.toContain('Loading');
  });

  it('says so when nothing is waiting', async () => {
    await list('OPEN', answer([]));
    expect(page().textContent).toContain('No messages waiting.');
    expect(page().textContent).toContain('No kept email is waiting.');
    expect(page().querySelector('table')).toBeNull();
  });

  it('says in plain words why the list could not be loaded', async () => {
    apollo
      .expectOne(EmailQuarantineDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe('You do not have access to this.');
  });

  it('lists each message with why it was kept, its words from outside marked, and its buttons named', async () => {
    await list('OPEN', waiting());
    expect(page().textContent).toContain('2 messages waiting.');
    expect(page().querySelector('caption')!.textContent).toContain('Kept email, waiting, newest first');
    const [first, second] = rows().map((row) => [...row.querySelectorAll('td')].map(cellText));
    expect(first!.slice(1, 5)).toEqual([
      'ms.ortiz@example.org',
      'Invoice ⟨U+202E⟩fdp.exe',
      'Automatic reply | Auto-Submitted: auto-replied',
      '2 KB',
    ]);
    expect(second!.slice(1, 5)).toEqual([
      'no sender',
      '(no subject)',
      'No sender address | null envelope sender',
      '2 KB',
    ]);
    expect(rows()[0]!.querySelectorAll('hr-untrusted-text bdi').length).toBe(3);
    expect(button(/^Make a case of “Invoice/).getAttribute('aria-label')).toBe(
      'Make a case of “Invoice ⟨U+202E⟩fdp.exe” from ms.ortiz@example.org',
    );
    expect(button(/^Discard “\(no subject\)” from no sender$/).textContent!.trim()).toBe('Discard');
    expect(page().textContent).not.toContain(RLO);
  });

  it('makes a case of a message and links to it', async () => {
    await list('OPEN', waiting());
    button(/^Make a case of “Invoice/).click();
    const release = apollo.expectOne(ReleaseQuarantinedEmailDocument);
    expect(release.operation.variables).toEqual({ id: 'q1' });
    release.flushData({
      releaseQuarantinedEmail: {
        caseNumber: 'HR-2026-000123',
        email: {
          __typename: 'QuarantinedEmail',
          id: 'q1',
          releasedAt: '2026-12-02T09:00:00.000Z',
          releasedCaseNumber: 'HR-2026-000123',
        },
      },
    } as never);
    await settle(fixture);
    await list('OPEN', answer([kept({ id: 'q2' })]));
    const notice = [...page().querySelectorAll('[role="status"] p')].find((p) =>
      /opened/.test(p.textContent!),
    )!;
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).toBe('Case HR-2026-000123 opened.');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/cases/HR-2026-000123');
    expect(rows()).toHaveLength(1);
  });

  it('says when someone else settled the message first', async () => {
    await list('OPEN', waiting());
    button(/^Make a case of “Invoice/).click();
    apollo.expectOne(ReleaseQuarantinedEmailDocument).graphqlErrors([
      new GraphQLError('This message was released already', {
        extensions: { code: 'CONFLICT', reason: 'ALREADY_SETTLED' },
      }),
    ]);
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')!.textContent).toBe(
      'Someone else already settled this message',
    );
  });

  it('discards a message once the administrator confirms', async () => {
    await list('OPEN', waiting());
    button(/^Discard “Invoice/).click();
    await settle(fixture);
    apollo.expectNone(DiscardQuarantinedEmailDocument);
    const panel = page().querySelector('hr-confirm-panel')!;
    expect(panel.textContent).toContain('Discard “Invoice ⟨U+202E⟩fdp.exe” from ms.ortiz@example.org?');
    [...panel.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Discard'))!.click();
    const discard = apollo.expectOne(DiscardQuarantinedEmailDocument);
    expect(discard.operation.variables).toEqual({ id: 'q1' });
    discard.flushData({
      discardQuarantinedEmail: {
        __typename: 'QuarantinedEmail',
        id: 'q1',
        discardedAt: '2026-12-02T09:00:00.000Z',
      },
    } as never);
    await settle(fixture);
    await list('OPEN', answer([kept({ id: 'q2' })]));
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
    expect(page().textContent).toContain('was discarded.');
  });

  it('asks again for the state chosen, and shows what became of each message', async () => {
    await list('OPEN', waiting());
    const select = page().querySelector('select')!;
    select.value = 'RELEASED';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(page().textContent).toContain('Loading kept email…');
    await list(
      'RELEASED',
      answer([
        kept({ id: 'q3', releasedAt: '2026-12-02T09:00:00.000Z', releasedCaseNumber: 'HR-2026-000124' }),
      ]),
    );
    expect(page().querySelectorAll('th')[5]!.textContent).toBe('Case');
    const link = rows()[0]!.querySelector('a')!;
    expect(link.textContent).toBe('HR-2026-000124');
    expect(link.getAttribute('href')).toBe('/cases/HR-2026-000124');
    expect(rows()[0]!.querySelector('button')).toBeNull();
  });
});
