/**
 * @jest-environment jsdom
 */
import { TestBed } from '@angular/core/testing';
import { PORTAL_CONFIG } from './portal-config';
import { LEAVE_WAIT_MS, SessionService } from './session.service';

describe('leaving the staff workspace', () => {
  let session: SessionService;

  beforeEach(() => {
    jest.useFakeTimers();
    sessionStorage.setItem(
      'homeroom.session',
      JSON.stringify({ accessToken: 'x.e30.y', expiresAt: Date.now() + 3_600_000 }),
    );
    TestBed.configureTestingModule({
      providers: [{ provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.district.test' } }],
    });
    session = TestBed.inject(SessionService);
  });

  afterEach(() => {
    jest.useRealTimers();
    sessionStorage.clear();
  });

  it('says what must be said while still signed in, then signs out', async () => {
    const order: string[] = [];
    session.beforeLeaving(async () => order.push(`said while signed in: ${session.signedIn()}`));
    await session.leave();
    order.push(`signed in after: ${session.signedIn()}`);
    expect(order).toEqual(['said while signed in: true', 'signed in after: false']);
    expect(sessionStorage.getItem('homeroom.session')).toBeNull();
  });

  it('signs out after LEAVE_WAIT_MS when what must be said never answers', async () => {
    session.beforeLeaving(() => new Promise(() => undefined));
    const left = session.leave();
    await jest.advanceTimersByTimeAsync(LEAVE_WAIT_MS - 1);
    expect(session.signedIn()).toBe(true);
    await jest.advanceTimersByTimeAsync(1);
    await left;
    expect(session.signedIn()).toBe(false);
  });
});
