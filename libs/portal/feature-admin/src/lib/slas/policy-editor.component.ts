import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import {
  caseStatusName,
  channelName,
  CheckboxGroupComponent,
  FormFeedbackComponent,
  personKindName,
  priorityName,
} from '@homeroom/portal/ui';
import { MultiSelectComponent } from '../controls/multi-select.component';
import { CHANNELS, choicesOf, PRIORITIES, REQUESTER_KINDS } from '../case-choices';
import { type AdminSlasQuery, AdminSlasSavePolicyDocument, type SlaClock } from '../operations.generated';
import { describeTarget, DURATION_UNITS, type DurationUnit } from './durations';
import {
  newPolicyForm,
  PAUSABLE_STATUSES,
  type PolicyForm,
  policyForm,
  policyInput,
  TARGET_KINDS,
  type TargetKey,
} from './policy-form';

type Policy = AdminSlasQuery['slaPolicies'][number];

/**
 * The policy editor: a new policy, or the saved one `edit` is given. Its name, order and whether it is
 * active; the cases it applies to; its clock and targets, typed in minutes, hours or (business) days and
 * shown in minutes as they will be saved; when to warn; and the statuses that stop the clock.
 */
@Component({
  selector: 'hr-policy-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, CheckboxGroupComponent, FormFeedbackComponent, MultiSelectComponent],
  styles: `
    .inline > div {
      display: grid;
    }
    .inline label {
      margin: 0;
    }
  `,
  template: `
    <h2>{{ id() ? 'Edit policy ' + name() : 'Add a policy' }}</h2>
    <form class="admin-form" (ngSubmit)="save()">
      <label for="policy-name">Name</label>
      <input #nameInput id="policy-name" name="name" required [(ngModel)]="name" />
      <label class="check" for="policy-active">
        <input id="policy-active" name="active" type="checkbox" [(ngModel)]="active" />
        Active
      </label>
      <label for="policy-position">Order (lower applies first; empty puts a new policy last)</label>
      <input id="policy-position" name="position" type="number" min="0" step="1" [(ngModel)]="position" />
      <fieldset>
        <legend>When a case… (leave a list empty to match any)</legend>
        <label for="policy-priorities">has one of these priorities</label>
        <select id="policy-priorities" name="priorities" multiple size="4" [(ngModel)]="priorities">
          @for (priority of priorityOptions; track priority.value) {
            <option [value]="priority.value">{{ priority.name }}</option>
          }
        </select>
        <label for="policy-channels">came in by</label>
        <select id="policy-channels" name="channels" multiple size="4" [(ngModel)]="channels">
          @for (channel of channelOptions; track channel.value) {
            <option [value]="channel.value">{{ channel.name }}</option>
          }
        </select>
        <label for="policy-requesters">was raised by a</label>
        <select id="policy-requesters" name="requesterKinds" multiple size="4" [(ngModel)]="requesterKinds">
          @for (kind of requesterOptions; track kind.value) {
            <option [value]="kind.value">{{ kind.name }}</option>
          }
        </select>
        <hr-multi-select
          idPrefix="policy-schools-"
          label="is at one of these schools"
          [options]="schoolOptions()"
          [(selected)]="schoolIds"
        />
        <hr-multi-select
          idPrefix="policy-topics-"
          label="is about one of these topics"
          [options]="topicOptions()"
          [(selected)]="topicIds"
        />
      </fieldset>
      <fieldset>
        <legend>Clock</legend>
        <label class="check" for="policy-clock-business">
          <input id="policy-clock-business" type="radio" name="clock" value="BUSINESS" [(ngModel)]="clock" />
          Business hours only (the case's calendar)
        </label>
        <label class="check" for="policy-clock-calendar">
          <input id="policy-clock-calendar" type="radio" name="clock" value="CALENDAR" [(ngModel)]="clock" />
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
                    {{ clock() === 'BUSINESS' ? 'business ' + unit.name : unit.name }}
                  </option>
                }
              </select>
            </div>
          </div>
          <p class="hint">{{ describeTarget(target.amount(), target.unit(), clock(), businessDay()) }}</p>
        </fieldset>
      }
      <label for="policy-warn">Warn staff at this share of the target (%)</label>
      <input id="policy-warn" name="warn" type="number" min="1" max="99" step="1" [(ngModel)]="warn" />
      <fieldset>
        <legend>Stop the clock while the case is</legend>
        <hr-checkbox-group idPrefix="policy-pause-" [options]="pausableStatuses" [(selected)]="paused" />
      </fieldset>
      <div class="actions">
        <button type="submit" [disabled]="actions.busy()">{{ id() ? 'Save policy' : 'Add policy' }}</button>
        @if (id()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback [problems]="problems()" lead="The policy was not saved:" [error]="actions.error()" />
    </form>
  `,
})
export class PolicyEditorComponent {
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  readonly topics = input<readonly { id: string; name: string }[]>([]);
  /** Business minutes in a "business day", for targets typed in business days. */
  readonly businessDay = input.required<number>();
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminSlas'], busy: this.busy });

