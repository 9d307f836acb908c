/**
 * @jest-environment jsdom
 */
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { Subject } from 'rxjs';
import { MyPresenceDocument, type PresenceStatus, SetMyPresenceDocument } from './operations.generated';
import { SessionService } from './session.service';
import { PRESENCE_HEARTBEAT, StaffPresenceService } from './staff-presence.service';

const presence = (status: PresenceStatus) => ({
  __typename: 'StaffPresence',
  personId: 'p1',
  status,
  seenAt: '2026-12-01T14:00:00.000Z',
});

describe('the staff presence', () => {
  let apollo: ApolloTestingController;
  let beats: Subject<number>;
  let signedIn: ReturnType<typeof signal<boolean>>;
  let roles: ReturnType<typeof signal<string[]>>;
  let service: StaffPresenceService;
  let leaving: (() => Promise<unknown>)[];

  /** Lets effects, Apollo and the queue of requests run. */
  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function start(as: string[]): Promise<void> {
    roles.set(as);
    service = TestBed.inject(StaffPresenceService);
    await settle();
  }

  async function answerLoad(status: PresenceStatus): Promise<void> {
    apollo.expectOne(MyPresenceDocument).flushData({ myPresence: presence(status) });
    await settle();
  }

  /** The heartbeat's or a choice's request: what it said, answered as the API would. */
  async function expectSaid(status: PresenceStatus): Promise<void> {
    const sent = apollo.expectOne(SetMyPresenceDocument);
    expect(sent.operation.variables).toEqual({ status });
    sent.flushData({ setMyPresence: presence(status) });
    await settle();
  }

  beforeEach(() => {
    beats = new Subject<number>();
    signedIn = signal(true);
    roles = signal<string[]>([]);
    leaving = [];
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        { provide: PRESENCE_HEARTBEAT, useValue: beats },
        {
          provide: SessionService,
          useValue: { signedIn, roles, beforeLeaving: (work: () => Promise<unknown>) => leaving.push(work) },
        },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  it('reads what the API has for an agent, then says it again on every beat', async () => {
    await start(['AGENT']);
    expect(service.view()).toBeNull();
    await answerLoad('AWAY');
    expect(service.view()).toEqual({ status: 'AWAY', busy: false, error: null });

    beats.next(1);
    await settle();
    await expectSaid('AWAY');
    beats.next(2);
    await settle();
    await expectSaid('AWAY');
  });

  it('says the choice at once, and repeats the choice on the next beat', async () => {
    await start(['SCHOOL_ADMIN']);
    await answerLoad('AWAY');

    const chosen = service.choose('AVAILABLE');
    await settle();
    expect(service.view()?.busy).toBe(true);
    await expectSaid('AVAILABLE');
    await chosen;
    expect(service.view()).toEqual({ status: 'AVAILABLE', busy: false, error: null });

    beats.next(1);
    await settle();
    await expectSaid('AVAILABLE');
  });

  it('sends a beat that comes while a choice is on its way only after it, with the new choice', async () => {
    await start(['AGENT']);
    await answerLoad('AVAILABLE');

    const chosen = service.choose('AWAY');
    beats.next(1);
    await settle();
    // One request at a time: the beat waits for the choice rather than racing it with the old status.
    await expectSaid('AWAY');
    await chosen;
    await settle();
    await expectSaid('AWAY');
  });

  it('keeps the status it had when a choice is refused, and says why', async () => {
    await start(['AGENT']);
    await answerLoad('AWAY');

    const chosen = service.choose('AVAILABLE');
    await settle();
    apollo
      .expectOne(SetMyPresenceDocument)
      .graphqlErrors([new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })]);
    await chosen;
    expect(service.view()).toEqual({ status: 'AWAY', busy: false, error: 'You do not have access to this.' });
  });

  it('keeps the toggle usable while a beat is on its way, and says so while beats fail', async () => {
    await start(['AGENT']);
    await answerLoad('AVAILABLE');

    beats.next(1);
    await settle();
    expect(service.view()).toEqual({ status: 'AVAILABLE', busy: false, error: null });
    apollo.expectOne(SetMyPresenceDocument).networkError(new Error('offline'));
    await settle();
    expect(service.view()).toEqual({
      status: 'AVAILABLE',
      busy: false,
      error: 'Something went wrong. Please try again.',
    });

    beats.next(2);
    await settle();
    await expectSaid('AVAILABLE');
    expect(service.view()).toEqual({ status: 'AVAILABLE', busy: false, error: null });
  });

  it('asks again on the next beat when the first reading failed, offering no choice until then', async () => {
    await start(['AGENT']);
    apollo.expectOne(MyPresenceDocument).networkError(new Error('offline'));
    await settle();
    expect(service.view()).toBeNull();

    beats.next(1);
    await settle();
    await answerLoad('AVAILABLE');
    expect(service.view()).toEqual({ status: 'AVAILABLE', busy: false, error: null });
  });

  it('offers a viewer nothing and says nothing for them', async () => {
    await start(['VIEWER']);
    beats.next(1);
    await settle();
    expect(service.offered()).toBe(false);
    expect(service.view()).toBeNull();
    apollo.expectNone(MyPresenceDocument);
    apollo.expectNone(SetMyPresenceDocument);
  });

  it('stops saying it once signed out', async () => {
    await start(['AGENT']);
    await answerLoad('AVAILABLE');

    signedIn.set(false);
    await settle();
    expect(service.view()).toBeNull();
    beats.next(1);
    await settle();
    apollo.expectNone(SetMyPresenceDocument);
  });

  it('says an available agent is away as they sign out, and nothing for one who is away already', async () => {
    await start(['AGENT']);
    await answerLoad('AVAILABLE');
    let left = false;
    void Promise.all(leaving.map((work) => work())).then(() => (left = true));
    await settle();
    expect(left).toBe(false);
    await expectSaid('AWAY');
    expect(left).toBe(true);
    expect(service.status()).toBe('AWAY');

    // Away already (by this sign-out, or by their choice): leaving says nothing more.
    await Promise.all(leaving.map((work) => work()));
    await settle();
    apollo.expectNone(SetMyPresenceDocument);
  });
});
