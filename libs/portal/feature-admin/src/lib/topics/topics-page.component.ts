import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { FormFeedbackComponent } from '@homeroom/portal/ui';
import { AdminTopicsDocument, type AdminTopicsQuery, CreateTopicDocument } from '../operations.generated';

type Topic = AdminTopicsQuery['topics'][number];

/**
 * The district's topics, as a tree: what families pick on the inquiry form, what routing rules and SLA
 * policies match on, and what the classifier learns. Administrators add topics and subtopics.
 */
@Component({
  selector: 'hr-topics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent],
  template: `
    <h1>Topics</h1>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <ul class="tree" aria-label="Topics">
      @for (topic of tree(); track topic.id) {
        <li>
          {{ topic.name }}
          @if (topic.children.length) {
            <ul>
              @for (child of topic.children; track child.id) {
                <li>{{ child.name }}</li>
              }
            </ul>
          }
        </li>
      } @empty {
        <li>No topics yet.</li>
      }
    </ul>
    <h2>Add a topic</h2>
    <form class="admin-form" (ngSubmit)="create()">
      <label for="topic-name">Name</label>
      <input id="topic-name" name="name" required [(ngModel)]="name" />
      <label for="topic-parent">Under</label>
      <select id="topic-parent" name="parent" [(ngModel)]="parentId">
        <option value="">Nothing (a top-level topic)</option>
        @for (topic of tree(); track topic.id) {
          <option [value]="topic.id">{{ topic.name }}</option>
        }
      </select>
      <button type="submit" [disabled]="actions.busy() || !name().trim()">Add topic</button>
      <hr-form-feedback [error]="actions.error()" />
    </form>
  `,
})
export class TopicsPageComponent {
  private readonly query = watchQuery(AdminTopicsDocument);
  protected readonly loadError = this.query.error;
  protected readonly actions = injectActions({ refetch: ['AdminTopics'] });
  protected readonly name = signal('');
  protected readonly parentId = signal('');
  /** Top-level topics by name, each with its subtopics by name. */
  protected readonly tree = computed(() => {
    const byName = (a: Topic, b: Topic) => a.name.localeCompare(b.name);
    const all = this.query.data()?.topics ?? [];
    return all
      .filter((topic) => !topic.parentId)
      .sort(byName)
      .map((topic) => ({
        ...topic,
        children: all.filter((child) => child.parentId === topic.id).sort(byName),
      }));
  });

  protected async create(): Promise<void> {
    const created = await this.actions.run(CreateTopicDocument, {
      name: this.name().trim(),
      parentId: this.parentId() || null,
    });
    if (created) {
      this.name.set('');
      this.parentId.set('');
    }
  }
}
