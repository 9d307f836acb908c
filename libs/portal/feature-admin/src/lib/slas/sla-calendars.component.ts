import { ChangeDetectionStrategy, Component, computed, input, model, signal, viewChild } from '@angular/core';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { AdminSlasDeleteCalendarDocument, type AdminSlasQuery } from '../operations.generated';
import { CalendarEditorComponent } from './calendar-editor.component';
import { ClosureNoticeComponent } from './closure-notice.component';
import { calendarRow } from './sla-lists';

type Calendar = AdminSlasQuery['businessCalendars'][number];
type CalendarAction = 'edit' | 'delete';

/**
 * The business calendars: each with its week and closures, to edit or delete (after a question, since a
 * deleted calendar's cases move to the district's clock); a closure declared at short notice; and the
 * editor for a new calendar or the one chosen.
 */
@Component({
  selector: 'hr-sla-calendars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CalendarEditorComponent, ClosureNoticeComponent, FormFeedbackComponent, RowActionsComponent],
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
            <hr-row-actions
              [label]="'Actions for calendar ' + calendar.name"
              [actions]="calendar.actions"
              [busy]="busy()"
              (chosen)="onChosen(calendar, $event)"
            />
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
    <hr-form-feedback [error]="deleting.error()" />

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
  /** The saved calendars, the district's first; null until they are known. */
  readonly calendars = input.required<readonly Calendar[] | null>();
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** The district's own time zone, for a first calendar; null when not known. */
  readonly districtTimeZone = input<string | null>(null);
  /** True while the page's data loads: "no calendar yet" waits for it. */
  readonly loading = input(false);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** Deleting a calendar; why one was not deleted shows under the calendars. */
  protected readonly deleting = injectActions({ refetch: ['AdminSlas'], busy: this.busy });

  protected readonly confirmingDelete = signal<string | null>(null);
  private readonly editor = viewChild.required(CalendarEditorComponent);
  protected readonly rows = computed(() => {
    const schoolNames = new Map(this.schools().map((school) => [school.id, school.name]));
    const confirming = this.confirmingDelete();
    return (this.calendars() ?? []).map((calendar) => ({
      ...calendarRow(calendar, schoolNames),
      actions: calendarActions(calendar, confirming === calendar.id),
    }));
  });

  protected onChosen(calendar: Calendar, action: CalendarAction): void {
    if (action === 'edit') this.editor().edit(calendar);
    else this.confirmingDelete.set(calendar.id);
  }

  protected async delete(id: string): Promise<void> {
    const deleted = await this.deleting.run(AdminSlasDeleteCalendarDocument, { id });
    if (!deleted) return;
    this.confirmingDelete.set(null);
    this.editor().forget(id);
  }
}

/** A calendar's buttons, named for it: Delete gives way to its question while that is asked. */
function calendarActions(calendar: Calendar, confirming: boolean): RowAction<CalendarAction>[] {
  const edit: RowAction<CalendarAction> = {
    id: 'edit',
    label: 'Edit',
    name: `Edit calendar ${calendar.name}`,
  };
  return confirming
    ? [edit]
    : [edit, { id: 'delete', label: 'Delete', name: `Delete calendar ${calendar.name}` }];
}
