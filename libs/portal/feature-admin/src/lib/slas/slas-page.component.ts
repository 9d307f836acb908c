import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { runMutation, watchQuery } from '@homeroom/portal/data-access';
import {
  AdminSlasAddClosureDocument,
  AdminSlasDeleteCalendarDocument,
  AdminSlasDeletePolicyDocument,
  AdminSlasDocument,
  type AdminSlasQuery,
  AdminSlasSaveCalendarDocument,
  AdminSlasSavePolicyDocument,
  type CalendarScope,
  type Channel,
  type ClosureInput,
  type ClosureKind,
  type PersonKind,
  type Priority,
  type SlaClock,
} from '../operations.generated';
import {
  calendarForm,
  calendarInput,
  CLOSURE_KIND_NAMES,
  closureFromForm,
  describeClosure,
  describeDuration,
  describePolicyConditions,
  describeWeek,
  type DurationUnit,
  formatDayHours,
  policyForm,
  policyInput,
  TARGET_KINDS,
  todayIn,
  toMinutes,
  typicalBusinessDay,
  WEEKDAY_NAMES,
} from './sla-text';

type Calendar = AdminSlasQuery['businessCalendars'][number];
type Policy = AdminSlasQuery['slaPolicies'][number];

const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const CHANNELS: readonly Channel[] = [
  'WEB_FORM',
  'EMAIL',
  'PHONE',
  'SMS',
  'CHAT',
  'WALK_IN',
  'SOCIAL',
  'STAFF',
];
const REQUESTER_KINDS: readonly PersonKind[] = ['GUARDIAN', 'STUDENT', 'STAFF', 'COMMUNITY'];
/** The statuses a policy may pause in; resolved and closed cases have no running timers to pause. */
const PAUSABLE_STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] as const;
const DEFAULT_PAUSED = ['PENDING', 'ON_HOLD'];
const CLOSURE_KINDS: readonly ClosureKind[] = ['EMERGENCY', 'HOLIDAY', 'BREAK'];
const UNITS: readonly { value: DurationUnit; name: string }[] = [
  { value: 'MINUTES', name: 'minutes' },
  { value: 'HOURS', name: 'hours' },
  { value: 'DAYS', name: 'days' },
];
const SCOPE_NAMES: Record<CalendarScope, string> = {
  DISTRICT: 'District',
  SCHOOL: 'School',
  DEPARTMENT: 'Department',
};

/**
 * SLA calendars and policies. Calendars say when the business clock runs (the district's, and a school's
 * own where it keeps other hours): weekly hours in their time zone minus holidays, breaks and closures,
 * including a snow day declared at short notice. Policies say which promise a case is held to (the first
 * active one whose conditions it meets): targets for first response, next response and resolution on
 * the business clock or around the clock, when to warn, and in which statuses the clock stops. District
 * administrators create, edit and delete both.
 */
