import { ChangeDetectionStrategy, Component, computed, input, model, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  AdminStaffDocument,
  type AdminStaffQuery,
  type AdminStaffQueryVariables,
} from '../operations.generated';
import { StaffPasswordEditorComponent } from './staff-password-editor.component';
import { StaffRolesEditorComponent } from './staff-roles-editor.component';
import { TranslatorLanguagesEditorComponent } from './translator-languages-editor.component';
import { describeGrants, grantsOf, primaryEmail, STAFF_ROLES } from './team-text';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

const STAFF_PAGE = 25;

/**
 * Staff roles and sign-in, on the teams page: what each role lets a person do, staff found by name or
 * email with the roles they hold, and one editor at a time for a staff member's roles or password.
 */
@Component({
  selector: 'hr-staff-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    FormFeedbackComponent,
    StaffPasswordEditorComponent,
    StaffRolesEditorComponent,
    TranslatorLanguagesEditorComponent,
  ],
  template: `
    <h2>Staff roles and sign-in</h2>
    <ul class="hint">
      @for (option of roles; track option.role) {
        <li>
          <strong>{{ option.name }}</strong> ({{ option.reach }}): {{ option.what }}.
        </li>
      }
    </ul>
    <form class="inline" role="search" aria-label="Staff" (ngSubmit)="findStaff()">
      <div>
        <label for="staff-search">Name or email</label>
        <input id="staff-search" name="staffSearch" type="search" [(ngModel)]="staffSearch" />
      </div>
      <button type="submit">Find staff</button>
    </form>
    @if (staffError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (staffLoading()) {
      <p role="status">Loading staff…</p>
    } @else if (staff().length === 0) {
      <p>No staff found.</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          Staff members and their roles
        </caption>
        <thead>
          <tr>
            <th scope="col">Staff member</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Translates</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (person of staff(); track person.id) {
            <tr data-testid="staff-row">
              <td>
                <a [routerLink]="['/people', person.id]">{{ person.displayName }}</a>
                {{ person.active ? '' : '(inactive)' }}
              </td>
              <td>{{ person.email }}</td>
              <td>{{ person.rolesText }}</td>
              <td>{{ person.translatorLanguages.join(', ') || '—' }}</td>
              <td>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-label]="'Change the roles of ' + person.displayName"
                    (click)="editRoles(person)"
                  >
                    Roles
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-label]="'Change the translator languages of ' + person.displayName"
                    (click)="editLanguages(person)"
                  >
                    Translator
                  </button>
                  @if (person.active) {
                    <button
                      type="button"
                      class="secondary"
                      [attr.aria-label]="'Set a password for ' + person.displayName"
                      (click)="editPassword(person)"
                    >
                      Password
                    </button>
                  }
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (staffTotal() > staff().length) {
        <p class="hint">Showing {{ staff().length }} of {{ staffTotal() }} staff: search to find others.</p>
      }
    }

    <hr-staff-roles-editor
      [schools]="activeSchools()"
      [schoolNames]="schoolNames()"
      [(busy)]="busy"
      (saved)="staffSaved.set($event)"
    />
    <hr-staff-password-editor [(busy)]="busy" (saved)="staffSaved.set($event)" />
    <hr-translator-languages-editor [(busy)]="busy" (saved)="staffSaved.set($event)" />
    <hr-form-feedback [done]="staffSaved()" />
  `,
})
export class StaffSectionComponent {
  protected readonly roles = STAFF_ROLES;
  /** The district's schools, deactivated ones too: roles are given at active ones, named at any. */
  readonly schools = input<readonly { id: string; name: string; active: boolean }[]>([]);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);

  private readonly staffQuery = watchQuery<AdminStaffQuery, AdminStaffQueryVariables>(AdminStaffDocument, {
    search: null,
    first: STAFF_PAGE,
  });
  protected readonly staffError = this.staffQuery.error;
  protected readonly staffLoading = computed(() => this.staffQuery.loading() && !this.staffQuery.data());
  protected readonly staffSaved = signal<string | null>(null);
  protected readonly staffSearch = signal('');
  private readonly rolesEditor = viewChild.required(StaffRolesEditorComponent);
  private readonly passwordEditor = viewChild.required(StaffPasswordEditorComponent);
  private readonly languagesEditor = viewChild.required(TranslatorLanguagesEditorComponent);

  protected readonly activeSchools = computed(() => this.schools().filter((school) => school.active));
  /** Names for school ids: the school list, and the schools staff roles name (a retired school too). */
  protected readonly schoolNames = computed(() => {
    const names = new Map(this.schools().map((school) => [school.id, school.name]));
    for (const edge of this.staffQuery.data()?.people.edges ?? [])
      for (const grant of edge.node.staffRoles)
        if (grant.school) names.set(grant.school.id, grant.school.name);
    return names;
  });
  protected readonly staff = computed(() =>
    (this.staffQuery.data()?.people.edges ?? []).map(({ node: person }) => ({
      ...person,
      email: primaryEmail(person),
      rolesText: describeGrants(grantsOf(person), this.schoolNames()),
    })),
  );
  protected readonly staffTotal = computed(() => this.staffQuery.data()?.people.totalCount ?? 0);

  protected findStaff(): void {
    void this.staffQuery.ref.refetch({ search: this.staffSearch().trim() || null, first: STAFF_PAGE });
  }

  /** One staff editor at a time: opening the roles puts the password away, and the other way round. */
  protected editRoles(person: Staff): void {
    this.staffSaved.set(null);
    this.passwordEditor().close();
    this.languagesEditor().close();
    this.rolesEditor().edit(person);
  }

  protected editPassword(person: Staff): void {
    this.staffSaved.set(null);
    this.rolesEditor().close();
    this.languagesEditor().close();
    this.passwordEditor().edit(person);
  }

  protected editLanguages(person: Staff): void {
    this.staffSaved.set(null);
    this.rolesEditor().close();
    this.passwordEditor().close();
    this.languagesEditor().edit(person);
  }
}
