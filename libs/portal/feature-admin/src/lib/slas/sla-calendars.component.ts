import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { Apollo } from 'apollo-angular';
import { runMutation } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { AdminSlasDeleteCalendarDocument, type AdminSlasQuery } from '../operations.generated';
import { CalendarEditorComponent } from './calendar-editor.component';
import { ClosureNoticeComponent } from './closure-notice.component';
import { calendarRow } from './sla-lists';

type Calendar = AdminSlasQuery['businessCalendars'][number];

/**
 * The business calendars: each with its week and closures, to edit or delete (after a question, since a
 * deleted calendar's cases move to the district's clock); a closure declared at short notice; and the
 * editor for a new calendar or the one chosen.
 */
@Component({
  selector: 'hr-sla-calendars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CalendarEditorComponent, ClosureNoticeComponent, FormFeedbackComponent],
  styles: `
    .calendars {
      display: grid;
      gap: 1rem;
    }
    .notice {
      border-left: 4px solid var(--warn);
      padding-left: 0.6rem;
    }
  `,
  template: `
    <h2>Business calendars</h2>
    <p class="hint">
      A case follows its school's calendar when the school has one, otherwise the district's. Any change to a
      calendar moves the running deadlines that follow it at once.
    </p>
    <div class="calendars">
      @for (calendar of rows(); track calendar.id) {
        <section class="panel" [attr.aria-labelledby]="'calendar-' + calendar.id" data-testid="calendar">
          <h3 [id]="'calendar-' + calendar.id">{{ calendar.name }}</h3>
          <ul class="plain">
            <li>{{ calendar.scopeText }}</li>
            <li>Time zone: {{ calendar.timeZone }}</li>
            <li>Open: {{ calendar.week }}</li>
          </ul>
          @if (calendar.closures.length) {
            <table>
              <caption class="visually-hidden">
                Holidays and closures of
                {{
                  calendar.name
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                @for (closure of calendar.closures; track $index) {
                  <tr>
                    <td>{{ closure.when }}</td>
                    <td>{{ closure.kindName }}</td>
                    <td>{{ closure.reason }}</td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <p>No holidays or closures.</p>
          }
          <div class="actions">
            <button
              type="button"
              class="secondary"
              [disabled]="busy()"
              [attr.aria-label]="'Edit calendar ' + calendar.name"
              (click)="edit(calendar)"
            >
              Edit
            </button>
            @if (confirmingDelete() === calendar.id) {
              <p class="notice">
                Delete {{ calendar.name }}?
                {{
                  calendar.scope === 'DISTRICT'
                    ? 'Cases without a school calendar will then count every hour of every day.'
                    : 'Its cases will follow the district calendar.'
                }}
              </p>
              <button
                type="button"
                [disabled]="busy()"
                [attr.aria-label]="'Yes, delete calendar ' + calendar.name"
                (click)="delete(calendar.id)"
              >
                Yes, delete
              </button>
              <button type="button" class="secondary" (click)="confirmingDelete.set(null)">Keep it</button>
            } @else {
              <button
                type="button"
                class="secondary"
                [disabled]="busy()"
                [attr.aria-label]="'Delete calendar ' + calendar.name"
                (click)="confirmingDelete.set(calendar.id)"
              >
                Delete
              </button>
            }
          </div>
        </section>
      } @empty {
        @if (!loading()) {
          <p>
            No calendar yet: until the district calendar is saved, the business clock runs around the clock.
          </p>
        }
      }
    </div>
    <hr-form-feedback [error]="deleteError()" />

    <hr-closure-notice [calendars]="calendars()" [(busy)]="busy" />
    <hr-calendar-editor
      [calendars]="calendars()"
      [schools]="schools()"
      [districtTimeZone]="districtTimeZone()"
      [(busy)]="busy"
    />
  `,
})
export class SlaCalendarsComponent {
  private readonly apollo = inject(Apollo);
  /** The saved calendars, the district's first; null until they are known. */
  readonly calendars = input.required<readonly Calendar[] | null>();
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** The district's own time zone, for a first calendar; null when not known. */
  readonly districtTimeZone = input<string | null>(null);
  /** True while the page's data loads: "no calendar yet" waits for it. */
  readonly loading = input(false);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** Why a calendar was not deleted, shown under the calendars. */
  protected readonly deleteError = signal<string | null>(null);

  protected readonly confirmingDelete = signal<string | null>(null);
  private readonly editor = viewChild.required(CalendarEditorComponent);
  protected readonly rows = computed(() => {
    const schoolNames = new Map(this.schools().map((school) => [school.id, school.name]));
    return (this.calendars() ?? []).map((calendar) => calendarRow(calendar, schoolNames));
  });

  protected edit(calendar: Calendar): void {
    this.editor().edit(calendar);
  }

  protected async delete(id: string): Promise<void> {
    const deleted = await runMutation(
      this.apollo,
      AdminSlasDeleteCalendarDocument,
      { id },
      { busy: this.busy, error: this.deleteError },
      ['AdminSlas'],
    );
    if (deleted !== null) this.confirmingDelete.set(null);
    if (deleted) this.editor().forget(id);
  }
}