@Component({
  selector: 'hr-slas-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  styles: `
    .calendars {
      display: grid;
      gap: 1rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .week {
      display: grid;
      grid-template-columns: 8rem minmax(0, 20rem);
      gap: 0.3rem 0.6rem;
      align-items: center;
    }
    .week label,
    .inline label {
      margin: 0;
    }
    .inline {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.3rem 0.8rem;
      align-items: end;
    }
    .inline > div {
      display: grid;
    }
    .notice {
      border-left: 4px solid var(--warn);
      padding-left: 0.6rem;
    }
  `,
  template: `
    <h1>SLA calendars and policies</h1>
    <p class="hint">
      Policies set how fast the district answers and resolves a case; calendars say when the business clock
      runs.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading calendars and policies…</p>
    }

    <h2>Business calendars</h2>
    <p class="hint">
      A case follows its school's calendar when the school has one, otherwise the district's. Any change to a
      calendar moves the running deadlines that follow it at once.
    </p>
    <div class="calendars">
      @for (calendar of calendars(); track calendar.id) {
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
              (click)="editCalendar(calendar)"
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
                (click)="deleteCalendar(calendar.id)"
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
    @if (listError(); as error) {
      <p role="alert" class="error">{{ error }}</p>
    }

    <h2>Declare a closure at short notice</h2>
    <p>
      A snow day, a power cut, a burst pipe: declare it here, even once the day has begun. Running deadlines
      on that calendar move at once, so the hours the district is closed do not count against any case.
      Deadlines already missed stay missed.
    </p>
    @if (calendars().length === 0) {
      <p class="hint">Save a calendar first.</p>
    } @else {
      <form class="admin-form" (ngSubmit)="declareClosure()">
        <label for="closure-calendar">Calendar</label>
        <select id="closure-calendar" name="calendar" required [(ngModel)]="closureCalendarId">
          @for (calendar of calendars(); track calendar.id) {
            <option [value]="calendar.id">{{ calendar.name }}</option>
          }
        </select>
        <label for="closure-date">Closed on</label>
        <input id="closure-date" name="date" type="date" required [(ngModel)]="closureDate" />
        <label for="closure-from">From (empty: the start of the day)</label>
        <input id="closure-from" name="from" type="time" [(ngModel)]="closureFrom" />
        <label for="closure-through">Through (empty: the same day)</label>
        <input id="closure-through" name="through" type="date" [(ngModel)]="closureThrough" />
        <label for="closure-to">Until (empty: the end of the last day)</label>
        <input id="closure-to" name="to" type="time" [(ngModel)]="closureTo" />
        <label for="closure-kind">Kind</label>
        <select id="closure-kind" name="kind" [(ngModel)]="closureKind">
          @for (kind of closureKinds; track kind) {
            <option [value]="kind">{{ kindNames[kind] }}</option>
          }
        </select>
        <label for="closure-reason">Reason</label>
        <input
          id="closure-reason"
          name="reason"
          required
          placeholder="Snow day"
          [(ngModel)]="closureReason"
        />
        <p class="hint">Times are in the calendar's time zone ({{ closureTimeZone() }}).</p>
        <button type="submit" [disabled]="busy()">Declare closure</button>
        @if (closureProblem(); as problem) {
          <p role="alert" class="error">{{ problem }}</p>
        }
        @if (closureError(); as error) {
          <p role="alert" class="error">{{ error }}</p>
        }
        @if (closureDone(); as done) {
          <p role="status">{{ done }}</p>
        }
      </form>
    }

    <h2>{{ calendarId() ? 'Edit calendar ' + calendarName() : 'Add a calendar' }}</h2>
    <form class="admin-form" (ngSubmit)="saveCalendar()">
      <label for="calendar-name">Name</label>
      <input id="calendar-name" name="name" required [(ngModel)]="calendarName" />
      <label for="calendar-scope">For</label>
      <select id="calendar-scope" name="scope" [(ngModel)]="calendarScope">
        @for (scope of scopeOptions(); track scope) {
          <option [value]="scope">{{ scopeNames[scope] }}</option>
        }
      </select>
      @if (calendarScope() === 'SCHOOL') {
        <label for="calendar-school">School</label>
        <select id="calendar-school" name="school" required [(ngModel)]="calendarSchoolId">
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
        [(ngModel)]="calendarTimeZone"
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
      <fieldset>
        <legend>Holidays, breaks and closures</legend>
        @if (calendarClosures().length) {
          <table>
            <caption class="visually-hidden">
              Closures of the calendar being edited
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Reason</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (closure of calendarClosures(); track $index) {
                <tr>
                  <td>{{ describe(closure) }}</td>
                  <td>{{ kindNames[closure.kind] }}</td>
                  <td>{{ closure.reason }}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      [attr.aria-label]="'Remove ' + closure.reason + ', ' + describe(closure)"
                      (click)="removeDraftClosure($index)"
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p>None yet.</p>
        }
        <div class="inline">
          <div>
            <label for="draft-date">First day</label>
            <input id="draft-date" name="draftDate" type="date" [(ngModel)]="draftDate" />
          </div>
          <div>
            <label for="draft-through">Last day (empty: one day)</label>
            <input id="draft-through" name="draftThrough" type="date" [(ngModel)]="draftThrough" />
          </div>
          <div>
            <label for="draft-from">From (empty: all day)</label>
            <input id="draft-from" name="draftFrom" type="time" [(ngModel)]="draftFrom" />
          </div>
          <div>
            <label for="draft-to">Until (empty: end of day)</label>
            <input id="draft-to" name="draftTo" type="time" [(ngModel)]="draftTo" />
          </div>
          <div>
            <label for="draft-kind">Kind</label>
            <select id="draft-kind" name="draftKind" [(ngModel)]="draftKind">
              @for (kind of closureKinds; track kind) {
                <option [value]="kind">{{ kindNames[kind] }}</option>
              }
            </select>
          </div>
          <div>
            <label for="draft-reason">Reason</label>
            <input id="draft-reason" name="draftReason" placeholder="Labor Day" [(ngModel)]="draftReason" />
          </div>
        </div>
        <button type="button" class="secondary" (click)="addDraftClosure()">Add to the list</button>
        @if (draftProblem(); as problem) {
          <p role="alert" class="error">{{ problem }}</p>
        }
        <p class="hint">The list is saved with the calendar.</p>
      </fieldset>
      <div class="actions">
        <button type="submit" [disabled]="busy()">
          {{ calendarId() ? 'Save calendar' : 'Add calendar' }}
        </button>
        @if (calendarId()) {
          <button type="button" class="secondary" (click)="resetCalendar()">Cancel editing</button>
        }
      </div>
      @if (calendarProblems().length) {
        <div role="alert" class="error">
          <p>The calendar was not saved:</p>
          <ul>
            @for (problem of calendarProblems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        </div>
      }
      @if (calendarError(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </form>

    <h2>SLA policies</h2>
    <p class="hint">
      A new case is held to the first active policy, in this order, whose conditions it meets. On the business
      clock a day is {{ businessDayText() }}, the district calendar's usual day; a school with its own
      calendar counts its own hours.
    </p>
    @if (policies().length === 0) {
      @if (!loading()) {
        <p>No policies yet: cases have no deadlines.</p>
      }
    } @else {
      <table>
        <caption class="visually-hidden">
          SLA policies in the order they apply
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Policy</th>
            <th scope="col">When</th>
            <th scope="col">Targets</th>
            <th scope="col">Clock</th>
            <th scope="col">Warning</th>
            <th scope="col">Paused while</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (policy of policies(); track policy.id) {
            <tr data-testid="sla-policy">
              <td>{{ policy.position }}</td>
              <td>
                {{ policy.name }}
                @if (!policy.active) {
                  <span class="tag">inactive</span>
                }
              </td>
              <td>{{ policy.when }}</td>
              <td>
                <ul class="plain">
                  @for (target of policy.targetTexts; track target.name) {
                    <li>{{ target.name }}: {{ target.text }}</li>
                  }
                </ul>
              </td>
              <td>{{ policy.clock === 'BUSINESS' ? 'Business hours' : 'Around the clock' }}</td>
              <td>at {{ policy.warnAtPercent }}%</td>
              <td>{{ policy.pausedText }}</td>
              <td>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="busy()"
                    [attr.aria-label]="'Edit policy ' + policy.name"
                    (click)="editPolicy(policy)"
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="busy()"
                    [attr.aria-label]="'Delete policy ' + policy.name"
                    (click)="deletePolicy(policy.id)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="hint">Deleting a policy leaves the cases that had it with their timers.</p>
    }

    <h2>{{ policyId() ? 'Edit policy ' + policyName() : 'Add a policy' }}</h2>
    <form class="admin-form" (ngSubmit)="savePolicy()">
      <label for="policy-name">Name</label>
      <input id="policy-name" name="name" required [(ngModel)]="policyName" />
      <label class="check" for="policy-active">
        <input id="policy-active" name="active" type="checkbox" [(ngModel)]="policyActive" />
        Active
      </label>
      <label for="policy-position">Order (lower applies first; empty puts a new policy last)</label>
      <input
        id="policy-position"
        name="position"
        type="number"
        min="0"
        step="1"
        [(ngModel)]="policyPosition"
      />
      <fieldset>
        <legend>When a case… (leave a list empty to match any)</legend>
        <label for="policy-priorities">has one of these priorities</label>
        <select id="policy-priorities" name="priorities" multiple size="4" [(ngModel)]="policyPriorities">
          @for (priority of priorityOptions; track priority) {
            <option [value]="priority">{{ priority }}</option>
          }
        </select>
        <label for="policy-channels">came in by</label>
        <select id="policy-channels" name="channels" multiple size="4" [(ngModel)]="policyChannels">
          @for (channel of channelOptions; track channel) {
            <option [value]="channel">{{ channel }}</option>
          }
        </select>
        <label for="policy-requesters">was raised by a</label>
        <select
          id="policy-requesters"
          name="requesterKinds"
          multiple
          size="4"
          [(ngModel)]="policyRequesterKinds"
        >
          @for (kind of requesterOptions; track kind) {
            <option [value]="kind">{{ kind }}</option>
          }
        </select>
        <label for="policy-schools">is at one of these schools</label>
        <select id="policy-schools" name="schools" multiple size="4" [(ngModel)]="policySchoolIds">
          @for (school of schools(); track school.id) {
            <option [value]="school.id">{{ school.name }}</option>
          }
        </select>
        <label for="policy-topics">is about one of these topics</label>
        <select id="policy-topics" name="topics" multiple size="4" [(ngModel)]="policyTopicIds">
          @for (topic of topics(); track topic.id) {
            <option [value]="topic.id">{{ topic.name }}</option>
          }
        </select>
      </fieldset>
      <fieldset>
        <legend>Clock</legend>
        <label class="check" for="policy-clock-business">
          <input
            id="policy-clock-business"
            type="radio"
            name="clock"
            value="BUSINESS"
            [(ngModel)]="policyClock"
          />
          Business hours only (the case's calendar)
        </label>
        <label class="check" for="policy-clock-calendar">
          <input
            id="policy-clock-calendar"
            type="radio"
            name="clock"
            value="CALENDAR"
            [(ngModel)]="policyClock"
          />
          Around the clock (nights, weekends and holidays count)
        </label>
      </fieldset>
      @for (target of targetFields; track target.key) {
        <fieldset>
          <legend>{{ target.name }} within (empty: no target)</legend>
          <div class="inline">
            <div>
              <label [for]="'policy-' + target.key + '-amount'">Amount</label>
              <input
                [id]="'policy-' + target.key + '-amount'"
                [name]="target.key + 'Amount'"
                type="number"
                min="0"
                step="any"
                [(ngModel)]="target.amount"
              />
            </div>
            <div>
              <label [for]="'policy-' + target.key + '-unit'">Unit</label>
              <select
                [id]="'policy-' + target.key + '-unit'"
                [name]="target.key + 'Unit'"
                [(ngModel)]="target.unit"
              >
                @for (unit of units; track unit.value) {
                  <option [value]="unit.value">
                    {{ policyClock() === 'BUSINESS' ? 'business ' + unit.name : unit.name }}
                  </option>
                }
              </select>
            </div>
          </div>
          <p class="hint">{{ targetPreview(target.amount(), target.unit()) }}</p>
        </fieldset>
      }
      <label for="policy-warn">Warn staff at this share of the target (%)</label>
      <input id="policy-warn" name="warn" type="number" min="1" max="99" step="1" [(ngModel)]="policyWarn" />
      <fieldset>
        <legend>Stop the clock while the case is</legend>
        @for (status of pausableStatuses; track status) {
          <label class="check" [for]="'policy-pause-' + status">
            <input
              #box
              type="checkbox"
              [id]="'policy-pause-' + status"
              [checked]="policyPaused().includes(status)"
              (change)="togglePaused(status, box.checked)"
            />
            {{ status }}
          </label>
        }
      </fieldset>
      <div class="actions">
        <button type="submit" [disabled]="busy()">{{ policyId() ? 'Save policy' : 'Add policy' }}</button>
        @if (policyId()) {
          <button type="button" class="secondary" (click)="resetPolicy()">Cancel editing</button>
        }
      </div>
      @if (policyProblems().length) {
        <div role="alert" class="error">
          <p>The policy was not saved:</p>
          <ul>
            @for (problem of policyProblems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        </div>
      }
      @if (policyError(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </form>
  `,
})
export class SlasPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly query = watchQuery(AdminSlasDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly loading = this.query.loading;
  protected readonly busy = signal(false);

  protected readonly priorityOptions = PRIORITIES;
  protected readonly channelOptions = CHANNELS;
  protected readonly requesterOptions = REQUESTER_KINDS;
  protected readonly pausableStatuses = PAUSABLE_STATUSES;
  protected readonly closureKinds = CLOSURE_KINDS;
  protected readonly kindNames = CLOSURE_KIND_NAMES;
  protected readonly scopeNames = SCOPE_NAMES;
  protected readonly units = UNITS;
  protected readonly timeZones = Intl.supportedValuesOf('timeZone');

  protected readonly schools = computed(() => this.data()?.schools.edges.map((edge) => edge.node) ?? []);
  protected readonly topics = computed(() =>
    [...(this.data()?.topics ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  private readonly districtCalendar = computed(() =>
    this.data()?.businessCalendars.find((calendar) => calendar.scope === 'DISTRICT'),
  );
  /** Business minutes in a "business day": the district calendar's usual open day. */
  protected readonly businessDay = computed(() =>
    typicalBusinessDay(this.districtCalendar()?.openingHours ?? []),
  );
  protected readonly businessDayText = computed(() => describeDuration(this.businessDay(), 'CALENDAR', 1440));

  protected readonly calendars = computed(() => {
    const schoolNames = new Map(this.schools().map((school) => [school.id, school.name]));
    return [...(this.data()?.businessCalendars ?? [])]
      .sort(
        (a, b) =>
          Number(b.scope === 'DISTRICT') - Number(a.scope === 'DISTRICT') || a.name.localeCompare(b.name),
      )
      .map((calendar) => ({
        ...calendar,
        scopeText:
          calendar.scope === 'SCHOOL'
            ? `School calendar: ${schoolNames.get(calendar.schoolId ?? '') ?? 'a school no longer listed'}`
            : calendar.scope === 'DISTRICT'
              ? 'District calendar: cases at schools without their own calendar follow it'
              : 'Department calendar',
        week: describeWeek(calendar.openingHours),
        closures: [...calendar.closures]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((closure) => ({
            ...closure,
            when: describeClosure(closure),
            kindName: CLOSURE_KIND_NAMES[closure.kind],
          })),
      }));
  });

  protected readonly policies = computed(() => {
    const names = {
      schools: new Map(this.schools().map((school) => [school.id, school.name])),
      topics: new Map(this.topics().map((topic) => [topic.id, topic.name])),
    };
    const day = this.businessDay();
    return [...(this.data()?.slaPolicies ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((policy) => ({
        ...policy,
        when: describePolicyConditions(policy.conditions, names),
        targetTexts: TARGET_KINDS.map(({ key, name }) => ({
          name,
          text: describeDuration(policy.targets[key], policy.clock, day),
        })),
        pausedText: policy.pausedStatuses.length ? policy.pausedStatuses.join(', ') : 'never',
      }));
  });

  protected readonly listError = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);

  // The short-notice closure.
  protected readonly closureCalendarId = signal('');
  protected readonly closureDate = signal('');
  protected readonly closureFrom = signal('');
  protected readonly closureThrough = signal('');
  protected readonly closureTo = signal('');
  protected readonly closureKind = signal<ClosureKind>('EMERGENCY');
  protected readonly closureReason = signal('');
  protected readonly closureProblem = signal<string | null>(null);
  protected readonly closureError = signal<string | null>(null);
  protected readonly closureDone = signal<string | null>(null);
  private readonly closureCalendar = computed(
    () =>
      this.calendars().find((calendar) => calendar.id === this.closureCalendarId()) ??
      this.calendars().find((calendar) => calendar.scope === 'DISTRICT') ??
      this.calendars()[0],
  );
  protected readonly closureTimeZone = computed(() => this.closureCalendar()?.timeZone ?? 'not chosen');

  // The calendar editor.
  protected readonly calendarId = signal<string | null>(null);
  protected readonly calendarName = signal('');
  protected readonly calendarScope = signal<CalendarScope>('DISTRICT');
  protected readonly calendarSchoolId = signal('');
  protected readonly calendarTimeZone = signal('');
  protected readonly dayFields = WEEKDAY_NAMES.map((name, weekday) => ({ name, weekday, hours: signal('') }));
  protected readonly calendarClosures = signal<ClosureInput[]>([]);
  protected readonly calendarProblems = signal<string[]>([]);
  protected readonly calendarError = signal<string | null>(null);
  protected readonly scopeOptions = computed<CalendarScope[]>(() =>
    this.calendarScope() === 'DEPARTMENT' ? ['DISTRICT', 'SCHOOL', 'DEPARTMENT'] : ['DISTRICT', 'SCHOOL'],
  );
  protected readonly draftDate = signal('');
  protected readonly draftThrough = signal('');
  protected readonly draftFrom = signal('');
  protected readonly draftTo = signal('');
  protected readonly draftKind = signal<ClosureKind>('HOLIDAY');
  protected readonly draftReason = signal('');
  protected readonly draftProblem = signal<string | null>(null);

  // The policy editor.
  protected readonly policyId = signal<string | null>(null);
  protected readonly policyName = signal('');
  protected readonly policyActive = signal(true);
  protected readonly policyPosition = signal<number | null>(null);
  protected readonly policyPriorities = signal<string[]>([]);
  protected readonly policyChannels = signal<string[]>([]);
  protected readonly policyRequesterKinds = signal<string[]>([]);
  protected readonly policySchoolIds = signal<string[]>([]);
  protected readonly policyTopicIds = signal<string[]>([]);
  protected readonly policyClock = signal<SlaClock>('BUSINESS');
  protected readonly policyWarn = signal<number | null>(75);
  protected readonly policyPaused = signal<string[]>([...DEFAULT_PAUSED]);
  protected readonly targetFields = TARGET_KINDS.map(({ key, name }) => ({
    key,
    name,
    amount: signal<number | null>(null),
    unit: signal<DurationUnit>('HOURS'),
  }));
  protected readonly policyProblems = signal<string[]>([]);
  protected readonly policyError = signal<string | null>(null);

  constructor() {
    // Once the calendars are known: a new calendar starts from the district's, a closure on it, today.
    let prefilled = false;
    effect(() => {
      if (prefilled || !this.data()) return;
      prefilled = true;
      untracked(() => {
        this.resetCalendar();
        const calendar = this.closureCalendar();
        if (!calendar) return;
        this.closureCalendarId.set(calendar.id);
        this.closureDate.set(todayIn(calendar.timeZone, new Date()));
      });
    });
  }

  protected describe(closure: ClosureInput): string {
    return describeClosure({
      date: closure.date,
      through: closure.through ?? null,
      from: closure.from ?? null,
      to: closure.to ?? null,
    });
  }

  protected targetPreview(amount: number | null, unit: DurationUnit): string {
    const clock = this.policyClock();
    const minutes = toMinutes(amount ?? null, unit, clock, this.businessDay());
    if (minutes === null) return 'No target: no timer of this kind.';
    return `${describeDuration(minutes, clock, this.businessDay())}, ${minutes} minutes on the ${
      clock === 'BUSINESS' ? 'business' : 'wall'
    } clock.`;
  }

  protected async declareClosure(): Promise<void> {
    this.closureDone.set(null);
    const calendar = this.closureCalendar();
    const parsed = closureFromForm({
      date: this.closureDate() || (calendar ? todayIn(calendar.timeZone, new Date()) : ''),
      through: this.closureThrough(),
      from: this.closureFrom(),
      to: this.closureTo(),
      kind: this.closureKind(),
      reason: this.closureReason(),
    });
    if (!calendar) {
      this.closureProblem.set('Choose a calendar.');
      return;
    }
    if ('problem' in parsed) {
      this.closureProblem.set(parsed.problem);
      return;
    }
    this.closureProblem.set(null);
    const saved = await runMutation(
      this.apollo,
      AdminSlasAddClosureDocument,
      { calendarId: calendar.id, closure: parsed.closure },
      { busy: this.busy, error: this.closureError },
      ['AdminSlas'],
    );
    if (!saved) return;
    this.closureDone.set(
      `${calendar.name} is closed ${describeClosure({
        date: parsed.closure.date,
        through: parsed.closure.through ?? null,
        from: parsed.closure.from ?? null,
        to: parsed.closure.to ?? null,
      })}. Running deadlines on it have moved.`,
    );
    for (const field of [this.closureFrom, this.closureThrough, this.closureTo, this.closureReason])
      field.set('');
    this.closureDate.set(todayIn(calendar.timeZone, new Date()));
  }

  protected editCalendar(calendar: Calendar): void {
    const form = calendarForm(calendar);
    this.calendarId.set(form.id);
    this.calendarName.set(form.name);
    this.calendarScope.set(form.scope);
    this.calendarSchoolId.set(form.schoolId);
    this.calendarTimeZone.set(form.timeZone);
    this.dayFields.forEach((day) => day.hours.set(form.dayHours[day.weekday] ?? ''));
    this.calendarClosures.set([...form.closures]);
    this.calendarProblems.set([]);
    this.calendarError.set(null);
    this.document.getElementById('calendar-name')?.focus();
  }

  /** A new calendar starts from the district's hours and time zone: a school usually differs a little. */
  protected resetCalendar(): void {
    const district = this.districtCalendar();
    this.calendarId.set(null);
    this.calendarName.set('');
    this.calendarScope.set(district ? 'SCHOOL' : 'DISTRICT');
    this.calendarSchoolId.set('');
    this.calendarTimeZone.set(district?.timeZone ?? this.data()?.district?.timeZone ?? 'America/Chicago');
    this.dayFields.forEach((day) =>
      day.hours.set(
        district
          ? formatDayHours(district.openingHours, day.weekday)
          : day.weekday >= 1 && day.weekday <= 5
            ? '07:30-16:30'
            : '',
      ),
    );
    this.calendarClosures.set([]);
    this.calendarProblems.set([]);
    this.calendarError.set(null);
  }

  protected addDraftClosure(): void {
    const parsed = closureFromForm({
      date: this.draftDate(),
      through: this.draftThrough(),
      from: this.draftFrom(),
      to: this.draftTo(),
      kind: this.draftKind(),
      reason: this.draftReason(),
    });
    if ('problem' in parsed) {
      this.draftProblem.set(parsed.problem);
      return;
    }
    this.draftProblem.set(null);
    this.calendarClosures.update((closures) =>
      [...closures, parsed.closure].sort((a, b) => a.date.localeCompare(b.date)),
    );
    for (const field of [this.draftDate, this.draftThrough, this.draftFrom, this.draftTo, this.draftReason])
      field.set('');
  }

  protected removeDraftClosure(index: number): void {
    this.calendarClosures.update((closures) => closures.filter((_, i) => i !== index));
  }

  protected async saveCalendar(): Promise<void> {
    const result = calendarInput(
      {
        id: this.calendarId(),
        name: this.calendarName(),
        scope: this.calendarScope(),
        schoolId: this.calendarSchoolId(),
        timeZone: this.calendarTimeZone(),
        dayHours: this.dayFields.map((day) => day.hours()),
        closures: this.calendarClosures(),
      },
      this.data()?.businessCalendars ?? [],
    );
    if ('problems' in result) {
      this.calendarProblems.set(result.problems);
      return;
    }
    this.calendarProblems.set([]);
    const saved = await runMutation(
      this.apollo,
      AdminSlasSaveCalendarDocument,
      { input: result.input },
      { busy: this.busy, error: this.calendarError },
      ['AdminSlas'],
    );
    if (saved) this.resetCalendar();
  }

  protected async deleteCalendar(id: string): Promise<void> {
    const deleted = await runMutation(
      this.apollo,
      AdminSlasDeleteCalendarDocument,
      { id },
      { busy: this.busy, error: this.listError },
      ['AdminSlas'],
    );
    if (deleted !== null) this.confirmingDelete.set(null);
    if (deleted && this.calendarId() === id) this.resetCalendar();
  }

  protected togglePaused(status: string, on: boolean): void {
    this.policyPaused.update((statuses) =>
      on ? [...new Set([...statuses, status])] : statuses.filter((value) => value !== status),
    );
  }

  protected editPolicy(policy: Policy): void {
    const form = policyForm(policy, this.businessDay());
    this.policyId.set(form.id);
    this.policyName.set(form.name);
    this.policyActive.set(form.active);
    this.policyPosition.set(form.position);
    this.policyPriorities.set([...form.priorities]);
    this.policyChannels.set([...form.channels]);
    this.policyRequesterKinds.set([...form.requesterKinds]);
    this.policySchoolIds.set([...form.schoolIds]);
    this.policyTopicIds.set([...form.topicIds]);
    this.policyClock.set(form.clock);
    this.policyWarn.set(form.warnAtPercent);
    this.policyPaused.set([...form.pausedStatuses]);
    for (const target of this.targetFields) {
      target.amount.set(form.targets[target.key].amount);
      target.unit.set(form.targets[target.key].unit);
    }
    this.policyProblems.set([]);
    this.policyError.set(null);
    this.document.getElementById('policy-name')?.focus();
  }

  protected resetPolicy(): void {
    this.policyId.set(null);
    this.policyName.set('');
    this.policyActive.set(true);
    this.policyPosition.set(null);
    for (const list of [
      this.policyPriorities,
      this.policyChannels,
      this.policyRequesterKinds,
      this.policySchoolIds,
      this.policyTopicIds,
    ])
      list.set([]);
    this.policyClock.set('BUSINESS');
    this.policyWarn.set(75);
    this.policyPaused.set([...DEFAULT_PAUSED]);
    for (const target of this.targetFields) {
      target.amount.set(null);
      target.unit.set('HOURS');
    }
    this.policyProblems.set([]);
    this.policyError.set(null);
  }

  protected async savePolicy(): Promise<void> {
    const result = policyInput(
      {
        id: this.policyId(),
        name: this.policyName(),
        position: this.policyPosition(),
        active: this.policyActive(),
        clock: this.policyClock(),
        warnAtPercent: this.policyWarn(),
        pausedStatuses: this.policyPaused(),
        priorities: this.policyPriorities(),
        channels: this.policyChannels(),
        requesterKinds: this.policyRequesterKinds(),
        schoolIds: this.policySchoolIds(),
        topicIds: this.policyTopicIds(),
        targets: {
          firstResponse: this.targetOf('firstResponse'),
          nextResponse: this.targetOf('nextResponse'),
          resolution: this.targetOf('resolution'),
        },
      },
      this.businessDay(),
    );
    if ('problems' in result) {
      this.policyProblems.set(result.problems);
      return;
    }
    this.policyProblems.set([]);
    const saved = await runMutation(
      this.apollo,
      AdminSlasSavePolicyDocument,
      { input: result.input },
      { busy: this.busy, error: this.policyError },
      ['AdminSlas'],
    );
    if (saved) this.resetPolicy();
  }

  private targetOf(key: (typeof TARGET_KINDS)[number]['key']): { amount: number | null; unit: DurationUnit } {
    const field = this.targetFields.find((target) => target.key === key)!;
    return { amount: field.amount(), unit: field.unit() };
  }

  protected async deletePolicy(id: string): Promise<void> {
    const deleted = await runMutation(
      this.apollo,
      AdminSlasDeletePolicyDocument,
      { id },
      { busy: this.busy, error: this.listError },
      ['AdminSlas'],
    );
    if (deleted && this.policyId() === id) this.resetPolicy();
  }
}
