/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { PORTAL_CONFIG, SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  ApproveVitalMessageDocument,
  ReturnVitalMessageDocument,
  ReviewQueueDocument,
} from './operations.generated';
import { ReviewQueuePageComponent } from './review-queue-page.component';

const ME = 'translator-1';
const HELD_TEXT = 'Sobre el caso HR-2026-000123: su hijo queda expulsado por un día.';

/** Apollo's cache keeps records by __typename and id, which the operation types leave out. */
function queue(authorId = 'agent-1') {
  return {
    messagesAwaitingReview: {
      __typename: 'HeldMessageConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      edges: [
        {
          __typename: 'HeldMessageEdge',
          node: {
            __typename: 'HeldMessage',
            case: { __typename: 'Case', id: 'case-1', number: 'HR-2026-000123', subject: '¿Por qué?' },
            message: {
              __typename: 'CaseMessage',
              id: 'm1',
              body: HELD_TEXT,
              createdAt: '2026-12-07T15:00:00.000Z',
              review: {
                __typename: 'MessageReview',
                status: 'PENDING',
                category: 'DISCIPLINE',
                language: 'es',
                authorId,
              },
              translations: [
                {
                  __typename: 'MessageTranslation',
                  language: 'en',
                  text: 'About case HR-2026-000123: your child is suspended for one day.',
                  sourceLanguage: null,
                  provider: 'TEMPLATE',
                },
              ],
            },
          },
        },
      ],
    },
  };
}

const none = () => ({
  messagesAwaitingReview: {
    __typename: 'HeldMessageConnection',
    totalCount: 0,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [],
  },
});

describe('the review queue', () => {
  let fixture: ComponentFixture<ReviewQueuePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => page().querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();

  async function open(answer: ReturnType<typeof queue | typeof none>): Promise<void> {
    fixture.detectChanges();
    apollo.expectOne(ReviewQueueDocument).flushData(answer);
    await settle(fixture, 2);
  }

  beforeEach(() => {
    apollo = configureApolloTesting([
      provideRouter([]),
      { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
      // The staff bar's chat presence has its own specs (staff-presence.service, staff-bar.component).
      { provide: StaffPresenceService, useValue: { view: () => null, choose: () => Promise.resolve() } },
      {
        provide: SessionService,
        useValue: { personId: () => ME, roles: () => ['AGENT'], leave: () => undefined },
      },
    ]);
    fixture = TestBed.createComponent(ReviewQueuePageComponent);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('shows each held reply beside what it was written from, with its case', async () => {
    await open(queue());
    expect(text('[data-testid="review-count"]')).toBe('1 message is waiting.');
    expect(text('h2')).toBe('HR-2026-000123 · ¿Por qué?');
    expect(text('.meta')).toMatch(/^Discipline · into Spanish \(es\) · written /);
    expect([...page().querySelectorAll('h3')].map((h) => h.textContent!.trim())).toEqual([
      'The template, in English (en)',
      'To the family, in Spanish (es)',
    ]);
    expect(text('[data-testid="held-original"]')).toBe(
      'About case HR-2026-000123: your child is suspended for one day.',
    );
    expect(text('[data-testid="held-translation"]')).toBe(HELD_TEXT);
    expect(page().querySelector<HTMLTextAreaElement>('#correction-m1')!.value).toBe(HELD_TEXT);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('approves with the correction typed, and says so once the queue is current', async () => {
    await open(queue());
    const corrected = HELD_TEXT.replace('expulsado', 'suspendido');
    setField(page(), 'correction-m1', corrected);
    await settle(fixture);
    buttonNamed(page(), 'Approve and send')!.click();
    await settle(fixture);
    const approve = apollo.expectOne(ApproveVitalMessageDocument);
    expect(approve.operation.variables).toEqual({ messageId: 'm1', body: corrected });
    approve.flushData({
      approveVitalMessage: {
        __typename: 'CaseMessage',
        id: 'm1',
        body: corrected,
        review: { __typename: 'MessageReview', status: 'APPROVED', reviewedBy: ME, reason: null },
      },
    } as never);
    await settle(fixture);
    apollo.expectOne(ReviewQueueDocument).flushData(none());
    await settle(fixture, 2);
    expect(text('[data-testid="review-count"]')).toBe('No messages are waiting for you.');
    expect(page().textContent).toContain('The reply on HR-2026-000123 was approved and is on its way.');
  });

  it('approves the text unchanged without sending it again, and says why the API refused', async () => {
    await open(queue());
    buttonNamed(page(), 'Approve and send')!.click();
    await settle(fixture);
    const approve = apollo.expectOne(ApproveVitalMessageDocument);
    expect(approve.operation.variables).toEqual({ messageId: 'm1', body: null });
    approve.graphqlErrors([
      new GraphQLError('Reviewed', { extensions: { code: 'CONFLICT', reason: 'ALREADY_REVIEWED' } }),
    ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['Another translator reviewed this message already.']);
  });

  it('returns a reply only with a reason', async () => {
    await open(queue());
    buttonNamed(page(), 'Return to the author')!.click();
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['Say why the message goes back, so its author can fix it.']);
    apollo.expectNone(ReturnVitalMessageDocument);
    setField(page(), 'reason-m1', ' Say suspendido. ');
    await settle(fixture);
    buttonNamed(page(), 'Return to the author')!.click();
    await settle(fixture);
    const sent = apollo.expectOne(ReturnVitalMessageDocument);
    expect(sent.operation.variables).toEqual({ messageId: 'm1', reason: 'Say suspendido.' });
    sent.graphqlErrors([
      new GraphQLError('Not qualified', {
        extensions: { code: 'FORBIDDEN', reason: 'NOT_A_QUALIFIED_TRANSLATOR' },
      }),
    ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['You are not marked a qualified translator for this language.']);
  });

  it('offers its author no review of their own reply', async () => {
    await open(queue(ME));
    expect(page().textContent).toContain('You wrote this message: another qualified translator reviews it.');
    expect(buttonNamed(page(), 'Approve and send')).toBeUndefined();
    expect(await axeViolations(page())).toEqual([]);
  });
});
