import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, injectActions, watchQuery } from '@homeroom/portal/data-access';
import { caseStatusName, FormFeedbackComponent, priorityName } from '@homeroom/portal/ui';
import { formatWhen } from '../formats';
import {
  type AdminAutomationRuleFragment,
  AdminAutomationsDocument,
  type CaseStatus,
  CreateAutomationDocument,
  type Priority,
  PreviewAutomationDocument,
  type PreviewAutomationQuery,
  type SlaTimerKind,
  UpdateAutomationDocument,
} from '../operations.generated';
import {
  ACTION_KINDS,
  type ActionDraft,
  type AutomationForm,
  automationFormOf,
  automationInput,
  conditionsOf,
  describeActions,
  describeConditions,
  newAction,
  newAutomationForm,
  OPEN_STATUSES,
  SLA_STATES,
  SLA_TIMERS,
} from './automation-form';

const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/**
 * Time-based automations (ADR 29): what each rule acts on and does, how often it has, switched on or off;
 * the form to write one, with a dry run that lists the cases it would act on now.
 */
@Component({
  selector: 'hr-automations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <h1>Automations</h1>
    <p class="hint">Rules that act on quiet cases every minute, once for each time a case goes quiet.</p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (rules().length) {
      <table>
        <caption class="visually-hidden">
          Automation rules
        </caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">When</th>
            <th scope="col">Then</th>
            <th scope="col">Acted on</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (rule of rules(); track rule.id) {
            <tr data-testid="automation-rule">
              <td>{{ rule.name }}{{ rule.active ? '' : ' (switched off)' }}</td>
              <td>{{ rule.when }}</td>
              <td>{{ rule.then }}</td>
              <td>{{ rule.applied }}</td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  [attr.aria-label]="'Edit rule ' + rule.name"
                  (click)="edit(rule)"
                >
                  Edit
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    } @else if (!loading()) {
      <p>No automations yet.</p>
    }
    <hr-form-feedback [done]="actions.done()" />

    <h2>{{ editing() ? 'Edit rule ' + editing()!.name : 'Add a rule' }}</h2>
    <form class="admin-form" (ngSubmit)="save()">
      <label for="automation-name">Name</label>
      <input
        id="automation-name"
        name="name"
        [ngModel]="form().name"
        (ngModelChange)="patch({ name: $event })"
      />
      <fieldset>
        <legend>When a case is</legend>
        @for (status of statuses; track status) {
          <label class="check">
            <input
              type="checkbox"
              [name]="'status-' + status"
              [checked]="form().statuses.includes(status)"
              (change)="toggleStatus(status)"
            />
            {{ statusName(status) }}
          </label>
        }
        <label for="automation-days">and quiet for this many school days (Monday to Friday)</label>
        <input
          id="automation-days"
          name="days"
          type="number"
          min="1"
          [ngModel]="form().idleBusinessDays"
          (ngModelChange)="patch({ idleBusinessDays: $event })"
        />
      </fieldset>
      <fieldset>
        <legend>and its SLA</legend>
        <label for="automation-sla-state">SLA state</label>
        <select
          id="automation-sla-state"
          name="sla-state"
          [ngModel]="form().slaState"
          (ngModelChange)="patch({ slaState: $event })"
        >
          @for (option of slaStates; track option.state) {
            <option [value]="option.state">{{ option.name }}</option>
          }
        </select>
        @if (form().slaState === 'DUE_WITHIN') {
          <label for="automation-sla-hours">Due within this many hours (1 to 168)</label>
          <input
            id="automation-sla-hours"
            name="sla-hours"
            type="number"
            min="1"
            max="168"
            [ngModel]="form().slaWithinHours"
            (ngModelChange)="patch({ slaWithinHours: $event })"
          />
        }
        @if (form().slaState) {
          <p class="hint" id="automation-sla-timers-hint">
            Which deadlines count; none ticked: any of them. The SLA service tells us of a deadline once it
            warns about it.
          </p>
          @for (timer of slaTimers; track timer.kind) {
            <label class="check">
              <input
                type="checkbox"
                [name]="'sla-timer-' + timer.kind"
                aria-describedby="automation-sla-timers-hint"
                [checked]="form().slaTimerKinds.includes(timer.kind)"
                (change)="toggleSlaTimer(timer.kind)"
              />
              {{ timer.name }}
            </label>
          }
        }
      </fieldset>
      <fieldset>
        <legend>Then</legend>
        @for (action of form().actions; track $index; let i = $index) {
          <label [for]="'action-kind-' + i">Action {{ i + 1 }}</label>
          <select
            [id]="'action-kind-' + i"
            [name]="'kind-' + i"
            [ngModel]="action.kind"
            (ngModelChange)="changeAction(i, { kind: $event })"
          >
            @for (option of kinds; track option.kind) {
              <option [value]="option.kind">{{ option.name }}</option>
            }
          </select>
          @if (action.kind === 'RESOLVE' || action.kind === 'REMIND_REQUESTER') {
            <label [for]="'action-message-' + i"
              >Message to the requester{{ action.kind === 'RESOLVE' ? ' (optional)' : '' }}</label
            >
            <textarea
              [id]="'action-message-' + i"
              [name]="'message-' + i"
              rows="3"
              [ngModel]="action.message"
              (ngModelChange)="changeAction(i, { message: $event })"
            ></textarea>
          }
          @if (action.kind === 'SET_PRIORITY') {
            <label [for]="'action-priority-' + i">Priority</label>
            <select
              [id]="'action-priority-' + i"
              [name]="'priority-' + i"
              [ngModel]="action.priority"
              (ngModelChange)="changeAction(i, { priority: $event })"
            >
              <option value="">Choose</option>
              @for (priority of priorities; track priority) {
                <option [value]="priority">{{ priorityName(priority) }}</option>
              }
            </select>
          }
          @if (action.kind === 'ASSIGN_TEAM') {
            <label [for]="'action-team-' + i">Team</label>
            <select
              [id]="'action-team-' + i"
              [name]="'team-' + i"
              [ngModel]="action.teamId"
              (ngModelChange)="changeAction(i, { teamId: $event })"
            >
              <option value="">Choose</option>
              @for (team of teams(); track team.id) {
                <option [value]="team.id">{{ team.name }}</option>
              }
            </select>
          }
          @if (action.kind === 'ADD_TAG') {
            <label [for]="'action-tag-' + i">Tag</label>
            <input
              [id]="'action-tag-' + i"
              [name]="'tag-' + i"
              [ngModel]="action.tag"
              (ngModelChange)="changeAction(i, { tag: $event })"
            />
          }
          @if (form().actions.length > 1) {
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Remove action ' + (i + 1)"
              (click)="removeAction(i)"
            >
              Remove this action
            </button>
          }
        }
        <button type="button" class="secondary" (click)="addAction()">Add an action</button>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          name="active"
          [ngModel]="form().active"
          (ngModelChange)="patch({ active: $event })"
        />
        Switched on
      </label>
      <div class="actions">
        <button type="button" class="secondary" [disabled]="actions.busy()" (click)="preview()">
          Which cases would it act on now?
        </button>
        <button type="submit" [disabled]="actions.busy()">{{ editing() ? 'Save rule' : 'Add rule' }}</button>
        @if (editing()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback
        [problems]="problems()"
        lead="The rule was not saved:"
        [error]="actions.error() ?? previewError()"
      />
      @if (previewed(); as previewed) {
        <div role="status" data-testid="automation-preview">
          <p>It would act on {{ previewed.count }} {{ previewed.count === 1 ? 'case' : 'cases' }} now.</p>
          @if (previewed.cases.length) {
            <ul>
              @for (item of previewed.cases; track item.id) {
                <li>{{ item.number }} · {{ item.subject }}</li>
              }
            </ul>
          }
        </div>
      }
    </form>
  `,
})
export class AutomationsPageComponent {
  private readonly apollo = inject(Apollo);
  private readonly query = watchQuery(AdminAutomationsDocument);
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly actions = injectActions({ refetch: ['AdminAutomations'] });
  protected readonly statuses = OPEN_STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly kinds = ACTION_KINDS;
  protected readonly slaStates = SLA_STATES;
  protected readonly slaTimers = SLA_TIMERS;
  protected readonly statusName = caseStatusName;
  protected readonly priorityName = priorityName;
  protected readonly teams = computed(() => this.query.data()?.teams ?? []);
  protected readonly rules = computed(() => {
    const teams = new Map(this.teams().map((team) => [team.id, team.name]));
    return (this.query.data()?.automationRules ?? []).map((rule) => ({
      ...rule,
      when: describeConditions(rule.conditions),
      then: describeActions(rule.actions, teams),
      applied: rule.appliedCount
        ? `${rule.appliedCount} ${rule.appliedCount === 1 ? 'case' : 'cases'}, last ${formatWhen(rule.lastAppliedAt!)}`
        : 'None yet',
    }));
  });
  protected readonly form = signal<AutomationForm>(newAutomationForm());
  protected readonly editing = signal<AdminAutomationRuleFragment | null>(null);
  protected readonly problems = signal<string[]>([]);
  protected readonly previewed = signal<PreviewAutomationQuery['previewAutomationRule'] | null>(null);
  protected readonly previewError = signal<string | null>(null);

  protected patch(change: Partial<AutomationForm>): void {
    this.form.update((form) => ({ ...form, ...change }));
    this.previewed.set(null);
  }

  protected toggleStatus(status: CaseStatus): void {
    const statuses = this.form().statuses;
    this.patch({
      statuses: statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status],
    });
  }

  protected toggleSlaTimer(kind: SlaTimerKind): void {
    const kinds = this.form().slaTimerKinds;
    this.patch({ slaTimerKinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] });
  }

  protected changeAction(index: number, change: Partial<ActionDraft>): void {
    this.patch({ actions: this.form().actions.map((a, i) => (i === index ? { ...a, ...change } : a)) });
  }

  protected addAction(): void {
    this.patch({ actions: [...this.form().actions, newAction('ADD_TAG')] });
  }

  protected removeAction(index: number): void {
    this.patch({ actions: this.form().actions.filter((_, i) => i !== index) });
  }

  protected edit(rule: AdminAutomationRuleFragment): void {
    this.form.set(automationFormOf(rule));
    this.editing.set(rule);
    this.problems.set([]);
    this.previewed.set(null);
    this.actions.clear();
  }

  protected reset(): void {
    this.form.set(newAutomationForm());
    this.editing.set(null);
    this.problems.set([]);
    this.previewed.set(null);
  }

  /** The dry run: asks the service which cases the conditions match now. */
  protected async preview(): Promise<void> {
    this.previewError.set(null);
    try {
      const { data } = await firstValueFrom(
        this.apollo.query({
          query: PreviewAutomationDocument,
          variables: { conditions: conditionsOf(this.form()) },
          fetchPolicy: 'network-only',
        }),
      );
      this.previewed.set(data?.previewAutomationRule ?? null);
    } catch (error) {
      this.previewError.set(errorMessage(error, 'en'));
    }
  }

  protected async save(): Promise<void> {
    const rule = this.editing();
    const result = automationInput(this.form());
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const words = {
      reasons: {
        RULE_WOULD_LOOP:
          'A rule needs at least one school day of quiet, or it would act on the same cases every minute.',
        RULE_TOO_BROAD:
          'The rule would act on more than 5,000 cases now: narrow it, or save it switched off, or make such a change as a bulk action.',
        INVALID_SLA_CONDITION:
          'The SLA condition is incomplete: a deadline due within 1 to 168 hours, or one breached.',
      },
      done: `Rule ${result.input.name} was ${rule ? 'saved' : 'added'}.`,
    };
    const done = rule
      ? await this.actions.run(UpdateAutomationDocument, { id: rule.id, input: result.input }, words)
      : await this.actions.run(CreateAutomationDocument, { input: result.input }, words);
    if (done) this.reset();
  }
}
