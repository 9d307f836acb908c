import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  model,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import {
  AdminTeamDepartmentsDocument,
  type AdminTeamDepartmentsQuery,
  type AdminTeamDepartmentsQueryVariables,
  type AdminTeamsQuery,
  UpdateTeamDocument,
} from '../operations.generated';
import { teamChanges } from './team-text';

type Team = AdminTeamsQuery['teams'][number];

/**
 * Renaming a team or moving it to another school or department, inside the team's panel: the
 * departments offered are the district's and the chosen school's. Nothing changes until it is saved; the
 * editor takes the focus when it opens.
 */
@Component({
  selector: 'hr-team-place-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, TakesFocusDirective],
  styles: `
    .editor {
      margin-top: 1rem;
    }
    .editor:focus {
      outline: 3px solid currentColor;
    }
  `,
  template: `
    <form
      class="admin-form editor"
      tabindex="-1"
      hrTakesFocus
      [attr.aria-label]="'Rename or move ' + team().name"
      (ngSubmit)="save()"
    >
      <label [for]="'name-' + team().id">Name</label>
      <input [id]="'name-' + team().id" name="name" required [(ngModel)]="name" />
      <label [for]="'school-' + team().id">School</label>
      <select
        [id]="'school-' + team().id"
        name="school"
        [(ngModel)]="schoolId"
        (ngModelChange)="chooseSchool($event)"
      >
        <option value="">None (a district team)</option>
        @for (school of schools(); track school.id) {
          <option [value]="school.id">{{ school.name }}</option>
        }
      </select>
      <label [for]="'department-' + team().id">Department</label>
      <select [id]="'department-' + team().id" name="department" [(ngModel)]="departmentId">
        <option value="">None</option>
        @for (department of departments(); track department.id) {
          <option [value]="department.id">{{ department.label }}</option>
        }
      </select>
      <p class="hint">Routing follows at once: its rules go on sending cases to this team.</p>
      <div class="actions">
        <button type="submit" [disabled]="busy()">Save {{ team().name }}</button>
        <button type="button" class="secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
      <hr-form-feedback [problems]="problems()" [error]="actions.error()" />
    </form>
  `,
})
export class TeamPlaceEditorComponent implements OnInit {
  /** The team as it was when the editor opened. */
  readonly team = input.required<Team>();
  /** The schools it may move to: the active ones and its own. */
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminTeams'], busy: this.busy });
  /** What was saved, in words. */
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  private readonly departmentsQuery = watchQuery<
    AdminTeamDepartmentsQuery,
    AdminTeamDepartmentsQueryVariables
  >(AdminTeamDepartmentsDocument, { schoolId: null });
  protected readonly name = linkedSignal(() => this.team().name);
  protected readonly schoolId = linkedSignal(() => this.team().schoolId ?? '');
  protected readonly departmentId = linkedSignal(() => this.team().departmentId ?? '');
  protected readonly problems = signal<string[]>([]);
  /** The departments of the school chosen and the district's; the team's own too while it is chosen. */
  protected readonly departments = computed(() => {
    const listed = (this.departmentsQuery.data()?.departments ?? []).map((department) => ({
      id: department.id,
      label: department.schoolId ? `${department.name} (school office)` : department.name,
    }));
    const own = this.team().departmentId;
    return own && this.departmentId() === own && !listed.some((department) => department.id === own)
      ? [...listed, { id: own, label: 'Its current department' }]
      : listed;
  });

  ngOnInit(): void {
    void this.departmentsQuery.ref.refetch({ schoolId: this.team().schoolId });
  }

  /** Another school's departments are other departments: the one chosen no longer applies. */
  protected chooseSchool(schoolId: string): void {
    this.departmentId.set('');
    void this.departmentsQuery.ref.refetch({ schoolId: schoolId || null });
  }

  protected async save(): Promise<void> {
    const team = this.team();
    const result = teamChanges(team, {
      name: this.name(),
      schoolId: this.schoolId(),
      departmentId: this.departmentId(),
    });
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const done = await this.actions.run(UpdateTeamDocument, { id: team.id, input: result.input });
    if (done) this.saved.emit(`${done.updateTeam.name} was saved.`);
  }
}
