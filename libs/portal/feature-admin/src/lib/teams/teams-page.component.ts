import { ChangeDetectionStrategy, Component, computed, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  AdminStaffDocument,
  type AdminStaffQuery,
  type AdminStaffQueryVariables,
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  type AdminTeamDepartmentsQueryVariables,
  AdminTeamsDocument,
  type AdminTeamsQuery,
} from '../operations.generated';
import { CreateTeamFormComponent } from './create-team-form.component';
import { StaffPasswordEditorComponent } from './staff-password-editor.component';
import { StaffRolesEditorComponent } from './staff-roles-editor.component';
import { TeamMembersEditorComponent } from './team-members-editor.component';
import {
  availabilityText,
  describeGrants,
  grantsOf,
  primaryEmail,
  STAFF_ROLES,
  teamPlace,
} from './team-text';

type Team = AdminTeamsQuery['teams'][number];
type Staff = AdminStaffQuery['people']['edges'][number]['node'];

const STAFF_PAGE = 25;

/**
 * Staff roles and teams: the teams cases are routed to, with their members and whether routing may assign
 * to each now (available, or out of office until a date); creating a team and changing its members; and
 * each staff member's roles (district administrator, school administrator, agent, viewer — the last three
 * per school or district-wide) and their password for the built-in sign-in.
 */
@Component({
  selector: 'hr-teams-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    CreateTeamFormComponent,
    FormFeedbackComponent,
    StaffPasswordEditorComponent,
    StaffRolesEditorComponent,
    TeamMembersEditorComponent,
  ],
  styles: `
    .teams {
      display: grid;
      gap: 1rem;
    }
    .panel {
      max-width: 48rem;
    }
    .actions,
    .inline {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: end;
    }
    .inline div {
      display: grid;
      gap: 0.2rem;
    }
  `,
  template: `
    <h1>Staff roles and teams</h1>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }

    <h2>Teams</h2>
    <p class="hint">
      Routing rules send new cases to a team; the team's available members take them in turn. Someone out of
      office takes none until the day they are back.
    </p>
    @if (loading()) {
      <p role="status">Loading teams…</p>
    } @else {
      <div class="teams">
        @for (team of teams(); track team.id) {
          <section class="panel" [attr.aria-labelledby]="'team-' + team.id" data-testid="team">
            <h3 [id]="'team-' + team.id">{{ team.name }}</h3>
            <p class="hint">{{ team.where }}</p>
            @let editing = editingTeam();
            @if (editing && editing.id === team.id) {
              <hr-team-members-editor
                [team]="editing"
                [found]="candidates()"
                [(search)]="candidateSearch"
                [(busy)]="busy"
                (find)="findCandidates()"
                (saved)="membersSaved($event)"
                (cancelled)="editingTeam.set(null)"
              />
            } @else {
              @if (team.members.length) {
                <table>
                  <caption class="visually-hidden">
                    Members of
                    {{
                      team.name
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Availability</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (member of team.members; track member.person.id) {
                      <tr>
                        <td>
                          <a [routerLink]="['/people', member.person.id]">{{ member.person.displayName }}</a>
                        </td>
                        <td>{{ member.availability }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              } @else {
                <p>No members yet.</p>
              }
              <button
                type="button"
                class="secondary"
                [disabled]="busy()"
                [attr.aria-label]="'Change members of ' + team.name"
                (click)="editMembers(team)"
              >
                Change members
              </button>
            }
          </section>
        } @empty {
          <p>No teams yet: create one below, then send cases to it with a routing rule.</p>
        }
      </div>
    }
    <hr-form-feedback [done]="saved()" />

    <h2>Create a team</h2>
    <hr-create-team-form
      [schools]="activeSchools()"
      [departments]="departmentChoices()"
      [(busy)]="busy"
      (schoolChosen)="showDepartmentsOf($event)"
      (created)="saved.set($event)"
    />

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
    <hr-form-feedback [done]="staffSaved()" />
  `,
})
export class TeamsPageComponent {
  protected readonly roles = STAFF_ROLES;
  private readonly query = watchQuery(AdminTeamsDocument);
  private readonly departmentsQuery = watchQuery<
    AdminTeamDepartmentsQuery,
    AdminTeamDepartmentsQueryVariables
  >(AdminTeamDepartmentsDocument, { schoolId: null });
  private readonly staffQuery = watchQuery<AdminStaffQuery, AdminStaffQueryVariables>(AdminStaffDocument, {
    search: null,
    first: STAFF_PAGE,
  });
  /** The same query, for the people an administrator may add to a team. */
  private readonly candidatesQuery = watchQuery<AdminStaffQuery, AdminStaffQueryVariables>(
    AdminStaffDocument,
    { search: null, first: STAFF_PAGE },
  );
  protected readonly loadError = computed(
    () => this.query.error() ?? this.departmentsQuery.error() ?? this.candidatesQuery.error(),
  );
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly staffError = this.staffQuery.error;
  protected readonly staffLoading = computed(() => this.staffQuery.loading() && !this.staffQuery.data());
  /** True while a change runs anywhere on the page: every change button waits for it. */
  protected readonly busy = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly staffSaved = signal<string | null>(null);
  protected readonly editingTeam = signal<Team | null>(null);
  protected readonly candidateSearch = signal('');
  protected readonly staffSearch = signal('');
  private readonly rolesEditor = viewChild.required(StaffRolesEditorComponent);
  private readonly passwordEditor = viewChild.required(StaffPasswordEditorComponent);
  private readonly now = new Date();

