import { ChangeDetectionStrategy, Component, computed, input, model, viewChild } from '@angular/core';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { AdminSlasDeletePolicyDocument, type AdminSlasQuery } from '../operations.generated';
import { PolicyEditorComponent } from './policy-editor.component';
import { policyRow } from './sla-lists';
import { describeDuration } from './durations';

type Policy = AdminSlasQuery['slaPolicies'][number];
type PolicyAction = 'edit' | 'delete';

/**
 * The SLA policies in the order they apply, each with its conditions, targets, clock, warning and paused
 * statuses, to edit or delete; and the editor for a new policy or the one chosen.
 */
@Component({
  selector: 'hr-sla-policies',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent, PolicyEditorComponent, RowActionsComponent],
  template: `
    <h2>SLA policies</h2>
    <p class="hint">
      A new case is held to the first active policy, in this order, whose conditions it meets. On the business
      clock a day is {{ businessDayText() }}, the district calendar's usual day; a school with its own
      calendar counts its own hours.
    </p>
    @if (rows().length === 0) {
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
          @for (policy of rows(); track policy.id) {
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
                <hr-row-actions
                  [label]="'Actions for policy ' + policy.name"
                  [actions]="policy.actions"
                  [busy]="busy()"
                  (chosen)="onChosen(policy, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="hint">Deleting a policy leaves the cases that had it with their timers.</p>
      <hr-form-feedback [error]="deleting.error()" />
    }

    <hr-policy-editor
      [schools]="schools()"
      [topics]="topics()"
      [businessDay]="businessDay()"
      [(busy)]="busy"
    />
  `,
})
export class SlaPoliciesComponent {
  readonly policies = input<readonly Policy[]>([]);
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  readonly topics = input<readonly { id: string; name: string }[]>([]);
  /** Business minutes in a "business day": the district calendar's usual open day. */
  readonly businessDay = input.required<number>();
  /** True while the page's data loads: "no policies yet" waits for it. */
  readonly loading = input(false);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** Deleting a policy; why one was not deleted shows under the policies. */
  protected readonly deleting = injectActions({ refetch: ['AdminSlas'], busy: this.busy });

  private readonly editor = viewChild.required(PolicyEditorComponent);
  protected readonly businessDayText = computed(() => describeDuration(this.businessDay(), 'CALENDAR', 1440));
  protected readonly rows = computed(() => {
    const names = {
      schools: new Map(this.schools().map((school) => [school.id, school.name])),
      topics: new Map(this.topics().map((topic) => [topic.id, topic.name])),
    };
    return [...this.policies()]
      .sort((a, b) => a.position - b.position)
      .map((policy) => ({ ...policyRow(policy, names, this.businessDay()), actions: policyActions(policy) }));
  });

  protected onChosen(policy: Policy, action: PolicyAction): void {
    if (action === 'edit') this.editor().edit(policy);
    else void this.delete(policy.id);
  }

  private async delete(id: string): Promise<void> {
    const deleted = await this.deleting.run(AdminSlasDeletePolicyDocument, { id });
    if (deleted) this.editor().forget(id);
  }
}

/** A policy's buttons, named for it; both wait while a change runs. */
function policyActions(policy: Policy): RowAction<PolicyAction>[] {
  return [
    { id: 'edit', label: 'Edit', name: `Edit policy ${policy.name}` },
    { id: 'delete', label: 'Delete', name: `Delete policy ${policy.name}` },
  ];
}
