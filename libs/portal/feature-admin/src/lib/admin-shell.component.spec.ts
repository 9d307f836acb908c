/**
 * @jest-environment jsdom
 */
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PORTAL_CONFIG, SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { AdminShellComponent } from './admin-shell.component';

/** A section's screen, standing in for the real ones. */
@Component({ template: `<h1>Section</h1>` })
class SectionComponent {}

/** A signed-in staff member with these roles (the shell reads them from the access token). */
function signIn(roles: string[]): void {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  const accessToken = `${part({ alg: 'none' })}.${part({ sub: 'p1', roles })}.signature`;
  sessionStorage.setItem(
    'homeroom.session',
    JSON.stringify({ accessToken, expiresAt: Date.now() + 3_600_000 }),
  );
}

describe('the administration shell', () => {
  let harness: RouterTestingHarness;
  const page = () => harness.routeNativeElement!.closest('hr-admin-shell')!;
  const sections = () =>
    [...page().querySelectorAll('nav[aria-label="Administration"] a')].map((link) => [
      link.textContent,
      link.getAttribute('href'),
      link.getAttribute('aria-current'),
    ]);

  async function open(roles: string[], url = '/admin/teams'): Promise<void> {
    signIn(roles);
    harness = await RouterTestingHarness.create(url);
    // RouterLinkActive marks the links once the navigation has ended: the next render shows it.
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: 'admin',
            component: AdminShellComponent,
            children: [{ path: '**', component: SectionComponent }],
          },
        ]),
        { provide: PORTAL_CONFIG, useValue: { apiOrigin: 'https://api.test' } },
        // The staff bar's chat presence has its own specs (staff-presence.service, staff-bar.component).
        { provide: StaffPresenceService, useValue: { view: () => null, choose: () => Promise.resolve() } },
      ],
    });
  });

  afterEach(() => sessionStorage.clear());

  it('lists the sections in order, marks the one shown, and shows it beside them', async () => {
    await open(['DISTRICT_ADMIN']);
    expect(sections()).toEqual([
      ['Schools and departments', '/admin/schools', null],
      ['People', '/admin/people', null],
      ['Staff roles and teams', '/admin/teams', 'page'],
      ['API clients', '/admin/api-clients', null],
      ['Topics', '/admin/topics', null],
      ['Routing rules', '/admin/routing', null],
      ['Reply templates', '/admin/reply-templates', null],
      ['Help center articles', '/admin/help-articles', null],
      ['Public pages’ words', '/admin/public-texts', null],
      ['Automations', '/admin/automations', null],
      ['Coaching', '/admin/coaching', null],
      ['SLA calendars and policies', '/admin/slas', null],
      ['Surveys', '/admin/surveys', null],
      ['OneRoster import', '/admin/oneroster', null],
      ['Kept email', '/admin/email-quarantine', null],
    ]);
    expect(page().querySelector('main h1')!.textContent).toBe('Section');
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(page().querySelector('hr-staff-bar .who')!.textContent).toBe('DISTRICT_ADMIN');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('marks the section chosen once the administrator moves to it', async () => {
    await open(['DISTRICT_ADMIN']);
    await harness.navigateByUrl('/admin/email-quarantine');
    expect(sections().filter(([, , current]) => current === 'page')).toEqual([
      ['Kept email', '/admin/email-quarantine', 'page'],
    ]);
  });

  it('tells someone who is not a district administrator that the API refuses what they may not change', async () => {
    await open(['AGENT']);
    expect(page().querySelector('main [role="alert"]')!.textContent!.trim()).toBe(
      'These screens are for district administrators; what you may not change, the API refuses.',
    );
    expect(page().querySelector('main h1')!.textContent).toBe('Section');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('signs out from the staff bar', async () => {
    await open(['DISTRICT_ADMIN']);
    const leave = jest.spyOn(TestBed.inject(SessionService), 'leave').mockResolvedValue(undefined);
    [...page().querySelectorAll('hr-staff-bar button')]
      .find((b) => b.textContent!.trim() === 'Sign out')!
      .dispatchEvent(new MouseEvent('click'));
    expect(leave).toHaveBeenCalledTimes(1);
  });
});