  private readonly schools = computed(() => this.query.data()?.schools.edges.map((edge) => edge.node) ?? []);
  protected readonly activeSchools = computed(() => this.schools().filter((school) => school.active));
  /** Names for school ids: the school list, and the schools staff roles name (a retired school too). */
  protected readonly schoolNames = computed(() => {
    const names = new Map(this.schools().map((school) => [school.id, school.name]));
    for (const edge of this.staffQuery.data()?.people.edges ?? [])
      for (const grant of edge.node.staffRoles)
        if (grant.school) names.set(grant.school.id, grant.school.name);
    return names;
  });
  private readonly departments = computed(() => this.departmentsQuery.data()?.departments ?? []);
  protected readonly departmentChoices = computed(() =>
    this.departments().map((department) => ({
      ...department,
      label: department.schoolId ? `${department.name} (school office)` : department.name,
    })),
  );
  protected readonly teams = computed(() => {
    const departments = new Map(this.departments().map((department) => [department.id, department.name]));
    return (this.query.data()?.teams ?? []).map((team) => ({
      ...team,
      where: teamPlace(team, this.schoolNames(), departments),
      members: team.members.map((member) => ({
        ...member,
        availability: availabilityText(member, this.now),
      })),
    }));
  });
  protected readonly candidates = computed(() =>
    (this.candidatesQuery.data()?.people.edges ?? []).map((edge) => edge.node),
  );
  protected readonly staff = computed(() =>
    (this.staffQuery.data()?.people.edges ?? []).map(({ node: person }) => ({
      ...person,
      email: primaryEmail(person),
      rolesText: describeGrants(grantsOf(person), this.schoolNames()),
    })),
  );
  protected readonly staffTotal = computed(() => this.staffQuery.data()?.people.totalCount ?? 0);

  protected editMembers(team: Team): void {
    this.saved.set(null);
    this.editingTeam.set(team);
  }

  protected findCandidates(): void {
    void this.candidatesQuery.ref.refetch({
      search: this.candidateSearch().trim() || null,
      first: STAFF_PAGE,
    });
  }

  protected membersSaved(message: string): void {
    this.editingTeam.set(null);
    this.saved.set(message);
  }

  protected showDepartmentsOf(schoolId: string): void {
    void this.departmentsQuery.ref.refetch({ schoolId: schoolId || null });
  }

  protected findStaff(): void {
    void this.staffQuery.ref.refetch({ search: this.staffSearch().trim() || null, first: STAFF_PAGE });
  }

  /** One staff editor at a time: opening the roles puts the password away, and the other way round. */
  protected editRoles(person: Staff): void {
    this.staffSaved.set(null);
    this.passwordEditor().close();
    this.rolesEditor().edit(person);
  }

  protected editPassword(person: Staff): void {
    this.staffSaved.set(null);
    this.rolesEditor().close();
    this.passwordEditor().edit(person);
  }
}
