import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** The staff workspace's top bar: where to go, who is signed in, and the way out. */
@Component({
  selector: 'hr-staff-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
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
      <button type="button" (click)="signOut.emit()">Sign out</button>
    </header>
  `,
})
export class StaffBarComponent {
  /** The signed-in person's roles; administrators are offered the administration screens (the API refuses others anyway). */
  readonly roles = input.required<readonly string[]>();
  protected readonly who = computed(() => this.roles().join(', '));
  /** Staff who act on cases may review vital messages (the queue is theirs when they translate; ADR 32). */
  protected readonly acts = computed(() =>
    this.roles().some((role) => ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT'].includes(role)),
  );
  readonly signOut = output<void>();
}
