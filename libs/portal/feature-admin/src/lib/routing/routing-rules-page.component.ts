import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { runMutation, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { CHANNELS, PRIORITIES } from '../case-choices';
import {
  type Channel,
  CreateRoutingRuleDocument,
  DeleteRoutingRuleDocument,
  type Priority,
  RoutingRulesDocument,
} from '../operations.generated';
import { describeActions, describeConditions, listFromText, type RuleNames } from './routing-rule-text';

/**
 * Routing rules: the first active rule a new case matches sends it to a team (round-robin among its
 * available members), sets its priority and tags it. Administrators see the rules in the order they are
 * tried, add one at any position, and delete one.
 */
@Component({
  selector: 'hr-routing-rules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <h1>Routing rules</h1>
    <p class="hint">New cases are checked against the rules from the top; the first that matches decides.</p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (rules().length === 0) {
      <p>No rules yet: new cases wait, unassigned, in every school's inbox.</p>
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
          @for (rule of rules(); track rule.id) {
            <tr data-testid="routing-rule">
              <td>{{ rule.position }}</td>
              <td>{{ rule.name }}{{ rule.active ? '' : ' (inactive)' }}</td>
              <td>{{ rule.when }}</td>
              <td>{{ rule.then }}</td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  [disabled]="busy()"
                  [attr.aria-label]="'Delete rule ' + rule.name"
                  (click)="remove(rule.id)"
                >
                  Delete
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    }

    <h2>Add a rule</h2>
    <form class="admin-form" (ngSubmit)="create()">
      <label for="rule-name">Name</label>
      <input id="rule-name" name="name" required [(ngModel)]="name" />
      <fieldset>
        <legend>When a new case… (leave a field empty to match any)</legend>
        <label for="rule-schools">is at one of these schools</label>
        <select id="rule-schools" name="schools" multiple size="4" [(ngModel)]="schoolIds">
          @for (school of choices().schools; track school.id) {
            <option [value]="school.id">{{ school.name }}</option>
          }
        </select>
        <label for="rule-topics">is about one of these topics</label>
        <select id="rule-topics" name="topics" multiple size="4" [(ngModel)]="topicIds">
          @for (topic of choices().topics; track topic.id) {
            <option [value]="topic.id">{{ topic.name }}</option>
          }
        </select>
        <label for="rule-channels">came in by</label>
        <select id="rule-channels" name="channels" multiple size="4" [(ngModel)]="channels">
          @for (channel of channelOptions; track channel) {
            <option [value]="channel">{{ channel }}</option>
          }
        </select>
        <label for="rule-keywords">mentions any of these words or phrases (comma-separated)</label>
        <input id="rule-keywords" name="keywords" [(ngModel)]="keywords" />
        <label for="rule-languages">is in one of these languages (e.g. es, vi)</label>
        <input id="rule-languages" name="languages" [(ngModel)]="languages" />
      </fieldset>
      <fieldset>
        <legend>Then</legend>
        <label for="rule-team">send it to the team</label>
        <select id="rule-team" name="team" [(ngModel)]="teamId">
          <option value="">No team</option>
          @for (team of choices().teams; track team.id) {
            <option [value]="team.id">{{ team.name }}</option>
          }
        </select>
        <label for="rule-priority">set its priority</label>
        <select id="rule-priority" name="priority" [(ngModel)]="priority">
          <option value="">Keep it</option>
          @for (option of priorityOptions; track option) {
            <option [value]="option">{{ option }}</option>
          }
        </select>
        <label for="rule-tags">tag it (comma-separated)</label>
        <input id="rule-tags" name="tags" [(ngModel)]="tags" />
      </fieldset>
      <label for="rule-position">Position (1 is tried first; empty puts it last)</label>
      <input id="rule-position" name="position" type="number" min="1" [(ngModel)]="position" />
      <button type="submit" [disabled]="busy() || !name().trim()">Add rule</button>
      <hr-form-feedback [error]="error()" />
    </form>
  `,
})
export class RoutingRulesPageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly channelOptions = CHANNELS;
  protected readonly priorityOptions = PRIORITIES;
  private readonly query = watchQuery(RoutingRulesDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly schoolIds = signal<string[]>([]);
  protected readonly topicIds = signal<string[]>([]);
  protected readonly channels = signal<Channel[]>([]);
  protected readonly keywords = signal('');
  protected readonly languages = signal('');
  protected readonly teamId = signal('');
  protected readonly priority = signal<Priority | ''>('');
  protected readonly tags = signal('');
  protected readonly position = signal<number | null>(null);
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

  protected async create(): Promise<void> {
    const created = await runMutation(
      this.apollo,
      CreateRoutingRuleDocument,
      {
        name: this.name().trim(),
        position: this.position() || null,
        conditions: {
          schoolIds: this.schoolIds().length ? this.schoolIds() : null,
          topicIds: this.topicIds().length ? this.topicIds() : null,
          channels: this.channels().length ? this.channels() : null,
          keywords: listFromText(this.keywords()),
          languages: listFromText(this.languages()),
        },
        actions: {
          teamId: this.teamId() || null,
          priority: this.priority() || null,
          tags: listFromText(this.tags()),
        },
      },
      this.state(),
      ['RoutingRules'],
    );
    if (!created) return;
    for (const field of [this.name, this.keywords, this.languages, this.teamId, this.tags]) field.set('');
    this.schoolIds.set([]);
    this.topicIds.set([]);
    this.channels.set([]);
    this.priority.set('');
    this.position.set(null);
  }

  protected remove(id: string): Promise<unknown> {
    return runMutation(this.apollo, DeleteRoutingRuleDocument, { id }, this.state(), ['RoutingRules']);
  }

  private state() {
    return { busy: this.busy, error: this.error };
  }
}
