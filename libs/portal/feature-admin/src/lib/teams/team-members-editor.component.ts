import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  model,
  output,
  signal,
  type WritableSignal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type AdminStaffQuery, type AdminTeamsQuery, SetTeamMembersDocument } from '../operations.generated';
import { backOnField, membersInput, primaryEmail } from './team-text';

type Team = AdminTeamsQuery['teams'][number];
type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/** A member in the members form: availability and return date as signals the inputs bind to. */
interface MemberRow {
  personId: string;
  name: string;
  available: WritableSignal<boolean>;
  backOn: WritableSignal<string>;
}

/**
 * Changing a team's members, inside the team's panel: who is on it, whether routing may give each new
 * cases now (available, or out of office until the day they are back), and adding staff found by name or
 * email. Nothing changes until the members are saved; the editor takes the focus when it opens.
 */
@Component({
  selector: 'hr-team-members-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, TakesFocusDirective],
  styles: `
    .editor {
      margin-top: 1rem;
    }
    .editor:focus {
      outline: 3px solid currentColor;
    }
  `,
  template: `
    <div
      class="editor"
      tabindex="-1"
      hrTakesFocus
      role="group"
      [attr.aria-label]="'Members of ' + team().name"
    >
      @if (rows().length) {
        <table>
          <caption>
            {{
              'Members of ' + team().name + ', as they will be saved'
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Takes new cases</th>
              <th scope="col">Out of office until (the day they are back)</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.personId) {
              <tr>
                <td>{{ row.name }}</td>
                <td>
                  <input type="checkbox" [id]="'available-' + row.personId" [(ngModel)]="row.available" />
                  <label [for]="'available-' + row.personId">
                    <span class="visually-hidden">{{ row.name }} </span>takes new cases
                  </label>
                </td>
                <td>
                  <label class="visually-hidden" [for]="'back-' + row.personId">
                    {{ row.name }} is out of office until
                  </label>
                  <input type="date" [id]="'back-' + row.personId" [(ngModel)]="row.backOn" />
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-label]="'Remove ' + row.name + ' from ' + team().name"
                    (click)="remove(row.personId)"
                  >
                    Remove
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>No members: routing cannot assign this team's cases to anyone.</p>
      }
      <div class="inline">
        <div>
          <label for="member-search">Find staff to add (name or email)</label>
          <input id="member-search" type="search" [(ngModel)]="search" (keydown.enter)="find.emit()" />
        </div>
        <button type="button" class="secondary" (click)="find.emit()">Find</button>
      </div>
      <ul class="plain" [attr.aria-label]="'Staff who can join ' + team().name">
        @for (person of candidates(); track person.id) {
          <li>
            {{ person.displayName }} · {{ person.email }}
            <button
              type="button"
              class="secondary"
              [attr.aria-label]="'Add ' + person.displayName + ' to ' + team().name"
              (click)="add(person)"
            >
              Add
            </button>
          </li>
        } @empty {
          <li>No one else found.</li>
        }
      </ul>
      <div class="actions">
        <button type="button" [disabled]="busy()" (click)="save()">
          Save the members of {{ team().name }}
        </button>
        <button type="button" class="secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
      <hr-form-feedback [problems]="problems()" [error]="actions.error()" />
    </div>
  `,
})
export class TeamMembersEditorComponent {
  /** The team as it was when the editor opened; later answers of the query leave the form alone. */
  readonly team = input.required<Team>();
  /** Staff found by the last search, members or not. */
  readonly found = input<readonly Staff[]>([]);
  /** The search typed, kept by the page with the results it found. */
  readonly search = model('');
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminTeams'], busy: this.busy });
  /** Asks the page to search staff for `search`. */
  readonly find = output<void>();
  /** What was saved, in words. */
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly rows = linkedSignal<MemberRow[]>(() => {
    const now = new Date();
    return this.team().members.map((member) => ({
      personId: member.person.id,
      name: member.person.displayName,
      available: signal(member.available),
      backOn: signal(backOnField(member.outOfOfficeUntil, now)),
    }));
  });
  protected readonly problems = signal<string[]>([]);
  /** Active staff found who are not members yet. */
  protected readonly candidates = computed(() => {
    const members = new Set(this.rows().map((row) => row.personId));
    return this.found()
      .filter((person) => person.active && !members.has(person.id))
      .map((person) => ({ ...person, email: primaryEmail(person) }));
  });

  protected add(person: Staff): void {
    this.rows.update((rows) => [
      ...rows,
      { personId: person.id, name: person.displayName, available: signal(true), backOn: signal('') },
    ]);
  }

  protected remove(personId: string): void {
    this.rows.update((rows) => rows.filter((row) => row.personId !== personId));
  }

  protected async save(): Promise<void> {
    const team = this.team();
    const result = membersInput(
      this.rows().map((row) => ({
        personId: row.personId,
        name: row.name,
        available: row.available(),
        backOn: row.backOn(),
      })),
      new Date(),
    );
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const done = await this.actions.run(SetTeamMembersDocument, { teamId: team.id, members: result.input });
    if (done) this.saved.emit(`The members of ${team.name} were saved.`);
  }
}
