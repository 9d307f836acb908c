import { ChangeDetectionStrategy, Component, computed, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type AdminStaffQuery, SetStaffRolesDocument, type StaffRole } from '../operations.generated';
import {
  addGrant,
  describeGrant,
  type Grant,
  grantProblem,
  grantsOf,
  rolesInput,
  STAFF_ROLES,
} from './team-text';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/**
 * Changing a staff member's roles: the roles they hold, adding one (at a school or district-wide) and
 * removing one, then saving them all at once. It opens for the person `edit` is given, and takes the
 * focus when it does.
 */
@Component({
  selector: 'hr-staff-roles-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, TakesFocusDirective],
  styles: `
    .panel {
      max-width: 48rem;
      margin-top: 1rem;
    }
  `,
  template: `
    @if (person(); as person) {
      <section class="panel" aria-labelledby="roles-heading" tabindex="-1" hrTakesFocus>
        <h3 id="roles-heading">Roles of {{ person.displayName }}</h3>
        <ul class="plain">
          @for (grant of grantRows(); track grant.key) {
            <li>
              {{ grant.text }}
              <button
                type="button"
                class="secondary"
                [attr.aria-label]="'Remove ' + grant.text + ' from ' + person.displayName"
                (click)="remove(grant.grant)"
              >
                Remove
              </button>
            </li>
          } @empty {
            <li>No roles: with none, {{ person.displayName }} cannot use the staff portal.</li>
          }
        </ul>
        <form class="inline" (ngSubmit)="add()">
          <div>
            <label for="grant-role">Role</label>
            <select id="grant-role" name="role" [(ngModel)]="role">
              <option value="">Choose a role</option>
              @for (option of roles; track option.role) {
                <option [value]="option.role">{{ option.name }}</option>
              }
            </select>
          </div>
          <div>
            <label for="grant-school">Where</label>
            <select id="grant-school" name="school" [(ngModel)]="schoolId">
              <option value="">The whole district</option>
              @for (school of schools(); track school.id) {
                <option [value]="school.id">{{ school.name }}</option>
              }
            </select>
          </div>
          <button type="submit" class="secondary">Add role</button>
        </form>
        <hr-form-feedback [problem]="addProblem()" />
        <p class="hint">
          Nothing changes until you save; saving replaces all of {{ person.displayName }}'s roles.
        </p>
        <div class="actions">
          <button type="button" [disabled]="busy()" (click)="save(person)">
            Save the roles of {{ person.displayName }}
          </button>
          <button type="button" class="secondary" (click)="close()">Cancel</button>
        </div>
        <hr-form-feedback [error]="actions.error()" />
      </section>
    }
  `,
})
export class StaffRolesEditorComponent {
  /** The schools a role may be given at: the active ones. */
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** Names for school ids, a retired school's too, for the roles held. */
  readonly schoolNames = input<ReadonlyMap<string, string>>(new Map());
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  protected readonly actions = injectActions({ refetch: ['AdminStaff'], busy: this.busy });
  /** What was saved, in words, once the editor has closed. */
  readonly saved = output<string>();

  protected readonly roles = STAFF_ROLES;
  protected readonly person = signal<Staff | null>(null);
  protected readonly grants = signal<Grant[]>([]);
  protected readonly role = signal<StaffRole | ''>('');
  protected readonly schoolId = signal('');
  protected readonly addProblem = signal<string | null>(null);
  protected readonly grantRows = computed(() =>
    this.grants().map((grant) => ({
      grant,
      key: `${grant.role}:${grant.schoolId ?? ''}`,
      text: describeGrant(grant, this.schoolNames()),
    })),
  );

  /** Opens the editor on the person's roles as they are now, even when it was open on them already. */
  edit(person: Staff): void {
    this.grants.set(grantsOf(person));
    this.role.set('');
    this.schoolId.set('');
    this.addProblem.set(null);
    this.actions.clear();
    this.person.set(person);
  }

  close(): void {
    this.person.set(null);
  }

  protected add(): void {
    const role = this.role();
    const problem = grantProblem(role, this.schoolId());
    this.addProblem.set(problem);
    if (problem || !role) return;
    this.grants.update((grants) => addGrant(grants, { role, schoolId: this.schoolId() || null }));
    this.role.set('');
    this.schoolId.set('');
  }

  protected remove(grant: Grant): void {
    this.grants.update((grants) => grants.filter((held) => held !== grant));
  }

  protected async save(person: Staff): Promise<void> {
    const done = await this.actions.run(SetStaffRolesDocument, {
      personId: person.id,
      roles: rolesInput(this.grants()),
    });
    if (!done) return;
    this.close();
    this.saved.emit(
      `${person.displayName}'s roles were saved; they apply from their next sign-in or token renewal.`,
    );
  }
}
