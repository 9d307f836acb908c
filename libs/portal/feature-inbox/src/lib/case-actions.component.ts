import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { injectActions } from '@homeroom/portal/data-access';
import {
  AssignCaseDocument,
  type CasePageQuery,
  type CaseStatus,
  type Priority,
  SetCaseStatusDocument,
  UpdateCaseDocument,
} from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

const STATUSES: readonly CaseStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** The case's handling: status, priority, topic, team and assignee, each saved as it is picked. */
@Component({
  selector: 'hr-case-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="handling-heading">
      <h2 id="handling-heading">Handling</h2>
      <div class="fields">
        <label for="case-status">Status</label>
        <select id="case-status" [disabled]="actions.busy()" (change)="setStatus($event)">
          @for (status of statuses; track status) {
            <option [value]="status" [selected]="status === supportCase().status">{{ status }}</option>
          }
        </select>
        <label for="case-priority">Priority</label>
        <select id="case-priority" [disabled]="actions.busy()" (change)="setPriority($event)">
          @for (priority of priorities; track priority) {
            <option [value]="priority" [selected]="priority === supportCase().priority">
              {{ priority }}
            </option>
          }
        </select>
        <label for="case-topic">Topic</label>
        <select id="case-topic" [disabled]="actions.busy()" (change)="setTopic($event)">
          <option value="" [selected]="!supportCase().topic">No topic</option>
          @for (topic of topics(); track topic.id) {
            <option [value]="topic.id" [selected]="topic.id === supportCase().topic?.id">
              {{ topic.name }}
            </option>
          }
        </select>
        <label for="case-team">Team</label>
        <select id="case-team" [disabled]="actions.busy()" (change)="setTeam($event)">
          <option value="" [selected]="!supportCase().team">No team</option>
          @for (team of teams(); track team.id) {
            <option [value]="team.id" [selected]="team.id === supportCase().team?.id">{{ team.name }}</option>
          }
        </select>
        <label for="case-assignee">Assignee</label>
        <select id="case-assignee" [disabled]="actions.busy()" (change)="setAssignee($event)">
          <option value="" [selected]="!supportCase().assignee">Unassigned</option>
          @for (member of members(); track member.id) {
            <option [value]="member.id" [selected]="member.id === supportCase().assignee?.id">
              {{ member.displayName }}{{ member.available ? '' : ' (away)' }}
            </option>
          }
        </select>
      </div>
      <button type="button" class="secondary" [disabled]="actions.busy() || isMine()" (click)="assignToMe()">
        Assign to me
      </button>
      @if (actions.error(); as error) {
        <p role="alert" class="error">{{ error }}</p>
      }
    </section>
  `,
})
export class CaseActionsComponent {
  readonly supportCase = input.required<PageCase>();
  readonly topics = input.required<CasePageQuery['topics']>();
  readonly teams = input.required<CasePageQuery['teams']>();
  /** The signed-in person. */
  readonly personId = input.required<string>();
  protected readonly statuses = STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly actions = injectActions({ refetch: ['CasePage'] });
  protected readonly isMine = computed(() => this.supportCase().assignee?.id === this.personId());
  /** Whom the case can go to: the members of its team, or of every team when it has none. */
  protected readonly members = computed(() => {
    const teamId = this.supportCase().team?.id;
    const people = new Map<string, { id: string; displayName: string; available: boolean }>();
    for (const team of this.teams())
      if (!teamId || team.id === teamId)
        for (const member of team.members)
          people.set(member.person.id, { ...member.person, available: member.available });
    const assignee = this.supportCase().assignee;
    if (assignee && !people.has(assignee.id)) people.set(assignee.id, { ...assignee, available: true });
    return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  });

  protected setStatus(event: Event): Promise<void> {
    return this.fromSelect(event, this.supportCase().status, (status) =>
      this.actions.run(SetCaseStatusDocument, {
        caseId: this.supportCase().id,
        status: status as CaseStatus,
      }),
    );
  }

  protected setPriority(event: Event): Promise<void> {
    return this.fromSelect(event, this.supportCase().priority, (priority) =>
      this.actions.run(UpdateCaseDocument, {
        caseId: this.supportCase().id,
        input: { priority: priority as Priority },
      }),
    );
  }

  protected setTopic(event: Event): Promise<void> {
    return this.fromSelect(event, this.supportCase().topic?.id ?? '', (topicId) =>
      this.actions.run(UpdateCaseDocument, {
        caseId: this.supportCase().id,
        input: { topicId: topicId || null },
      }),
    );
  }

  protected setTeam(event: Event): Promise<void> {
    // A new team starts unassigned: its routing, or its people, pick who.
    return this.fromSelect(event, this.supportCase().team?.id ?? '', (teamId) =>
      this.actions.run(AssignCaseDocument, {
        caseId: this.supportCase().id,
        teamId: teamId || null,
        assigneeId: null,
      }),
    );
  }

  protected setAssignee(event: Event): Promise<void> {
    return this.fromSelect(event, this.supportCase().assignee?.id ?? '', (assigneeId) =>
      this.actions.run(AssignCaseDocument, {
        caseId: this.supportCase().id,
        teamId: this.supportCase().team?.id ?? null,
        assigneeId: assigneeId || null,
      }),
    );
  }

  assignToMe(): Promise<unknown> {
    return this.actions.run(AssignCaseDocument, {
      caseId: this.supportCase().id,
      teamId: this.supportCase().team?.id ?? null,
      assigneeId: this.personId(),
    });
  }

  /** A refused change puts the picker back to what the case still says. */
  private async fromSelect(event: Event, current: string, change: (value: string) => Promise<unknown>) {
    const select = event.target as HTMLSelectElement;
    if ((await change(select.value)) === null) select.value = current;
  }
}
