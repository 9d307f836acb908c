import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  input,
  model,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  type AdminSlasQuery,
  AdminSlasSaveCalendarDocument,
  type CalendarScope,
  type ClosureInput,
} from '../operations.generated';
import { ClosureListEditorComponent } from './closure-list-editor.component';
import { districtCalendarOf } from './sla-lists';
import { type CalendarForm, calendarForm, calendarInput, newCalendarForm } from './calendar-form';
import { WEEKDAY_NAMES } from './days-and-times';

type Calendar = AdminSlasQuery['businessCalendars'][number];

const SCOPE_NAMES: Record<CalendarScope, string> = {
  DISTRICT: 'District',
  SCHOOL: 'School',
  DEPARTMENT: 'Department',
};

/**
 * The calendar editor: a new calendar, or the saved one `edit` is given. Name, whose calendar it is, time
 * zone, weekly opening hours and the list of closures, checked before saving (one calendar for the
 * district, at most one a school).
 */
@Component({
  selector: 'hr-calendar-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ClosureListEditorComponent, FormFeedbackComponent],
  styles: `
    .week {
      display: grid;
      grid-template-columns: 8rem minmax(0, 20rem);
      gap: 0.3rem 0.6rem;
      align-items: center;
    }
    .week label {
      margin: 0;
    }
  `,
  template: `
    <h2>{{ id() ? 'Edit calendar ' + name() : 'Add a calendar' }}</h2>
    <form class="admin-form" (ngSubmit)="save()">
      <label for="calendar-name">Name</label>
      <input #nameInput id="calendar-name" name="name" required [(ngModel)]="name" />
      <label for="calendar-scope">For</label>
      <select id="calendar-scope" name="scope" [(ngModel)]="scope">
        @for (scope of scopeOptions(); track scope) {
          <option [value]="scope">{{ scopeNames[scope] }}</option>
        }
      </select>
      @if (scope() === 'SCHOOL') {
        <label for="calendar-school">School</label>
        <select id="calendar-school" name="school" required [(ngModel)]="schoolId">
          <option value="">Choose a school</option>
          @for (school of schools(); track school.id) {
            <option [value]="school.id">{{ school.name }}</option>
          }
        </select>
      }
      <label for="calendar-zone">Time zone</label>
      <input
        id="calendar-zone"
        name="timeZone"
        required
        list="calendar-zones"
        aria-describedby="calendar-zone-hint"
        [(ngModel)]="timeZone"
      />
      <datalist id="calendar-zones">
        @for (zone of timeZones; track zone) {
          <option [value]="zone"></option>
        }
      </datalist>
      <p id="calendar-zone-hint" class="hint">An IANA time zone, such as America/Chicago.</p>
      <fieldset>
        <legend>Weekly opening hours</legend>
        <p class="hint" id="calendar-hours-hint">
          Hours like 07:30-16:30; several a day with commas (08:00-12:00, 13:00-17:00); empty when closed.
        </p>
        <div class="week">
          @for (day of dayFields; track day.weekday) {
            <label [for]="'calendar-day-' + day.weekday">{{ day.name }}</label>
            <input
              [id]="'calendar-day-' + day.weekday"
              [name]="'day' + day.weekday"
              aria-describedby="calendar-hours-hint"
              [(ngModel)]="day.hours"
            />
          }
        </div>
      </fieldset>
      <hr-closure-list-editor [(closures)]="closures" />
      <div class="actions">
        <button type="submit" [disabled]="actions.busy()">
          {{ id() ? 'Save calendar' : 'Add calendar' }}
        </button>
        @if (id()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback
        [problems]="problems()"
        lead="The calendar was not saved:"
        [error]="actions.error()"
      />
    </form>
  `,
})
export class CalendarEditorComponent {
  /** The saved calendars, to check the new one against; null until they are known. */
  readonly calendars = input.required<readonly Calendar[] | null>();
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** The district's own time zone, for a first calendar; null when not known. */
  readonly districtTimeZone = input<string | null>(null);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminSlas'], busy: this.busy });

  protected readonly scopeNames = SCOPE_NAMES;
  protected readonly timeZones = Intl.supportedValuesOf('timeZone');
  protected readonly id = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly scope = signal<CalendarScope>('DISTRICT');
  protected readonly schoolId = signal('');
  protected readonly timeZone = signal('');
  protected readonly dayFields = WEEKDAY_NAMES.map((name, weekday) => ({ name, weekday, hours: signal('') }));
  protected readonly closures = signal<ClosureInput[]>([]);
  protected readonly problems = signal<string[]>([]);
  /** Department calendars are offered only to keep one the API already has. */
  protected readonly scopeOptions = computed<CalendarScope[]>(() =>
    this.scope() === 'DEPARTMENT' ? ['DISTRICT', 'SCHOOL', 'DEPARTMENT'] : ['DISTRICT', 'SCHOOL'],
  );
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  constructor() {
    // Once the calendars are known, a new calendar starts from the district's.
    let prefilled = false;
    effect(() => {
      if (prefilled || this.calendars() === null) return;
      prefilled = true;
      untracked(() => this.reset());
    });
  }

  /** Fills the editor from the saved calendar, and takes the focus to its name. */
  edit(calendar: Calendar): void {
    this.fill(calendarForm(calendar));
    this.nameInput().nativeElement.focus();
  }

  /** Starts a new calendar, from the district's as it is now. */
  reset(): void {
    this.fill(newCalendarForm(districtCalendarOf(this.calendars() ?? []), this.districtTimeZone()));
  }

  /** A calendar was deleted: if it is the one being edited, there is nothing left to edit. */
  forget(id: string): void {
    if (this.id() === id) this.reset();
  }

  protected async save(): Promise<void> {
    const result = calendarInput(
      {
        id: this.id(),
        name: this.name(),
        scope: this.scope(),
        schoolId: this.schoolId(),
        timeZone: this.timeZone(),
        dayHours: this.dayFields.map((day) => day.hours()),
        closures: this.closures(),
      },
      this.calendars() ?? [],
    );
    if ('problems' in result) {
      this.problems.set(result.problems);
      return;
    }
    this.problems.set([]);
    const saved = await this.actions.run(AdminSlasSaveCalendarDocument, { input: result.input });
    if (saved) this.reset();
  }

  private fill(form: CalendarForm): void {
    this.id.set(form.id);
    this.name.set(form.name);
    this.scope.set(form.scope);
    this.schoolId.set(form.schoolId);
    this.timeZone.set(form.timeZone);
    this.dayFields.forEach((day) => day.hours.set(form.dayHours[day.weekday] ?? ''));
    this.closures.set([...form.closures]);
    this.problems.set([]);
    this.actions.clear();
  }
}
