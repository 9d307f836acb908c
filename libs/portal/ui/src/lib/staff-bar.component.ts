import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** Whether the signed-in person is there to answer chats, as the bar shows it. */
export interface StaffBarPresence {
  status: 'AVAILABLE' | 'AWAY';
  /** True while their choice is on its way: the toggle waits for it. */
  busy: boolean;
  /** Why the API did not take it, in plain words. */
  error: string | null;
}

/**
 * The staff workspace's top bar: where to go, whether they are there for chats, who is signed in, and the
 * way out.
 */
@Component({
  selector: 'hr-staff-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  styles: `
    .presence[aria-pressed='true'] {
      background: #1b7f3b;
      color: #fff;
    }
    /* On the bar's dark blue, the page's red alert text could not be read. */
    .presence-error[role='alert'] {
      color: #fff;
      font-size: 0.9rem;
    }
  `,
  template: `
    <header class="bar">
      <strong>Homeroom</strong>
      <nav aria-label="Workspace">
        <a
          routerLink="/inbox"
          routerLinkActive
          #inbox="routerLinkActive"
          [attr.aria-current]="inbox.isActive ? 'page' : null"
          >Inbox</a
        >
        <a
          routerLink="/dashboard"
          routerLinkActive
          #dashboard="routerLinkActive"
          [attr.aria-current]="dashboard.isActive ? 'page' : null"
          >Dashboard</a
        >
        @if (acts()) {
          <a
            routerLink="/reviews"
            routerLinkActive
            #reviews="routerLinkActive"
            [attr.aria-current]="reviews.isActive ? 'page' : null"
            >Reviews</a
          >
          <a
            routerLink="/my-coaching"
            routerLinkActive
            #coaching="routerLinkActive"
            [attr.aria-current]="coaching.isActive ? 'page' : null"
            >My coaching</a
          >
        }
        @if (roles().includes('DISTRICT_ADMIN')) {
          <a
            routerLink="/admin"
            routerLinkActive
            #admin="routerLinkActive"
            [attr.aria-current]="admin.isActive ? 'page' : null"
            >Administration</a
          >
        }
      </nav>
      <span class="who">{{ who() }}</span>
      @if (presence(); as presence) {
        <!-- A toggle keeps one name; its state is aria-pressed, and the mark shows it to the eye. -->
        <button
          type="button"
          class="presence"
          [attr.aria-pressed]="presence.status === 'AVAILABLE'"
          [disabled]="presence.busy"
          (click)="presenceChange.emit(presence.status === 'AVAILABLE' ? 'AWAY' : 'AVAILABLE')"
        >
          <span aria-hidden="true">{{ presence.status === 'AVAILABLE' ? '✓' : '○' }}</span> Available for chat
        </button>
        @if (presence.error; as error) {
          <span class="presence-error" role="alert">Chat presence not saved: {{ error }}</span>
        }
      }
      <button type="button" (click)="signOut.emit()">Sign out</button>
    </header>
  `,
})
export class StaffBarComponent {
  /** The signed-in person's roles; administrators are offered the administration screens (the API refuses others anyway). */
  readonly roles = input.required<readonly string[]>();
  protected readonly who = computed(() => this.roles().join(', '));
  /**
   * Staff who act on cases may review vital messages (the queue is theirs when they translate; ADR 32), and
   * read the coaching reviews of the cases they handled.
   */
  protected readonly acts = computed(() =>
    this.roles().some((role) => ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT'].includes(role)),
  );
  /**
   * Whether they are there to answer chats (staff who act on cases); null offers no toggle (viewers, or
   * not known yet).
   */
  readonly presence = input<StaffBarPresence | null>(null);
  /** The status they chose with the toggle. */
  readonly presenceChange = output<StaffBarPresence['status']>();
  readonly signOut = output<void>();
}
