/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { axeViolations } from '../testing/axe';
import { type StaffBarPresence, StaffBarComponent } from './staff-bar.component';

describe('hr-staff-bar', () => {
  let fixture: ComponentFixture<StaffBarComponent>;
  let signedOut: number;
  let chosen: StaffBarPresence['status'][];
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
    chosen = [];
    fixture.componentInstance.presenceChange.subscribe((status) => chosen.push(status));
  });

  afterEach(() => fixture.destroy());

  it('offers an agent the inbox, the dashboard, the review queue and their coaching reviews, says who is signed in, and no administration', async () => {
    await render(['AGENT']);
    expect(bar().querySelector('nav')!.getAttribute('aria-label')).toBe('Workspace');
    expect(links()).toEqual([
      ['Inbox', '/inbox', null],
      ['Dashboard', '/dashboard', null],
      ['Reviews', '/reviews', null],
      ['My coaching', '/my-coaching', null],
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
      ['My coaching', '/my-coaching', null],
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
      ['My coaching', null],
      ['Administration', null],
    ]);
    await render(['DISTRICT_ADMIN'], '/admin/schools');
    expect(links().map(([name, , current]) => [name, current])).toEqual([
      ['Inbox', null],
      ['Dashboard', null],
      ['Reviews', null],
      ['My coaching', null],
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

  describe('the chat presence toggle', () => {
    const toggle = () => bar().querySelector<HTMLButtonElement>('button.presence') ?? undefined;
    /** What a screen reader names it: its text without the mark that is for the eye only. */
    const name = () => {
      const copy = toggle()!.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((mark) => mark.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const state = () => [toggle()!.getAttribute('aria-pressed'), toggle()!.disabled];

    async function show(presence: StaffBarPresence | null): Promise<void> {
      fixture.componentRef.setInput('presence', presence);
      await render(['AGENT']);
    }

    it('shows an agent who is away as not pressed, and asks for available when pressed', async () => {
      await show({ status: 'AWAY', busy: false, error: null });
      expect(toggle()!.type).toBe('button');
      expect(state()).toEqual(['false', false]);
      expect(name()).toBe('Available for chat');
      expect(toggle()!.textContent!.replace(/\s+/g, ' ').trim()).toBe('○ Available for chat');
      toggle()!.click();
      expect(chosen).toEqual(['AVAILABLE']);
      expect(await axeViolations(bar())).toEqual([]);
    });

    it('shows an available agent as pressed, and asks for away when pressed again', async () => {
      await show({ status: 'AVAILABLE', busy: false, error: null });
      expect(state()).toEqual(['true', false]);
      // The same name either way: only its pressed state changes.
      expect(name()).toBe('Available for chat');
      expect(toggle()!.textContent).toContain('✓');
      toggle()!.click();
      expect(chosen).toEqual(['AWAY']);
      expect(await axeViolations(bar())).toEqual([]);
    });

    it('waits while a choice is on its way, and says why the API did not take one', async () => {
      await show({ status: 'AWAY', busy: true, error: null });
      expect(state()).toEqual(['false', true]);
      toggle()!.click();
      expect(chosen).toEqual([]);

      await show({ status: 'AWAY', busy: false, error: 'You do not have access to this.' });
      expect(bar().querySelector('[role="alert"]')!.textContent).toBe(
        'Chat presence not saved: You do not have access to this.',
      );
      expect(await axeViolations(bar())).toEqual([]);
    });

    it('is not offered without a presence to show (a viewer, or before it is known)', async () => {
      await show(null);
      expect(toggle()).toBeUndefined();
      expect(bar().querySelector('[role="alert"]')).toBeNull();
    });
  });
});
