/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { axeViolations } from '../testing/axe';
import { StaffBarComponent } from './staff-bar.component';

describe('hr-staff-bar', () => {
  let fixture: ComponentFixture<StaffBarComponent>;
  let signedOut: number;
  const bar = () => fixture.nativeElement as HTMLElement;
  const links = () =>
    [...bar().querySelectorAll('nav a')].map((link) => [
      link.textContent,
      link.getAttribute('href'),
      link.getAttribute('aria-current'),
    ]);

  async function render(roles: readonly string[], url = '/'): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    fixture.componentRef.setInput('roles', roles);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'inbox', children: [] },
          { path: 'dashboard', children: [] },
          { path: 'admin', children: [{ path: 'schools', children: [] }] },
          { path: '**', children: [] },
        ]),
      ],
    });
    fixture = TestBed.createComponent(StaffBarComponent);
    signedOut = 0;
    fixture.componentInstance.signOut.subscribe(() => (signedOut += 1));
  });

  afterEach(() => fixture.destroy());

  it('offers an agent the inbox, the dashboard and the review queue, says who is signed in, and no administration', async () => {
    await render(['AGENT']);
    expect(bar().querySelector('nav')!.getAttribute('aria-label')).toBe('Workspace');
    expect(links()).toEqual([
      ['Inbox', '/inbox', null],
      ['Dashboard', '/dashboard', null],
      ['Reviews', '/reviews', null],
    ]);
    expect(bar().querySelector('.who')!.textContent).toBe('AGENT');
    expect(await axeViolations(bar())).toEqual([]);
  });

  it('offers a district administrator the administration screens too', async () => {
    await render(['AGENT', 'DISTRICT_ADMIN']);
    expect(links()).toEqual([
      ['Inbox', '/inbox', null],
      ['Dashboard', '/dashboard', null],
      ['Reviews', '/reviews', null],
      ['Administration', '/admin', null],
    ]);
    expect(bar().querySelector('.who')!.textContent).toBe('AGENT, DISTRICT_ADMIN');
    expect(await axeViolations(bar())).toEqual([]);
  });

  it('marks the link of the page shown as the current page, and only that one', async () => {
    await render(['DISTRICT_ADMIN'], '/dashboard');
    expect(links().map(([name, , current]) => [name, current])).toEqual([
      ['Inbox', null],
      ['Dashboard', 'page'],
      ['Reviews', null],
      ['Administration', null],
    ]);
    await render(['DISTRICT_ADMIN'], '/admin/schools');
    expect(links().map(([name, , current]) => [name, current])).toEqual([
      ['Inbox', null],
      ['Dashboard', null],
      ['Reviews', null],
      ['Administration', 'page'],
    ]);
    expect(await axeViolations(bar())).toEqual([]);
  });

  it('signs out with its button', async () => {
    await render(['VIEWER']);
    // A viewer only reads: reviewing a vital message is acting on its case.
    expect(links().map(([name]) => name)).toEqual(['Inbox', 'Dashboard']);
    const button = bar().querySelector('button')!;
    expect([button.textContent, button.type]).toEqual(['Sign out', 'button']);
    expect(signedOut).toBe(0);
    button.click();
    expect(signedOut).toBe(1);
  });
});
