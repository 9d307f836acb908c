import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import {
  DeleteRoutingRuleDocument,
  MoveRoutingRuleDocument,
  type RoutingRulesQuery,
  RoutingRulesDocument,
  UpdateRoutingRuleDocument,
} from '../operations.generated';
import { RoutingRuleFormComponent } from './routing-rule-form.component';
import { describeActions, describeConditions, type RuleNames } from './routing-rule-text';

type Rule = RoutingRulesQuery['routingRules'][number];

/**
 * Routing rules: the first active rule a new case matches sends it to a team (round-robin among its
 * available members), sets its priority and tags it. Administrators see the rules in the order they are
 * tried, move one up or down, switch one off (it is kept, and skipped) or on, edit or delete one, and add
 * one at any position.
 */
@Component({
  selector: 'hr-routing-rules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent, RoutingRuleFormComponent],
  template: `
    <h1>Routing rules</h1>
    <p class="hint">New cases are checked against the rules from the top; the first that matches decides.</p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading routing rules…</p>
    } @else if (rules().length === 0) {
      @if (!loadError()) {
        <p>No rules yet: new cases wait, unassigned, in every school's inbox.</p>
      }
    } @else {
      <table>
        <caption class="visually-hidden">
          Routing rules in the order they are tried
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Rule</th>
            <th scope="col">When</th>
            <th scope="col">Then</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (rule of rules(); track rule.id; let first = $first, last = $last) {
            <tr data-testid="routing-rule">
              <td>{{ rule.position }}</td>
              <td>{{ rule.name }}{{ rule.active ? '' : ' (switched off)' }}</td>
              <td>{{ rule.when }}</td>
              <td>{{ rule.then }}</td>
              <td>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    [id]="'rule-up-' + rule.id"
                    [disabled]="busy() || first"
                    [attr.aria-label]="'Move up: rule ' + rule.name"
                    (click)="move(rule, -1)"
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [id]="'rule-down-' + rule.id"
                    [disabled]="busy() || last"
                    [attr.aria-label]="'Move down: rule ' + rule.name"
                    (click)="move(rule, 1)"
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="busy()"
                    [attr.aria-label]="'Edit rule ' + rule.name"
                    (click)="form().edit(rule)"
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="busy()"
                    [attr.aria-label]="(rule.active ? 'Switch off rule ' : 'Switch on rule ') + rule.name"
                    (click)="toggle(rule)"
                  >
                    {{ rule.active ? 'Switch off' : 'Switch on' }}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    [disabled]="busy()"
                    [attr.aria-label]="'Delete rule ' + rule.name"
                    (click)="remove(rule)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
    <hr-form-feedback [error]="changing.error()" [done]="changing.done() ?? saved()" />

    <hr-routing-rule-form [choices]="choices()" [(busy)]="busy" (saved)="onSaved($event)" />
  `,
})
export class RoutingRulesPageComponent {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly query = watchQuery(RoutingRulesDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  /** Until the rules first come (not while they are brought up to date after a change). */
  protected readonly loading = computed(() => this.query.loading() && !this.data());
  protected readonly form = viewChild.required(RoutingRuleFormComponent);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  protected readonly busy = signal(false);
  /** Changes from the list: why one was refused, and what the last one did, in words. */
  protected readonly changing = injectActions({ refetch: ['RoutingRules'], busy: this.busy });
  /** What the form last saved, in words, until a change from the list says something else. */
  protected readonly saved = signal<string | null>(null);
  protected readonly choices = computed(() => ({
    schools: this.data()?.schools.edges.map((edge) => edge.node) ?? [],
    topics: this.data()?.topics ?? [],
    teams: this.data()?.teams ?? [],
  }));
  protected readonly rules = computed(() => {
    const choices = this.choices();
    const names: RuleNames = {
      schools: new Map(choices.schools.map((school) => [school.id, school.name])),
      topics: new Map(choices.topics.map((topic) => [topic.id, topic.name])),
      teams: new Map(choices.teams.map((team) => [team.id, team.name])),
    };
    return (this.data()?.routingRules ?? []).map((rule) => ({
      ...rule,
      when: describeConditions(rule, names),
      then: describeActions(rule, names),
    }));
  });

  protected onSaved(message: string): void {
    this.changing.clear();
    this.saved.set(message);
  }

  protected async move(rule: Rule, by: -1 | 1): Promise<void> {
    this.saved.set(null);
    const moved = await this.changing.run(
      MoveRoutingRuleDocument,
      { id: rule.id, position: rule.position + by },
      {
        done: ({ moveRoutingRule: order }) =>
          `Rule ${rule.name} is now ${order.findIndex((r) => r.id === rule.id) + 1} of ${order.length}.`,
      },
    );
    if (moved) this.keepFocus(rule.id, by < 0 ? 'up' : 'down');
  }

  protected async toggle(rule: Rule): Promise<void> {
    this.saved.set(null);
    await this.changing.run(
      UpdateRoutingRuleDocument,
      { id: rule.id, input: { active: !rule.active } },
      {
        done: ({ updateRoutingRule }) =>
          `Rule ${rule.name} is switched ${updateRoutingRule.active ? 'on' : 'off'}.`,
      },
    );
  }

  protected async remove(rule: Rule): Promise<void> {
    this.saved.set(null);
    const deleted = await this.changing.run(
      DeleteRoutingRuleDocument,
      { id: rule.id },
      { done: `Rule ${rule.name} was deleted.` },
    );
    if (deleted) this.form().forget(rule.id);
  }

  /**
   * A moved row is drawn again in its new place: the focus goes back to the button that moved it, or to
   * the other one once the rule has reached the top or the bottom.
   */
  private keepFocus(id: string, direction: 'up' | 'down'): void {
    afterNextRender(
      () => {
        const buttons = [direction, direction === 'up' ? 'down' : 'up'].map((side) =>
          this.document.getElementById(`rule-${side}-${id}`),
        );
        buttons.find((button) => button instanceof HTMLButtonElement && !button.disabled)?.focus();
      },
      { injector: this.injector },
    );
  }
}
