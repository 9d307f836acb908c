import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
  type WritableSignal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { runMutation, watchQuery } from '@homeroom/portal/data-access';
import {
  AdminStaffDocument,
  type AdminStaffQuery,
  type AdminStaffQueryVariables,
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  type AdminTeamDepartmentsQueryVariables,
  AdminTeamsDocument,
  type AdminTeamsQuery,
  CreateTeamDocument,
  SetStaffPasswordDocument,
  SetStaffRolesDocument,
  SetTeamMembersDocument,
  type StaffRole,
} from '../operations.generated';
import {
  addGrant,
  availabilityText,
  backOnField,
  describeGrant,
  describeGrants,
  type Grant,
  grantProblem,
  membersInput,
  passwordProblems,
  rolesInput,
  STAFF_ROLES,
  teamInput,
} from './team-text';

type Team = AdminTeamsQuery['teams'][number];
type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/** A member in the members form: availability and return date as signals the inputs bind to. */
interface MemberRow {
  personId: string;
  name: string;
  available: WritableSignal<boolean>;
  backOn: WritableSignal<string>;
}

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
  imports: [FormsModule, RouterLink],
  styles: `
    .teams {
      display: grid;
      gap: 1rem;
    }
    .panel {
      max-width: 48rem;
    }
    .panel:focus {
      outline: 3px solid currentColor;
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
    .editor {
      margin-top: 1rem;
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
            @if (editingTeam()?.id === team.id) {
              <div
                class="editor"
                tabindex="-1"
                #membersEditor
                role="group"
                [attr.aria-label]="'Members of ' + team.name"
              >
                @if (memberRows().length) {
                  <table>
                    <caption>
                      {{
                        'Members of ' + team.name + ', as they will be saved'
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Member</th>
                        <th scope="col">Takes new cases</th>
                        <th scope="col">Out of office until (the day they are back)</th>
                        <th scope="col"><span class="visually-hidden">Actions</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (row of memberRows(); track row.personId) {
                        <tr>
                          <td>{{ row.name }}</td>
                          <td>
                            <input
                              type="checkbox"
                              [id]="'available-' + row.personId"
                              [(ngModel)]="row.available"
                            />
                            <label [for]="'available-' + row.personId">
                              <span class="visually-hidden">{{ row.name }} </span>takes new cases
                            </label>
                          </td>
                          <td>
                            <label class="visually-hidden" [for]="'back-' + row.personId">
                              {{ row.name }} is out of office until
                            </label>
                            <input type="date" [id]="'back-' + row.personId" [(ngModel)]="row.backOn" />
                          </td>
                          <td>
                            <button
                              type="button"
                              class="secondary"
                              [attr.aria-label]="'Remove ' + row.name + ' from ' + team.name"
                              (click)="removeMember(row.personId)"
                            >
                              Remove
                            </button>
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                } @else {
                  <p>No members: routing cannot assign this team's cases to anyone.</p>
                }
                <div class="inline">
                  <div>
                    <label for="member-search">Find staff to add (name or email)</label>
                    <input
                      id="member-search"
                      type="search"
                      [(ngModel)]="memberSearch"
                      (keydown.enter)="findMembers()"
                    />
                  </div>
                  <button type="button" class="secondary" (click)="findMembers()">Find</button>
                </div>
                <ul class="plain" [attr.aria-label]="'Staff who can join ' + team.name">
                  @for (person of memberCandidates(); track person.id) {
                    <li>
                      {{ person.displayName }} · {{ person.email }}
                      <button
                        type="button"
                        class="secondary"
                        [attr.aria-label]="'Add ' + person.displayName + ' to ' + team.name"
                        (click)="addMember(person)"
                      >
                        Add
                      </button>
                    </li>
                  } @empty {
                    <li>No one else found.</li>
                  }
                </ul>
                <div class="actions">
                  <button type="button" [disabled]="busy()" (click)="saveMembers(team)">
                    Save the members of {{ team.name }}
                  </button>
                  <button type="button" class="secondary" (click)="editingTeam.set(null)">Cancel</button>
                </div>
                @if (membersProblems().length) {
                  <div role="alert" class="error">
                    <ul>
                      @for (problem of membersProblems(); track problem) {
                        <li>{{ problem }}</li>
                      }
                    </ul>
                  </div>
                }
                @if (membersError(); as error) {
                  <p role="alert" class="error">{{ error }}</p>
                }
              </div>
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
    @if (saved(); as saved) {
      <p role="status">{{ saved }}</p>
    }

    <h2>Create a team</h2>
    <form class="admin-form" (ngSubmit)="createTeam()">
      <label for="team-name">Name</label>
      <input id="team-name" name="name" required [(ngModel)]="teamName" />
      <label for="team-school">School</label>
      <select
        id="team-school"
        name="school"
        [(ngModel)]="teamSchoolId"
        (ngModelChange)="chooseTeamSchool($event)"
      >
        <option value="">None (a district team)</option>
        @for (school of activeSchools(); track school.id) {
          <option [value]="school.id">{{ school.name }}</option>
        }
      </select>
      <label for="team-department">Department</label>
      <select id="team-department" name="department" [(ngModel)]="teamDepartmentId">
        <option value="">None</option>
        @for (department of departmentChoices(); track department.id) {
          <option [value]="department.id">{{ department.label }}</option>
        }
      </select>
      <p class="hint">Members are added once the team exists.</p>
      <button type="submit" [disabled]="busy()">Create team</button>
      @if (teamProblems().length) {
        <div role="alert" class="error">
          <ul>
            @for (problem of teamProblems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        </div>
      }
      @if (teamError(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </form>

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

    @if (rolesOf(); as person) {
      <section class="panel editor" aria-labelledby="roles-heading" tabindex="-1" #rolesEditor>
        <h3 id="roles-heading">Roles of {{ person.displayName }}</h3>
        <ul class="plain">
          @for (grant of grantRows(); track grant.key) {
            <li>
              {{ grant.text }}
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="'Remove ' + grant.text + ' from ' + person.displayName"
                (click)="removeGrant(grant.grant)"
              >
                Remove
              </button>
            </li>
          } @empty {
            <li>No roles: with none, {{ person.displayName }} cannot use the staff portal.</li>
          }
        </ul>
        <form class="inline" (ngSubmit)="addRole()">
          <div>
            <label for="grant-role">Role</label>
            <select id="grant-role" name="role" [(ngModel)]="grantRole">
              <option value="">Choose a role</option>
              @for (option of roles; track option.role) {
                <option [value]="option.role">{{ option.name }}</option>
              }
            </select>
          </div>
          <div>
            <label for="grant-school">Where</label>
            <select id="grant-school" name="school" [(ngModel)]="grantSchoolId">
              <option value="">The whole district</option>
              @for (school of activeSchools(); track school.id) {
                <option [value]="school.id">{{ school.name }}</option>
              }
            </select>
          </div>
          <button type="submit" class="secondary">Add role</button>
        </form>
        @if (grantError(); as error) {
          <p role="alert" class="error">{{ error }}</p>
        }
        <p class="hint">
          Nothing changes until you save; saving replaces all of {{ person.displayName }}'s roles.
        </p>
        <div class="actions">
          <button type="button" [disabled]="busy()" (click)="saveRoles(person)">
            Save the roles of {{ person.displayName }}
          </button>
          <button type="button" class="secondary" (click)="rolesOf.set(null)">Cancel</button>
        </div>
        @if (rolesError(); as error) {
          <p role="alert" class="error">{{ error }}</p>
        }
      </section>
    }

    @if (passwordOf(); as person) {
      <section class="panel editor" aria-labelledby="password-heading" tabindex="-1" #passwordEditor>
        <h3 id="password-heading">Set a password for {{ person.displayName }}</h3>
        <p class="hint">
          For the built-in sign-in. It replaces the current password and lifts any lockout. At least 12
          characters; give it to them in person or by phone.
        </p>
        <form class="admin-form" (ngSubmit)="savePassword(person)">
          <label for="staff-password">New password</label>
          <input
            id="staff-password"
            name="password"
            type="password"
            autocomplete="new-password"
            [(ngModel)]="password"
          />
          <label for="staff-password-repeat">The same password again</label>
          <input
            id="staff-password-repeat"
            name="passwordRepeat"
            type="password"
            autocomplete="new-password"
            [(ngModel)]="passwordRepeat"
          />
          <div class="actions">
            <button type="submit" [disabled]="busy()">Set the password of {{ person.displayName }}</button>
            <button type="button" class="secondary" (click)="passwordOf.set(null)">Cancel</button>
          </div>
          @if (passwordProblems().length) {
            <div role="alert" class="error">
              <ul>
                @for (problem of passwordProblems(); track problem) {
                  <li>{{ problem }}</li>
                }
              </ul>
            </div>
          }
          @if (passwordError(); as error) {
            <p role="alert" class="error">{{ error }}</p>
          }
        </form>
      </section>
    }
    @if (staffSaved(); as saved) {
      <p role="status">{{ saved }}</p>
    }
  `,
})
export class TeamsPageComponent {
  private readonly apollo = inject(Apollo);
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
    {
      search: null,
      first: STAFF_PAGE,
    },
  );
  protected readonly loadError = computed(
    () => this.query.error() ?? this.departmentsQuery.error() ?? this.candidatesQuery.error(),
  );
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly staffError = this.staffQuery.error;
  protected readonly staffLoading = computed(() => this.staffQuery.loading() && !this.staffQuery.data());
  protected readonly busy = signal(false);
  protected readonly saved = signal<string | null>(null);
  private readonly now = new Date();

  protected readonly editingTeam = signal<Team | null>(null);
  protected readonly memberRows = signal<MemberRow[]>([]);
  protected readonly memberSearch = signal('');
  protected readonly membersProblems = signal<string[]>([]);
  protected readonly membersError = signal<string | null>(null);

  protected readonly teamName = signal('');
  protected readonly teamSchoolId = signal('');
  protected readonly teamDepartmentId = signal('');
  protected readonly teamProblems = signal<string[]>([]);
  protected readonly teamError = signal<string | null>(null);

  protected readonly staffSearch = signal('');
  protected readonly rolesOf = signal<Staff | null>(null);
  protected readonly grants = signal<Grant[]>([]);
  protected readonly grantRole = signal<StaffRole | ''>('');
  protected readonly grantSchoolId = signal('');
  protected readonly grantError = signal<string | null>(null);
  protected readonly rolesError = signal<string | null>(null);
  protected readonly passwordOf = signal<Staff | null>(null);
  protected readonly password = signal('');
  protected readonly passwordRepeat = signal('');
  protected readonly passwordProblems = signal<string[]>([]);
  protected readonly passwordError = signal<string | null>(null);
  protected readonly staffSaved = signal<string | null>(null);

  private readonly schools = computed(() => this.query.data()?.schools.edges.map((edge) => edge.node) ?? []);
  protected readonly activeSchools = computed(() => this.schools().filter((school) => school.active));
  /** Names for school ids: the school list, and the schools staff roles name (a retired school too). */
  private readonly schoolNames = computed(() => {
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
    const schools = this.schoolNames();
    const departments = new Map(this.departments().map((department) => [department.id, department.name]));
    return (this.query.data()?.teams ?? []).map((team) => ({
      ...team,
      where: [
        team.schoolId ? (schools.get(team.schoolId) ?? 'A school') : 'District team',
        team.departmentId ? departments.get(team.departmentId) : null,
      ]
        .filter(Boolean)
        .join(' · '),
      members: team.members.map((member) => ({
        ...member,
        availability: availabilityText(member, this.now),
      })),
    }));
  });
  protected readonly memberCandidates = computed(() => {
    const members = new Set(this.memberRows().map((row) => row.personId));
    return (this.candidatesQuery.data()?.people.edges ?? [])
      .map((edge) => edge.node)
      .filter((person) => person.active && !members.has(person.id))
      .map((person) => ({ ...person, email: primaryEmail(person) }));
  });
  protected readonly staff = computed(() =>
    (this.staffQuery.data()?.people.edges ?? []).map(({ node: person }) => ({
      ...person,
      email: primaryEmail(person),
      rolesText: describeGrants(grantsOf(person), this.schoolNames()),
    })),
  );
  protected readonly staffTotal = computed(() => this.staffQuery.data()?.people.totalCount ?? 0);
  protected readonly grantRows = computed(() =>
    this.grants().map((grant) => ({
      grant,
      key: `${grant.role}:${grant.schoolId ?? ''}`,
      text: describeGrant(grant, this.schoolNames()),
    })),
  );
  private readonly membersEditor = viewChild<ElementRef<HTMLElement>>('membersEditor');
  private readonly rolesEditor = viewChild<ElementRef<HTMLElement>>('rolesEditor');
  private readonly passwordEditor = viewChild<ElementRef<HTMLElement>>('passwordEditor');

  constructor() {
    // An editor that opens takes the focus, so keyboard and screen-reader users land in it.
    afterRenderEffect(() => this.membersEditor()?.nativeElement.focus());
    afterRenderEffect(() => this.rolesEditor()?.nativeElement.focus());
    afterRenderEffect(() => this.passwordEditor()?.nativeElement.focus());
  }

  protected editMembers(team: Team): void {
    this.memberRows.set(
      team.members.map((member) => ({
        personId: member.person.id,
        name: member.person.displayName,
        available: signal(member.available),
        backOn: signal(backOnField(member.outOfOfficeUntil, this.now)),
      })),
    );
    this.membersProblems.set([]);
    this.membersError.set(null);
    this.saved.set(null);
    this.editingTeam.set(team);
  }

  protected findMembers(): void {
    void this.candidatesQuery.ref.refetch({ search: this.memberSearch().trim() || null, first: STAFF_PAGE });
  }

  protected addMember(person: Staff): void {
    this.memberRows.update((rows) => [
      ...rows,
      { personId: person.id, name: person.displayName, available: signal(true), backOn: signal('') },
    ]);
  }

  protected removeMember(personId: string): void {
    this.memberRows.update((rows) => rows.filter((row) => row.personId !== personId));
  }

  protected async saveMembers(team: Team): Promise<void> {
    const result = membersInput(
      this.memberRows().map((row) => ({
        personId: row.personId,
        name: row.name,
        available: row.available(),
        backOn: row.backOn(),
      })),
      new Date(),
    );
    this.membersProblems.set(result.problems ?? []);
    if (!result.input) return;
    const done = await runMutation(
      this.apollo,
      SetTeamMembersDocument,
      { teamId: team.id, members: result.input },
      { busy: this.busy, error: this.membersError },
      ['AdminTeams'],
    );
    if (!done) return;
    this.editingTeam.set(null);
    this.saved.set(`The members of ${team.name} were saved.`);
  }

  protected chooseTeamSchool(schoolId: string): void {
    this.teamDepartmentId.set('');
    void this.departmentsQuery.ref.refetch({ schoolId: schoolId || null });
  }

  protected async createTeam(): Promise<void> {
    const result = teamInput({
      name: this.teamName(),
      schoolId: this.teamSchoolId(),
      departmentId: this.teamDepartmentId(),
    });
    this.teamProblems.set(result.problems ?? []);
    if (!result.input) return;
    const created = await runMutation(
      this.apollo,
      CreateTeamDocument,
      { input: result.input },
      { busy: this.busy, error: this.teamError },
      ['AdminTeams'],
    );
    if (!created) return;
    this.teamName.set('');
    this.saved.set(`${created.createTeam.name} was created: add its members with “Change members”.`);
  }

  protected findStaff(): void {
    void this.staffQuery.ref.refetch({ search: this.staffSearch().trim() || null, first: STAFF_PAGE });
  }

  protected editRoles(person: Staff): void {
    this.grants.set(grantsOf(person));
    this.grantRole.set('');
    this.grantSchoolId.set('');
    this.grantError.set(null);
    this.rolesError.set(null);
    this.staffSaved.set(null);
    this.passwordOf.set(null);
    this.rolesOf.set(person);
  }

  protected addRole(): void {
    const role = this.grantRole();
    const problem = grantProblem(role, this.grantSchoolId());
    this.grantError.set(problem);
    if (problem || !role) return;
    this.grants.update((grants) => addGrant(grants, { role, schoolId: this.grantSchoolId() || null }));
    this.grantRole.set('');
    this.grantSchoolId.set('');
  }

  protected removeGrant(grant: Grant): void {
    this.grants.update((grants) => grants.filter((held) => held !== grant));
  }

  protected async saveRoles(person: Staff): Promise<void> {
    const done = await runMutation(
      this.apollo,
      SetStaffRolesDocument,
      { personId: person.id, roles: rolesInput(this.grants()) },
      { busy: this.busy, error: this.rolesError },
      ['AdminStaff'],
    );
    if (!done) return;
    this.rolesOf.set(null);
    this.staffSaved.set(
      `${person.displayName}'s roles were saved; they apply from their next sign-in or token renewal.`,
    );
  }

  protected editPassword(person: Staff): void {
    this.password.set('');
    this.passwordRepeat.set('');
    this.passwordProblems.set([]);
    this.passwordError.set(null);
    this.staffSaved.set(null);
    this.rolesOf.set(null);
    this.passwordOf.set(person);
  }

  protected async savePassword(person: Staff): Promise<void> {
    const problems = passwordProblems(this.password(), this.passwordRepeat(), primaryEmail(person) || null);
    this.passwordProblems.set(problems);
    if (problems.length) return;
    const done = await runMutation(
      this.apollo,
      SetStaffPasswordDocument,
      { personId: person.id, password: this.password() },
      { busy: this.busy, error: this.passwordError },
      [],
    );
    if (!done) return;
    this.password.set('');
    this.passwordRepeat.set('');
    this.passwordOf.set(null);
    this.staffSaved.set(`${person.displayName}'s password was set, and any lockout lifted.`);
  }
}

function grantsOf(person: Staff): Grant[] {
  return person.staffRoles.map((grant) => ({ role: grant.role, schoolId: grant.school?.id ?? null }));
}

function primaryEmail(person: Staff): string {
  return (person.emails.find((email) => email.primary) ?? person.emails[0])?.address ?? '';
}
