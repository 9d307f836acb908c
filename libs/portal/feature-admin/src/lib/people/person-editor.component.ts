import { ChangeDetectionStrategy, Component, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type AdminPersonFragment, type ContactChannel, UpdatePersonDocument } from '../operations.generated';
import { CONTACT_CHANNELS, describePerson, editFormOf, personUpdate } from './person-form';

type Person = AdminPersonFragment;

/**
 * Correcting one person's details: names, preferred language and way of contact, emails and phones. It
 * opens for the person `edit` is given (filled with their details as they are now) and closes once saved.
 * Schools and the student-system id come from the SIS and are not edited here.
 */
@Component({
  selector: 'hr-person-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormFeedbackComponent, TakesFocusDirective],
  styles: `
    .panel {
      margin: 1rem 0;
      max-width: 48rem;
    }
    textarea {
      min-height: 4rem;
    }
  `,
  template: `
    @if (editing(); as person) {
      <section class="panel" aria-labelledby="edit-heading" tabindex="-1" hrTakesFocus>
        <h2 id="edit-heading">Edit {{ person.displayName }}</h2>
        <p class="hint">
          {{ describe(person) }}. Schools and the student-system id come from the student information system
          and are not changed here.
        </p>
        <form class="admin-form" (ngSubmit)="save(person)">
          <label for="person-given">Given name</label>
          <input id="person-given" name="givenName" required [(ngModel)]="givenName" />
          <label for="person-middle">Middle name (optional)</label>
          <input id="person-middle" name="middleName" [(ngModel)]="middleName" />
          <label for="person-family">Family name</label>
          <input id="person-family" name="familyName" required [(ngModel)]="familyName" />
          <label for="person-preferred">Goes by (optional)</label>
          <input id="person-preferred" name="preferredName" [(ngModel)]="preferredName" />
          <label for="person-language">Preferred language (a tag such as en, es, vi)</label>
          <input id="person-language" name="preferredLanguage" required [(ngModel)]="preferredLanguage" />
          <label for="person-channel">Preferred way to be contacted</label>
          <select id="person-channel" name="preferredChannel" [(ngModel)]="preferredChannel">
            <option value="">No preference</option>
            @for (option of channels; track option.channel) {
              <option [value]="option.channel">{{ option.name }}</option>
            }
          </select>
          <label for="person-emails">Email addresses (one a line; the first is the primary one)</label>
          <textarea id="person-emails" name="emails" [(ngModel)]="emails"></textarea>
          <label for="person-phones">Phone numbers (one a line; the first is the primary one)</label>
          <textarea
            id="person-phones"
            name="phones"
            aria-describedby="person-phones-hint"
            [(ngModel)]="phones"
          ></textarea>
          <p id="person-phones-hint" class="hint">A number not on record yet is saved as a mobile number.</p>
          <div class="actions">
            <button type="submit" [disabled]="busy()">Save {{ person.displayName }}</button>
            <button type="button" class="secondary" (click)="close()">Cancel</button>
          </div>
          <hr-form-feedback [problems]="problems()" lead="Nothing was saved:" [error]="saving.error()" />
        </form>
      </section>
    }
  `,
})
export class PersonEditorComponent {
  /** True while a change runs anywhere on the page: every change button waits for it. */
  readonly busy = model(false);
  /** What was saved, in words, once the editor has closed. */
  readonly saved = output<string>();
  /**
   * Saving brings no query up to date: the answer carries the person's fields by id, so the list updates
   * from the cache without a refetch (which would drop the further pages shown).
   */
  protected readonly saving = injectActions({ refetch: [], busy: this.busy });

  protected readonly channels = CONTACT_CHANNELS;
  protected readonly describe = describePerson;
  protected readonly editing = signal<Person | null>(null);
  protected readonly givenName = signal('');
  protected readonly middleName = signal('');
  protected readonly familyName = signal('');
  protected readonly preferredName = signal('');
  protected readonly preferredLanguage = signal('');
  protected readonly preferredChannel = signal<ContactChannel | ''>('');
  protected readonly emails = signal('');
  protected readonly phones = signal('');
  protected readonly problems = signal<string[]>([]);

  /** Opens the editor on the person, filled afresh even when it was open on them already. */
  edit(person: Person): void {
    const form = editFormOf(person);
    this.givenName.set(form.givenName);
    this.middleName.set(form.middleName);
    this.familyName.set(form.familyName);
    this.preferredName.set(form.preferredName);
    this.preferredLanguage.set(form.preferredLanguage);
    this.preferredChannel.set(form.preferredChannel);
    this.emails.set(form.emails);
    this.phones.set(form.phones);
    this.problems.set([]);
    this.saving.clear();
    this.editing.set(person);
  }

  close(): void {
    this.editing.set(null);
  }

  protected async save(person: Person): Promise<void> {
    const result = personUpdate(person, {
      givenName: this.givenName(),
      middleName: this.middleName(),
      familyName: this.familyName(),
      preferredName: this.preferredName(),
      preferredLanguage: this.preferredLanguage(),
      preferredChannel: this.preferredChannel(),
      emails: this.emails(),
      phones: this.phones(),
    });
    this.problems.set(result.problems ?? []);
    if (!result.input) return;
    const updated = await this.saving.run(UpdatePersonDocument, { id: person.id, input: result.input });
    if (!updated) return;
    this.close();
    this.saved.emit(`${updated.updatePerson.displayName} was saved.`);
  }
}
