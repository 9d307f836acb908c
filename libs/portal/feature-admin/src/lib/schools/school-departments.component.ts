import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  AdminDepartmentsDocument,
  type AdminDepartmentsQuery,
  type AdminDepartmentsQueryVariables,
  CreateDepartmentDocument,
} from '../operations.generated';

/**
 * The departments cases and teams belong to: the district's, with those of a school the administrator
 * picks, and adding one to the district or to a school.
 */
@Component({
  selector: 'hr-school-departments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <h2>Departments</h2>
    <p class="hint">
      District departments (Transportation, Enrollment) take cases from every school; a school's office takes
      its own.
    </p>
    <div class="admin-form">
      <label for="departments-of">Show departments of</label>
      <select
        id="departments-of"
        name="departmentsOf"
        [(ngModel)]="departmentSchoolId"
        (ngModelChange)="showDepartments($event)"
      >
        <option value="">The district only</option>
        @for (school of schools(); track school.id) {
          <option [value]="school.id">The district and {{ school.name }}</option>
        }
      </select>
    </div>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading departments…</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          Departments
        </caption>
        <thead>
          <tr>
            <th scope="col">Department</th>
            <th scope="col">Belongs to</th>
          </tr>
        </thead>
        <tbody>
          @for (department of departments(); track department.id) {
            <tr>
              <td>{{ department.name }}</td>
              <td>{{ department.owner }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="2">No departments yet.</td>
            </tr>
          }
        </tbody>
      </table>
    }

    <h2>Add a department</h2>
    <form class="admin-form" (ngSubmit)="createDepartment()">
      <label for="department-name">Name</label>
      <input id="department-name" name="departmentName" required [(ngModel)]="departmentName" />
      <label for="department-owner">Belongs to</label>
      <select id="department-owner" name="departmentOwner" [(ngModel)]="departmentOwner">
        <option value="">The district</option>
        @for (school of activeSchools(); track school.id) {
          <option [value]="school.id">{{ school.name }}</option>
        }
      </select>
      <button type="submit" [disabled]="busy() || !departmentName().trim()">Add department</button>
      <hr-form-feedback [error]="actions.error()" />
    </form>
  `,
})
export class SchoolDepartmentsComponent {
  /** The schools listed so far, for the pickers and for naming a department's school. */
  readonly schools = input.required<readonly { id: string; name: string; active: boolean }[]>();
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminDepartments'], busy: this.busy });

  private readonly query = watchQuery<AdminDepartmentsQuery, AdminDepartmentsQueryVariables>(
    AdminDepartmentsDocument,
    { schoolId: null },
  );
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly departmentSchoolId = signal('');
  protected readonly departmentName = signal('');
  protected readonly departmentOwner = signal('');

  protected readonly activeSchools = computed(() => this.schools().filter((school) => school.active));
  protected readonly departments = computed(() => {
    const names = new Map(this.schools().map((school) => [school.id, school.name]));
    return (this.query.data()?.departments ?? []).map((department) => ({
      ...department,
      owner: department.schoolId ? (names.get(department.schoolId) ?? 'A school') : 'The district',
    }));
  });

  protected showDepartments(schoolId: string): void {
    void this.query.ref.refetch({ schoolId: schoolId || null });
  }

  protected async createDepartment(): Promise<void> {
    const owner = this.departmentOwner() || null;
    const created = await this.actions.run(CreateDepartmentDocument, {
      name: this.departmentName().trim(),
      schoolId: owner,
    });
    if (!created) return;
    this.departmentName.set('');
    // Show the list the new department is in.
    if (owner && owner !== this.departmentSchoolId()) {
      this.departmentSchoolId.set(owner);
      this.showDepartments(owner);
    }
  }
}
