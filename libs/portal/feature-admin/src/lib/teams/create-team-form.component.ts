import { ChangeDetectionStrategy, Component, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { CreateTeamDocument } from '../operations.generated';
import { teamInput } from './team-text';

/**
 * Creating a team: its name, and the school and department it works for (none: a district team).
 * Members are added once it exists.
 */
@Component({
  selector: 'hr-create-team-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <form class="admin-form" (ngSubmit)="create()">
      <label for="team-name">Name</label>
      <input id="team-name" name="name" required [(ngModel)]="name" />
      <label for="team-school">School</label>
      <select id="team-school" name="school" [(ngModel)]="schoolId" (ngModelChange)="chooseSchool($event)">
        <option value="">None (a district team)</option>
        @for (school of schools(); track school.id) {
          <option [value]="school.id">{{ school.name }}</option>
        }
      </select>
      <label for="team-department">Department</label>
      <select id="team-department" name="department" [(ngModel)]="departmentId">
        <option value="">None</option>
        @for (department of departments(); track department.id) {
          <option [value]="department.id">{{ department.label }}</option>
        }
      </select>
      <p class="hint">Members are added once the team exists.</p>
      <button type="submit" [disabled]="busy()">Create team</button>
      <hr-form-feedback [problems]="problems()" [error]="actions.error()" />
    </form>
  `,
})
export class CreateTeamFormComponent {
  /** The schools a team may work for: the active ones. */
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** The departments of the school chosen (and the district's), as the picker names them. */
  readonly departments = input<readonly { id: string; label: string }[]>([]);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminTeams'], busy: this.busy });
  /** The school chosen ('' for none): the page lists that school's departments. */
  readonly schoolChosen = output<string>();
  /** What was created, in words. */
  readonly created = output<string>();

  protected readonly name = signal('');
  protected readonly schoolId = signal('');
  protected readonly departmentId = signal('');
  protected readonly problems = signal<string[]>([]);

  /** Another school's departments are other departments: the one chosen no longer applies. */
  protected chooseSchool(schoolId: string): void {
    this.departmentId.set('');
    this.schoolChosen.emit(schoolId);
  }

  protected async create(): Promise<void> {
    const result = teamInput({
      name: this.name(),
      schoolId: this.schoolId(),
      departmentId: this.departmentId(),
    });
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const created = await this.actions.run(CreateTeamDocument, { input: result.input });
    if (!created) return;
    this.name.set('');
    this.created.emit(`${created.createTeam.name} was created: add its members with “Change members”.`);
  }
}
