import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService, StaffPresenceService } from '@homeroom/portal/data-access';
import { StaffBarComponent } from '@homeroom/portal/ui';
import { ADMIN_SECTIONS } from './admin-sections';

/** The administration area: the staff bar, the sections on the side, the chosen section beside them. */
@Component({
  selector: 'hr-admin-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, StaffBarComponent],
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <div class="admin">
      <nav aria-label="Administration" class="admin-nav">
        <ul class="plain">
          @for (section of sections; track section.path) {
            <li>
              <a
                [routerLink]="section.path"
                routerLinkActive="active"
                #link="routerLinkActive"
                [attr.aria-current]="link.isActive ? 'page' : null"
                >{{ section.name }}</a
              >
            </li>
          }
        </ul>
      </nav>
      <main class="admin-main">
        @if (!session.roles().includes('DISTRICT_ADMIN')) {
          <p role="alert">
            These screens are for district administrators; what you may not change, the API refuses.
          </p>
        }
        <router-outlet />
      </main>
    </div>
  `,
})
export class AdminShellComponent {
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  protected readonly sections = ADMIN_SECTIONS;
}
