import { ChangeDetectionStrategy, Component, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type AdminStaffQuery, SetStaffPasswordDocument } from '../operations.generated';
import { passwordProblems, primaryEmail } from './team-text';

type Staff = AdminStaffQuery['people']['edges'][number]['node'];

/**
 * Setting a staff member's password for the built-in sign-in, typed twice and checked against the
 * directory's policy before it is sent. It opens for the person `edit` is given, and takes the focus when
 * it does.
 */
@Component({
  selector: 'hr-staff-password-editor',
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
      <section class="panel" aria-labelledby="password-heading" tabindex="-1" hrTakesFocus>
        <h3 id="password-heading">Set a password for {{ person.displayName }}</h3>
        <p class="hint">
          For the built-in sign-in. It replaces the current password and lifts any lockout. At least 12
          characters; give it to them in person or by phone.
        </p>
        <form class="admin-form" (ngSubmit)="save(person)">
          <label for="staff-password">New password</label>
          <input
            id="staff-password"
            name="password"
            type="password"
            autocomplete="new-password"
            [(ngModel)]="password"
          />
          <label for="staff-password-repeat">The same password again</label>
          <input
            id="staff-password-repeat"
            name="passwordRepeat"
            type="password"
            autocomplete="new-password"
            [(ngModel)]="passwordRepeat"
          />
          <div class="actions">
            <button type="submit" [disabled]="busy()">Set the password of {{ person.displayName }}</button>
            <button type="button" class="secondary" (click)="close()">Cancel</button>
          </div>
          <hr-form-feedback [problems]="problems()" [error]="actions.error()" />
        </form>
      </section>
    }
  `,
})
export class StaffPasswordEditorComponent {
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** Setting a password refetches nothing: no query on the page shows it. */
  protected readonly actions = injectActions({ refetch: [], busy: this.busy });
  /** What was done, in words, once the editor has closed. */
  readonly saved = output<string>();

  protected readonly person = signal<Staff | null>(null);
  protected readonly password = signal('');
  protected readonly passwordRepeat = signal('');
  protected readonly problems = signal<string[]>([]);

  /** Opens the editor on the person, both fields empty. */
  edit(person: Staff): void {
    this.password.set('');
    this.passwordRepeat.set('');
    this.problems.set([]);
    this.actions.clear();
    this.person.set(person);
  }

  close(): void {
    this.person.set(null);
  }

  protected async save(person: Staff): Promise<void> {
    const problems = passwordProblems(this.password(), this.passwordRepeat(), primaryEmail(person) || null);
    this.problems.set(problems);
    if (problems.length) return;
    const done = await this.actions.run(SetStaffPasswordDocument, {
      personId: person.id,
      password: this.password(),
    });
    if (!done) return;
    this.password.set('');
    this.passwordRepeat.set('');
    this.close();
    this.saved.emit(`${person.displayName}'s password was set, and any lockout lifted.`);
  }
}
