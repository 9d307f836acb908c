import { ChangeDetectionStrategy, Component, computed, signal, viewChild } from '@angular/core';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { caseStatusName, FormFeedbackComponent, priorityName } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { formatWhen } from '../formats';
import {
  type AdminReplyTemplateFragment,
  AdminReplyTemplatesDocument,
  ArchiveReplyTemplateDocument,
} from '../operations.generated';
import { ReplyTemplateFormComponent } from './reply-template-form.component';

type TemplateAction = 'edit' | 'archive';

/**
 * Reply templates (macros): what staff insert on the case page with a shortcut or the picker. District
 * administrators keep the district's and every team's; a school's administrators their teams'. The list
 * shows whose each is, its languages, what sending it changes and how often it is used; archived ones
 * stay listed with their counts, out of the pickers.
 */
@Component({
  selector: 'hr-reply-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormFeedbackComponent, ReplyTemplateFormComponent, RowActionsComponent],
  template: `
    <h1>Reply templates</h1>
    <p class="hint">
      Staff insert a template on the case page by its shortcut or name; its text comes in the requester's
      language.
    </p>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading reply templates…</p>
    } @else if (templates().length === 0) {
      @if (!loadError()) {
        <p>No templates yet.</p>
      }
    } @else {
      @if (total() > templates().length) {
        <p class="hint">The first {{ templates().length }} of {{ total() }} templates by name.</p>
      }
      <table>
        <caption class="visually-hidden">
          Reply templates by name
        </caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Whose</th>
            <th scope="col">Languages</th>
            <th scope="col">When sent</th>
            <th scope="col">Used</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (template of templates(); track template.id) {
            <tr data-testid="reply-template">
              <td>
                {{ template.name }}{{ template.archived ? ' (archived)' : '' }}
                @if (template.shortcut) {
                  <br /><code>{{ template.shortcut }}</code>
                }
              </td>
              <td>{{ template.team ? 'Team ' + template.team.name : 'District-wide' }}</td>
              <td>{{ template.languages }}</td>
              <td>{{ template.changes }}</td>
              <td>{{ template.used }}</td>
              <td>
                <hr-row-actions
                  [label]="'Actions for template ' + template.name"
                  [actions]="template.actions"
                  [busy]="busy()"
                  (chosen)="act(template, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
    <hr-form-feedback [error]="changing.error()" [done]="changing.done() ?? saved()" />

    <hr-reply-template-form [choices]="choices()" [(busy)]="busy" (saved)="onSaved($event)" />
  `,
})
export class ReplyTemplatesPageComponent {
  private readonly query = watchQuery(AdminReplyTemplatesDocument);
  private readonly data = this.query.data;
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.data());
  protected readonly form = viewChild.required(ReplyTemplateFormComponent);
  protected readonly busy = signal(false);
  protected readonly changing = injectActions({ refetch: ['AdminReplyTemplates'], busy: this.busy });
  protected readonly saved = signal<string | null>(null);
  protected readonly choices = computed(() => ({
    topics: this.data()?.topics ?? [],
    teams: this.data()?.teams ?? [],
  }));
  protected readonly total = computed(() => this.data()?.replyTemplates.totalCount ?? 0);
  protected readonly templates = computed(() => {
    const topics = new Map(this.choices().topics.map((topic) => [topic.id, topic.name]));
    return (this.data()?.replyTemplates.edges ?? []).map(({ node }) => ({
      ...node,
      languages: node.translations.map((t) => t.language).join(', '),
      changes: changesOf(node, topics),
      used: node.usageCount
        ? `${node.usageCount} ${node.usageCount === 1 ? 'time' : 'times'}, last ${formatWhen(node.lastUsedAt!)}`
        : 'Not yet',
      actions: actionsFor(node),
    }));
  });

  protected onSaved(message: string): void {
    this.changing.clear();
    this.saved.set(message);
  }

  protected async act(template: AdminReplyTemplateFragment, action: TemplateAction): Promise<void> {
    if (action === 'edit') {
      this.form().edit(template);
      return;
    }
    this.saved.set(null);
    const archived = await this.changing.run(
      ArchiveReplyTemplateDocument,
      { id: template.id },
      { done: `Template ${template.name} was archived: it is out of the pickers, its shortcut free.` },
    );
    if (archived) this.form().forget(template.id);
  }
}

/** Edit for every template; Archive for those in use. */
function actionsFor(template: AdminReplyTemplateFragment): RowAction<TemplateAction>[] {
  const actions: RowAction<TemplateAction>[] = [
    { id: 'edit', label: 'Edit', name: `Edit template ${template.name}`, waitsForChanges: false },
  ];
  if (!template.archived)
    actions.push({ id: 'archive', label: 'Archive', name: `Archive template ${template.name}` });
  return actions;
}

/** "Status Pending; priority High; topic Bus delay; tags bus": what sending the template changes. */
export function changesOf(template: AdminReplyTemplateFragment, topics: ReadonlyMap<string, string>): string {
  const parts = [
    template.setStatus ? `status ${caseStatusName(template.setStatus)}` : null,
    template.setPriority ? `priority ${priorityName(template.setPriority)}` : null,
    template.setTopicId ? `topic ${topics.get(template.setTopicId) ?? 'unknown'}` : null,
    template.addTags.length ? `tags ${template.addTags.join(', ')}` : null,
    template.vitalCategory ? 'vital: waits for a qualified translator in other languages' : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('; ') : 'Nothing but the reply';
}