  protected readonly priorityOptions = choicesOf(PRIORITIES, priorityName);
  protected readonly channelOptions = choicesOf(CHANNELS, channelName);
  protected readonly requesterOptions = choicesOf(REQUESTER_KINDS, personKindName);
  protected readonly pausableStatuses = choicesOf(PAUSABLE_STATUSES, caseStatusName);
  protected readonly schoolOptions = computed(() =>
    this.schools().map((school) => ({ value: school.id, name: school.name })),
  );
  protected readonly topicOptions = computed(() =>
    this.topics().map((topic) => ({ value: topic.id, name: topic.name })),
  );
  protected readonly units = DURATION_UNITS;
  protected readonly describeTarget = describeTarget;

  protected readonly id = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly active = signal(true);
  protected readonly position = signal<number | null>(null);
  protected readonly priorities = signal<string[]>([]);
  protected readonly channels = signal<string[]>([]);
  protected readonly requesterKinds = signal<string[]>([]);
  protected readonly schoolIds = signal<string[]>([]);
  protected readonly topicIds = signal<string[]>([]);
  protected readonly clock = signal<SlaClock>('BUSINESS');
  protected readonly warn = signal<number | null>(75);
  protected readonly paused = signal<string[]>([...newPolicyForm().pausedStatuses]);
  protected readonly targetFields = TARGET_KINDS.map(({ key, name }) => ({
    key,
    name,
    amount: signal<number | null>(null),
    unit: signal<DurationUnit>('HOURS'),
  }));
  protected readonly problems = signal<string[]>([]);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  /** Fills the editor from the saved policy, and takes the focus to its name. */
  edit(policy: Policy): void {
    this.fill(policyForm(policy, this.businessDay()));
    this.nameInput().nativeElement.focus();
  }

  /** Starts a new policy. */
  reset(): void {
    this.fill(newPolicyForm());
  }

  /** A policy was deleted: if it is the one being edited, there is nothing left to edit. */
  forget(id: string): void {
    if (this.id() === id) this.reset();
  }

  protected async save(): Promise<void> {
    const result = policyInput(
      {
        id: this.id(),
        name: this.name(),
        position: this.position(),
        active: this.active(),
        clock: this.clock(),
        warnAtPercent: this.warn(),
        pausedStatuses: this.paused(),
        priorities: this.priorities(),
        channels: this.channels(),
        requesterKinds: this.requesterKinds(),
        schoolIds: this.schoolIds(),
        topicIds: this.topicIds(),
        targets: {
          firstResponse: this.targetOf('firstResponse'),
          nextResponse: this.targetOf('nextResponse'),
          resolution: this.targetOf('resolution'),
        },
      },
      this.businessDay(),
    );
    if ('problems' in result) {
      this.problems.set(result.problems);
      return;
    }
    this.problems.set([]);
    const saved = await this.actions.run(AdminSlasSavePolicyDocument, { input: result.input });
    if (saved) this.reset();
  }

  private targetOf(key: TargetKey): { amount: number | null; unit: DurationUnit } {
    const field = this.targetFields.find((target) => target.key === key)!;
    return { amount: field.amount(), unit: field.unit() };
  }

  private fill(form: PolicyForm): void {
    this.id.set(form.id);
    this.name.set(form.name);
    this.active.set(form.active);
    this.position.set(form.position);
    this.priorities.set([...form.priorities]);
    this.channels.set([...form.channels]);
    this.requesterKinds.set([...form.requesterKinds]);
    this.schoolIds.set([...form.schoolIds]);
    this.topicIds.set([...form.topicIds]);
    this.clock.set(form.clock);
    this.warn.set(form.warnAtPercent);
    this.paused.set([...form.pausedStatuses]);
    for (const target of this.targetFields) {
      target.amount.set(form.targets[target.key].amount);
      target.unit.set(form.targets[target.key].unit);
    }
    this.problems.set([]);
    this.actions.clear();
  }
}
