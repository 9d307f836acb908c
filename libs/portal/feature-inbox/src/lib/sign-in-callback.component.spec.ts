/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionService } from '@homeroom/portal/data-access';
import { alertTexts, axeViolations, settle } from '@homeroom/portal/ui/testing';
import { SignInCallbackComponent } from './sign-in-callback.component';

/** Where the issuer sends staff back: its code and state in the address. */
const CALLBACK = '/auth/callback?code=c0de&state=s1';

describe('coming back from sign-in', () => {
  let fixture: ComponentFixture<SignInCallbackComponent>;
  let navigateByUrl: jest.SpyInstance;
  const session = { completeSignIn: jest.fn(), signIn: jest.fn() };
  const page = () => fixture.nativeElement as HTMLElement;
  const alerts = () => alertTexts(page());

  function open(): void {
    fixture = TestBed.createComponent(SignInCallbackComponent);
    fixture.detectChanges();
  }

  beforeEach(() => {
    history.replaceState(null, '', CALLBACK);
    session.completeSignIn.mockReset();
    session.signIn.mockReset().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionService, useValue: session }],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => {
    fixture.destroy();
    history.replaceState(null, '', '/');
  });

  it('says it is signing in while the code is exchanged', async () => {
    session.completeSignIn.mockReturnValue(new Promise(() => undefined));
    open();
    await settle(fixture);
    const status = page().querySelector('[aria-live="polite"]')!;
    expect(status.textContent).toBe('Signing you in…');
    expect(alerts()).toEqual([]);
    expect(page().querySelector('button')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('exchanges the code in the address, then goes where the person was going in place of this page', async () => {
    session.completeSignIn.mockResolvedValue('/cases/HR-2026-000123');
    open();
    await settle(fixture);
    expect(session.completeSignIn).toHaveBeenCalledTimes(1);
    expect((session.completeSignIn.mock.calls[0]![0] as URL).href).toBe(`http://localhost${CALLBACK}`);
    expect(navigateByUrl).toHaveBeenCalledWith('/cases/HR-2026-000123', { replaceUrl: true });
    expect(alerts()).toEqual([]);
  });

  it('says why the sign-in failed, and offers to sign in again to the inbox', async () => {
    session.completeSignIn.mockRejectedValue(new Error('The sign-in did not complete; try again.'));
    open();
    await settle(fixture);
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['The sign-in did not complete; try again.']);
    expect(page().querySelector('[aria-live="polite"]')).toBeNull();
    const again = page().querySelector('button')!;
    expect(again.textContent).toBe('Sign in again');
    again.click();
    expect(session.signIn).toHaveBeenCalledWith('/inbox');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what went wrong when something other than an error was thrown', async () => {
    session.completeSignIn.mockRejectedValue('access_denied');
    open();
    await settle(fixture);
    expect(alerts()).toEqual(['access_denied']);
  });
});
