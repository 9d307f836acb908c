import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  model,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { AdminSlasAddClosureDocument, type AdminSlasQuery, type ClosureKind } from '../operations.generated';
import { todayIn } from './calendar-form';
import { CLOSURE_KIND_NAMES, CLOSURE_KINDS, closureFromForm, describeClosure } from './closure-form';

type Calendar = AdminSlasQuery['businessCalendars'][number];

/**
 * Declaring a closure at short notice (a snow day, a power cut), even once the day has begun: it is added
 * to the calendar at once, and the running deadlines on that calendar move. The form starts on the
 * district's calendar, today in the calendar's own time zone.
 */
@Component({
  selector: 'hr-closure-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <h2>Declare a closure at short notice</h2>
    <p>
      A snow day, a power cut, a burst pipe: declare it here, even once the day has begun. Running deadlines
      on that calendar move at once, so the hours the district is closed do not count against any case.
      Deadlines already missed stay missed.
    </p>
    @if (!calendars()?.length) {
      <p class="hint">Save a calendar first.</p>
    } @else {
      <form class="admin-form" (ngSubmit)="declare()">
        <label for="closure-calendar">Calendar</label>
        <select id="closure-calendar" name="calendar" required [(ngModel)]="calendarId">
          @for (calendar of calendars(); track calendar.id) {
            <option [value]="calendar.id">{{ calendar.name }}</option>
          }
        </select>
        <label for="closure-date">Closed on</label>
        <input id="closure-date" name="date" type="date" required [(ngModel)]="date" />
        <label for="closure-from">From (empty: the start of the day)</label>
        <input id="closure-from" name="from" type="time" [(ngModel)]="from" />
        <label for="closure-through">Through (empty: the same day)</label>
        <input id="closure-through" name="through" type="date" [(ngModel)]="through" />
        <label for="closure-to">Until (empty: the end of the last day)</label>
        <input id="closure-to" name="to" type="time" [(ngModel)]="to" />
        <label for="closure-kind">Kind</label>
        <select id="closure-kind" name="kind" [(ngModel)]="kind">
          @for (kind of kinds; track kind) {
            <option [value]="kind">{{ kindNames[kind] }}</option>
          }
        </select>
        <label for="closure-reason">Reason</label>
        <input id="closure-reason" name="reason" required placeholder="Snow day" [(ngModel)]="reason" />
        <p class="hint">Times are in the calendar's time zone ({{ timeZone() }}).</p>
        <button type="submit" [disabled]="actions.busy()">Declare closure</button>
        <hr-form-feedback [error]="actions.error()" [done]="actions.done()" />
      </form>
    }
  `,
})
export class ClosureNoticeComponent {
  /** The saved calendars, the district's first; null until they are known. */
  readonly calendars = input.required<readonly Calendar[] | null>();
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** What came of declaring: a problem with the form, the API's refusal, or the closure declared. */
  protected readonly actions = injectActions({ refetch: ['AdminSlas'], busy: this.busy });

  protected readonly kinds = CLOSURE_KINDS;
  protected readonly kindNames = CLOSURE_KIND_NAMES;
  protected readonly calendarId = signal('');
  protected readonly date = signal('');
  protected readonly from = signal('');
  protected readonly through = signal('');
  protected readonly to = signal('');
  protected readonly kind = signal<ClosureKind>('EMERGENCY');
  protected readonly reason = signal('');
  /** The calendar chosen; until one is, the district's (or the first). */
  private readonly calendar = computed(() => {
    const calendars = this.calendars() ?? [];
    return (
      calendars.find((calendar) => calendar.id === this.calendarId()) ??
      calendars.find((calendar) => calendar.scope === 'DISTRICT') ??
      calendars[0]
    );
  });
  protected readonly timeZone = computed(() => this.calendar()?.timeZone ?? 'not chosen');

  constructor() {
    // Once the calendars are known, the form starts on the district's, today where it is.
    let prefilled = false;
    effect(() => {
      if (prefilled || this.calendars() === null) return;
      prefilled = true;
      untracked(() => {
        const calendar = this.calendar();
        if (!calendar) return;
        this.calendarId.set(calendar.id);
        this.date.set(todayIn(calendar.timeZone, new Date()));
      });
    });
  }

  protected async declare(): Promise<void> {
    const calendar = this.calendar();
    const parsed = closureFromForm({
      date: this.date() || (calendar ? todayIn(calendar.timeZone, new Date()) : ''),
      through: this.through(),
      from: this.from(),
      to: this.to(),
      kind: this.kind(),
      reason: this.reason(),
    });
    if (!calendar) {
      this.actions.refuse('Choose a calendar.');
      return;
    }
    if ('problem' in parsed) {
      this.actions.refuse(parsed.problem);
      return;
    }
    const saved = await this.actions.run(
      AdminSlasAddClosureDocument,
      { calendarId: calendar.id, closure: parsed.closure },
      {
        done: `${calendar.name} is closed ${describeClosure(parsed.closure)}. Running deadlines on it have moved.`,
      },
    );
    if (!saved) return;
    for (const field of [this.from, this.through, this.to, this.reason]) field.set('');
    this.date.set(todayIn(calendar.timeZone, new Date()));
  }
}
