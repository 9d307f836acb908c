import { ChangeDetectionStrategy, Component, computed, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { ConfirmPanelComponent, FormFeedbackComponent, ShowMoreComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { appendPage, nextPageCursor } from '../connection-page';
import {
  AdminSchoolsDocument,
  type AdminSchoolsQuery,
  type AdminSchoolsQueryVariables,
  CreateSchoolDocument,
  DeactivateSchoolDocument,
  ReactivateSchoolDocument,
  type SchoolType,
} from '../operations.generated';
import {
  COMMON_TIME_ZONES,
  describeGrades,
  GRADES,
  SCHOOL_TYPES,
  type SchoolAction,
  schoolActionName,
  schoolInput,
  schoolTypeName,
} from './school-form';
import { SchoolDepartmentsComponent } from './school-departments.component';

type School = AdminSchoolsQuery['schools']['edges'][number]['node'];

const PAGE_SIZE = 100;
const FALLBACK_TIME_ZONE = 'America/Chicago';

/**
 * Schools and departments: the district's schools (code, type, grades, time zone, whether they still take
 * cases), adding a school, deactivating one (it keeps its history) and reactivating it; and the departments
 * cases and teams belong to, the district's and a chosen school's, with adding one.
 */
@Component({
  selector: 'hr-schools-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ConfirmPanelComponent,
    FormFeedbackComponent,
    RowActionsComponent,
    SchoolDepartmentsComponent,
    ShowMoreComponent,
  ],
  template: `
    <h1>Schools and departments</h1>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }

    <h2>Schools</h2>
    @if (loading()) {
      <p role="status">Loading schools…</p>
    } @else if (schools().length === 0) {
      <p>No schools yet: add the first below, or import them from the student information system.</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          The district's schools by name
        </caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Code</th>
            <th scope="col">Type</th>
            <th scope="col">Grades</th>
            <th scope="col">Time zone</th>
            <th scope="col">Status</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (school of rows(); track school.id) {
            <tr data-testid="school-row">
              <td>{{ school.name }}</td>
              <td>{{ school.code }}</td>
              <td>{{ school.typeName }}</td>
              <td>{{ school.grades }}</td>
              <td>{{ school.timeZone }}</td>
              <td>{{ school.active ? 'Active' : 'Deactivated' }}</td>
              <td>
                <hr-row-actions
                  [label]="'Actions for ' + school.name"
                  [actions]="school.actions"
                  [busy]="busy()"
                  (chosen)="confirm(school, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="hint">Showing {{ schools().length }} of {{ total() }} schools.</p>
      @if (nextCursor()) {
        <hr-show-more label="Show more schools" [loading]="loadingMore()" (more)="showMore()" />
      }
    }
    @if (confirming(); as pending) {
      @let school = pending.school;
      <hr-confirm-panel
        [questionId]="pending.action + '-question'"
        [confirmLabel]="actionName(pending.action, school.name)"
        [busy]="busy()"
        (confirmed)="run(school, pending.action)"
        (cancelled)="cancel()"
      >
        @if (pending.action === 'deactivate') {
          <strong>Deactivate {{ school.name }} ({{ school.code }})?</strong>
          It keeps its cases and history, but families can no longer choose it and it takes no new cases. You
          can reactivate it later.
        } @else {
          <strong>Reactivate {{ school.name }} ({{ school.code }})?</strong>
          Families can choose it again and it takes new cases.
        }
      </hr-confirm-panel>
    }
    <!-- Outside the question, so a refusal stays in view once the question is cancelled. -->
    <hr-form-feedback [error]="changing.error()" />

    <h2>Add a school</h2>
    <form class="admin-form" (ngSubmit)="createSchool()">
      <label for="school-name">Name</label>
      <input id="school-name" name="name" required [(ngModel)]="name" />
      <label for="school-code">Code (the district's short code)</label>
      <input id="school-code" name="code" required [(ngModel)]="code" />
      <label for="school-type">Type</label>
      <select id="school-type" name="type" required [(ngModel)]="type">
        <option value="">Choose a type</option>
        @for (option of schoolTypes; track option.type) {
          <option [value]="option.type">{{ option.name }}</option>
        }
      </select>
      <label for="school-lowest">Lowest grade</label>
      <select id="school-lowest" name="lowestGrade" [(ngModel)]="lowestGrade">
        <option value="">Not set</option>
        @for (grade of grades; track grade) {
          <option [value]="grade">{{ grade }}</option>
        }
      </select>
      <label for="school-highest">Highest grade</label>
      <select id="school-highest" name="highestGrade" [(ngModel)]="highestGrade">
        <option value="">Not set</option>
        @for (grade of grades; track grade) {
          <option [value]="grade">{{ grade }}</option>
        }
      </select>
      <label for="school-time-zone">Time zone (IANA, e.g. America/Chicago)</label>
      <input
        id="school-time-zone"
        name="timeZone"
        required
        list="school-time-zones"
        autocomplete="off"
        [(ngModel)]="timeZone"
      />
      <datalist id="school-time-zones">
        @for (zone of timeZones; track zone) {
          <option [value]="zone"></option>
        }
      </datalist>
      <label for="school-phone">Phone (optional)</label>
      <input id="school-phone" name="phone" type="tel" autocomplete="off" [(ngModel)]="phone" />
      <label for="school-nces">Federal NCES school id (optional)</label>
      <input id="school-nces" name="ncesId" [(ngModel)]="ncesId" />
      <button type="submit" [disabled]="busy()">Add school</button>
      <hr-form-feedback
        [problems]="schoolProblems()"
        lead="The school was not added:"
        [error]="creating.error()"
        [done]="creating.done()"
      />
    </form>

    <hr-school-departments [schools]="schools()" [(busy)]="busy" />
  `,
})
export class SchoolsPageComponent {
  protected readonly schoolTypes = SCHOOL_TYPES;
  protected readonly grades = GRADES;
  protected readonly timeZones = COMMON_TIME_ZONES;
  private readonly query = watchQuery<AdminSchoolsQuery, AdminSchoolsQueryVariables>(AdminSchoolsDocument, {
    first: PAGE_SIZE,
  });
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly busy = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly schoolProblems = signal<string[]>([]);
  /** Adding a school, and changing one from its row: one change at a time across the page. */
  protected readonly creating = injectActions({ refetch: ['AdminSchools'], busy: this.busy });
  protected readonly changing = injectActions({ refetch: ['AdminSchools'], busy: this.busy });
  protected readonly confirming = signal<{ school: School; action: SchoolAction } | null>(null);
  protected readonly actionName = schoolActionName;

  protected readonly name = signal('');
  protected readonly code = signal('');
  protected readonly type = signal<SchoolType | ''>('');
  protected readonly lowestGrade = signal('');
  protected readonly highestGrade = signal('');
  /** The district's time zone until the administrator types another. */
  protected readonly timeZone = linkedSignal(() => this.districtTimeZone());
  protected readonly phone = signal('');
  protected readonly ncesId = signal('');

  protected readonly schools = computed(
    () => this.query.data()?.schools.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly total = computed(() => this.query.data()?.schools.totalCount ?? 0);
  protected readonly nextCursor = computed(() => nextPageCursor(this.query.data()?.schools));
  protected readonly rows = computed(() =>
    this.schools().map((school) => ({
      ...school,
      typeName: schoolTypeName(school.type),
      grades: describeGrades(school.lowestGrade, school.highestGrade),
      actions: [schoolRowAction(school)],
    })),
  );
  private readonly districtTimeZone = computed(
    () => this.query.data()?.district?.timeZone ?? FALLBACK_TIME_ZONE,
  );

  protected async showMore(): Promise<void> {
    const after = this.nextCursor();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    try {
      await this.query.ref.fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          ...shown,
          schools: appendPage(shown.schools, fetchMoreResult.schools),
        }),
      });
    } catch {
      this.creating.refuse('More schools could not be loaded. Please try again.');
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async createSchool(): Promise<void> {
    this.creating.clear();
    const result = schoolInput({
      name: this.name(),
      code: this.code(),
      type: this.type(),
      lowestGrade: this.lowestGrade(),
      highestGrade: this.highestGrade(),
      timeZone: this.timeZone(),
      phone: this.phone(),
      ncesId: this.ncesId(),
    });
    this.schoolProblems.set(result.problems ?? []);
    if (!result.input) return;
    const created = await this.creating.run(
      CreateSchoolDocument,
      { input: result.input },
      { done: ({ createSchool }) => `${createSchool.name} was added.` },
    );
    if (!created) return;
    for (const field of [this.name, this.code, this.lowestGrade, this.highestGrade, this.phone, this.ncesId])
      field.set('');
    this.type.set('');
    this.timeZone.set(this.districtTimeZone());
  }

  protected confirm(school: School, action: SchoolAction): void {
    this.changing.clear();
    this.confirming.set({ school, action });
  }

  protected cancel(): void {
    this.confirming.set(null);
  }

  protected async run(school: School, action: SchoolAction): Promise<void> {
    const variables = { id: school.id };
    const done =
      action === 'deactivate'
        ? await this.changing.run(DeactivateSchoolDocument, variables)
        : await this.changing.run(ReactivateSchoolDocument, variables);
    if (done) this.confirming.set(null);
  }
}

/** A school's one row action: deactivating an active school, reactivating a deactivated one. */
function schoolRowAction(school: School): RowAction<SchoolAction> {
  const action: SchoolAction = school.active ? 'deactivate' : 'reactivate';
  return {
    id: action,
    label: action === 'deactivate' ? 'Deactivate' : 'Reactivate',
    name: schoolActionName(action, school.name),
  };
}
