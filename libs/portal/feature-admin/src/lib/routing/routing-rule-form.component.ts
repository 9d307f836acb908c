import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { channelName, FormFeedbackComponent, priorityName } from '@homeroom/portal/ui';
import { MultiSelectComponent } from '../controls/multi-select.component';
import { CHANNELS, choicesOf, PRIORITIES } from '../case-choices';
import {
  type Channel,
  CreateRoutingRuleDocument,
  type Priority,
  type RoutingRulesQuery,
  UpdateRoutingRuleDocument,
} from '../operations.generated';
import { newRuleForm, newRuleInput, type RuleForm, ruleFormOf, ruleUpdate } from './routing-rule-form';

type Rule = RoutingRulesQuery['routingRules'][number];

/** What the form's pickers offer. */
export interface RuleChoices {
  schools: readonly { id: string; name: string }[];
  topics: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
}

/**
 * The rule form: a new rule at the position given, or the saved rule `edit` is given (its place in the
 * order changes with the list's buttons, not here). What a case must meet, and what the rule does to it.
 */
@Component({
  selector: 'hr-routing-rule-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, MultiSelectComponent],
  template: `
    @if (editing(); as rule) {
      <h2>Edit rule {{ rule.name }}</h2>
    } @else {
      <h2>Add a rule</h2>
    }
    <form class="admin-form" (ngSubmit)="save()">
      <label for="rule-name">Name</label>
      <input #nameInput id="rule-name" name="name" required [(ngModel)]="name" />
      <fieldset>
        <legend>When a new case… (leave a field empty to match any)</legend>
        <hr-multi-select
          idPrefix="rule-schools-"
          label="is at one of these schools"
          [options]="schoolOptions()"
          [(selected)]="schoolIds"
        />
        <hr-multi-select
          idPrefix="rule-topics-"
          label="is about one of these topics"
          [options]="topicOptions()"
          [(selected)]="topicIds"
        />
        <label for="rule-channels">came in by</label>
        <select id="rule-channels" name="channels" multiple size="4" [(ngModel)]="channels">
          @for (channel of channelOptions; track channel.value) {
            <option [value]="channel.value">{{ channel.name }}</option>
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
          @for (option of priorityOptions; track option.value) {
            <option [value]="option.value">{{ option.name }}</option>
          }
        </select>
        <label for="rule-tags">tag it (comma-separated)</label>
        <input id="rule-tags" name="tags" [(ngModel)]="tags" />
      </fieldset>
      @if (!editing()) {
        <label for="rule-position">Position (1 is tried first; empty puts it last)</label>
        <input id="rule-position" name="position" type="number" min="1" [(ngModel)]="position" />
      }
      <div class="actions">
        <button type="submit" [disabled]="actions.busy()">{{ editing() ? 'Save rule' : 'Add rule' }}</button>
        @if (editing()) {
          <button type="button" class="secondary" (click)="reset()">Cancel editing</button>
        }
      </div>
      <hr-form-feedback [problems]="problems()" lead="The rule was not saved:" [error]="actions.error()" />
    </form>
  `,
})
export class RoutingRuleFormComponent {
  readonly choices = input<RuleChoices>({ schools: [], topics: [], teams: [] });
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** What was saved, in words. */
  readonly saved = output<string>();
  protected readonly actions = injectActions({ refetch: ['RoutingRules'], busy: this.busy });

  protected readonly channelOptions = choicesOf(CHANNELS, channelName);
  protected readonly priorityOptions = choicesOf(PRIORITIES, priorityName);
  protected readonly schoolOptions = computed(() =>
    this.choices().schools.map((school) => ({ value: school.id, name: school.name })),
  );
  protected readonly topicOptions = computed(() =>
    this.choices().topics.map((topic) => ({ value: topic.id, name: topic.name })),
  );
  protected readonly editing = signal<Rule | null>(null);
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
  protected readonly problems = signal<string[]>([]);
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  /** Fills the form from the saved rule, and takes the focus to its name. */
  edit(rule: Rule): void {
    this.fill(ruleFormOf(rule));
    this.editing.set(rule);
    this.nameInput().nativeElement.focus();
  }

  /** Starts a new rule. */
  reset(): void {
    this.fill(newRuleForm());
    this.editing.set(null);
  }

  /** A rule was deleted: if it is the one being edited, there is nothing left to edit. */
  forget(id: string): void {
    if (this.editing()?.id === id) this.reset();
  }

  protected async save(): Promise<void> {
    const rule = this.editing();
    const form = this.current();
    if (!(rule ? await this.update(rule, form) : await this.create(form))) return;
    this.reset();
    this.saved.emit(`Rule ${form.name.trim()} was ${rule ? 'saved' : 'added'}.`);
  }

  private async create(form: RuleForm): Promise<boolean> {
    const result = newRuleInput(form);
    this.problems.set(result.problems ?? []);
    if (!result.input) return false;
    return !!(await this.actions.run(CreateRoutingRuleDocument, result.input));
  }

  private async update(rule: Rule, form: RuleForm): Promise<boolean> {
    const result = ruleUpdate(rule, form);
    this.problems.set(result.problems ?? []);
    if (!result.input) return false;
    return !!(await this.actions.run(UpdateRoutingRuleDocument, { id: rule.id, input: result.input }));
  }

  private current(): RuleForm {
    return {
      name: this.name(),
      schoolIds: this.schoolIds(),
      topicIds: this.topicIds(),
      channels: this.channels(),
      keywords: this.keywords(),
      languages: this.languages(),
      teamId: this.teamId(),
      priority: this.priority(),
      tags: this.tags(),
      position: this.position(),
    };
  }

  private fill(form: RuleForm): void {
    this.name.set(form.name);
    this.schoolIds.set([...form.schoolIds]);
    this.topicIds.set([...form.topicIds]);
    this.channels.set([...form.channels]);
    this.keywords.set(form.keywords);
    this.languages.set(form.languages);
    this.teamId.set(form.teamId);
    this.priority.set(form.priority);
    this.tags.set(form.tags);
    this.position.set(form.position);
    this.problems.set([]);
    this.actions.clear();
  }
}
