import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { ConfirmPanelComponent, FormFeedbackComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import {
  AdminStaffDocument,
  type AdminStaffQuery,
  type AdminStaffQueryVariables,
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  type AdminTeamDepartmentsQueryVariables,
  AdminTeamsDocument,
  type AdminTeamsQuery,
  DeactivateTeamDocument,
  ReactivateTeamDocument,
} from '../operations.generated';
import { CreateTeamFormComponent } from './create-team-form.component';
import { StaffSectionComponent } from './staff-section.component';
import { TeamMembersEditorComponent } from './team-members-editor.component';
import { TeamPlaceEditorComponent } from './team-place-editor.component';
import {
  availabilityText,
  schoolChoices,
  type TeamAction,
  teamActionDone,
  teamActionName,
  teamPlace,
} from './team-text';

type Team = AdminTeamsQuery['teams'][number];

/** What a team's card offers: changing its members, renaming or moving it, switching it off or on. */
type TeamRowAction = 'members' | 'move' | TeamAction;

const STAFF_PAGE = 25;

/**
 * Staff roles and teams: the teams cases are routed to, with their members and whether routing may assign
 * to each now (available, or out of office until a date); creating a team, changing its members, renaming
 * or moving it, and deactivating it (routing assigns its cases to no one) or reactivating it; and each
 * staff member's roles and password (StaffSectionComponent).
 */
@Component({
  selector: 'hr-teams-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ConfirmPanelComponent,
    CreateTeamFormComponent,
    FormFeedbackComponent,
    RowActionsComponent,
    StaffSectionComponent,
    TeamMembersEditorComponent,
    TeamPlaceEditorComponent,
  ],
  styles: `
    .teams {
      display: grid;
      gap: 1rem;
    }
    .panel {
      max-width: 48rem;
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
            @if (!team.active) {
              <p>
                <strong>Deactivated:</strong> routing assigns its cases to no one; members and history are
                kept.
              </p>
            }
            @let editing = editingTeam();
            @let moving = movingTeam();
            @if (editing && editing.id === team.id) {
              <hr-team-members-editor
                [team]="editing"
                [found]="candidates()"
                [(search)]="candidateSearch"
                [(busy)]="busy"
                (find)="findCandidates()"
                (saved)="teamSaved($event)"
                (cancelled)="editingTeam.set(null)"
              />
            } @else if (moving && moving.id === team.id) {
              <hr-team-place-editor
                [team]="moving"
                [schools]="schoolChoicesFor(moving)"
                [(busy)]="busy"
                (saved)="teamSaved($event)"
                (cancelled)="movingTeam.set(null)"
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
              <hr-row-actions
                [label]="'Actions for ' + team.name"
                [actions]="team.actions"
                [busy]="busy()"
                (chosen)="choose(team, $event)"
              />
            }
            @let pending = confirming();
            @if (pending && pending.team.id === team.id) {
              <hr-confirm-panel
                questionId="team-question"
                [confirmLabel]="actionName(pending.action, team.name)"
                [busy]="busy()"
                [error]="changing.error()"
                (confirmed)="run(pending.team, pending.action)"
                (cancelled)="confirming.set(null)"
              >
                @if (pending.action === 'deactivate') {
                  <strong>Deactivate {{ team.name }}?</strong> Routing passes over the rules that send cases
                  to it (the next rule that matches decides); its cases, members and history are kept. You can
                  reactivate it.
                } @else {
                  <strong>Reactivate {{ team.name }}?</strong> Its routing rules apply again, and routing
                  assigns its new cases to its available members.
                }
              </hr-confirm-panel>
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

    <hr-staff-section [schools]="schools()" [(busy)]="busy" />
  `,
})
export class TeamsPageComponent {
  private readonly query = watchQuery(AdminTeamsDocument);
  private readonly departmentsQuery = watchQuery<
    AdminTeamDepartmentsQuery,
    AdminTeamDepartmentsQueryVariables
  >(AdminTeamDepartmentsDocument, { schoolId: null });
  /** Staff an administrator may add to a team. */
  private readonly candidatesQuery = watchQuery<AdminStaffQuery, AdminStaffQueryVariables>(
    AdminStaffDocument,
    { search: null, first: STAFF_PAGE },
  );
  protected readonly loadError = computed(
    () => this.query.error() ?? this.departmentsQuery.error() ?? this.candidatesQuery.error(),
  );
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  /** True while a change runs anywhere on the page: every change button waits for it. */
  protected readonly busy = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly editingTeam = signal<Team | null>(null);
  protected readonly movingTeam = signal<Team | null>(null);
  protected readonly confirming = signal<{ team: Team; action: TeamAction } | null>(null);
  /** Deactivating or reactivating a team; the editors and the create form share `busy` with it. */
  protected readonly changing = injectActions({ refetch: ['AdminTeams'], busy: this.busy });
  protected readonly actionName = teamActionName;
  protected readonly candidateSearch = signal('');
  private readonly now = new Date();

  protected readonly schools = computed(
    () => this.query.data()?.schools.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly activeSchools = computed(() => this.schools().filter((school) => school.active));
  private readonly schoolNames = computed(
    () => new Map(this.schools().map((school) => [school.id, school.name])),
  );
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
      actions: teamRowActions(team),
    }));
  });
  protected readonly candidates = computed(() =>
    (this.candidatesQuery.data()?.people.edges ?? []).map((edge) => edge.node),
  );

  protected choose(team: Team, action: TeamRowAction): void {
    if (action === 'members') this.editMembers(team);
    else if (action === 'move') this.move(team);
    else this.confirm(team, action);
  }

  /** One change to a team at a time: the members, its name and place, or switching it off or on. */
  protected editMembers(team: Team): void {
    this.closeTeamEditors();
    this.editingTeam.set(team);
  }

  protected move(team: Team): void {
    this.closeTeamEditors();
    this.movingTeam.set(team);
  }

  protected confirm(team: Team, action: TeamAction): void {
    this.closeTeamEditors();
    this.confirming.set({ team, action });
  }

  protected schoolChoicesFor(team: Team) {
    return schoolChoices(this.schools(), team.schoolId);
  }

  protected async run(team: Team, action: TeamAction): Promise<void> {
    const variables = { id: team.id };
    const done =
      action === 'deactivate'
        ? await this.changing.run(DeactivateTeamDocument, variables)
        : await this.changing.run(ReactivateTeamDocument, variables);
    if (done) this.teamSaved(teamActionDone(action, team.name));
  }

  protected findCandidates(): void {
    void this.candidatesQuery.ref.refetch({
      search: this.candidateSearch().trim() || null,
      first: STAFF_PAGE,
    });
  }

  protected teamSaved(message: string): void {
    this.closeTeamEditors();
    this.saved.set(message);
  }

  protected showDepartmentsOf(schoolId: string): void {
    void this.departmentsQuery.ref.refetch({ schoolId: schoolId || null });
  }

  private closeTeamEditors(): void {
    this.saved.set(null);
    this.changing.clear();
    this.editingTeam.set(null);
    this.movingTeam.set(null);
    this.confirming.set(null);
  }
}

/** A team card's buttons, named for the team: its members, its name and place, switching it off or on. */
function teamRowActions(team: Team): RowAction<TeamRowAction>[] {
  const action: TeamAction = team.active ? 'deactivate' : 'reactivate';
  return [
    { id: 'members', label: 'Change members', name: `Change members of ${team.name}` },
    { id: 'move', label: 'Rename or move', name: `Rename or move ${team.name}` },
    { id: action, label: team.active ? 'Deactivate' : 'Reactivate', name: teamActionName(action, team.name) },
  ];
}
