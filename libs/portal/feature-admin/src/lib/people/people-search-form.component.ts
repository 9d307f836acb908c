import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { PeopleFilter, PersonKind } from '../operations.generated';
import { PERSON_KINDS, peopleFilter } from './person-form';

/**
 * The directory search: name, email or phone, narrowed by kind and school, with or without inactive and
 * merged records. It starts on staff, as the list does: listing students or guardians logs a read of
 * each, which browsing should not.
 */
@Component({
  selector: 'hr-people-search-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  styles: `
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: end;
    }
    .search div {
      display: grid;
      gap: 0.2rem;
    }
  `,
  template: `
    <form class="search" role="search" aria-label="Directory" (ngSubmit)="submit()">
      <div>
        <label for="people-search">Name, email or phone</label>
        <input id="people-search" name="search" type="search" [(ngModel)]="text" />
      </div>
      <div>
        <label for="people-kind">Kind</label>
        <select id="people-kind" name="kind" [(ngModel)]="kind">
          <option value="">Anyone</option>
          @for (option of kinds; track option.kind) {
            <option [value]="option.kind">{{ option.name }}</option>
          }
        </select>
      </div>
      <div>
        <label for="people-school">School</label>
        <select id="people-school" name="school" [(ngModel)]="schoolId">
          <option value="">Any school</option>
          @for (school of schools(); track school.id) {
            <option [value]="school.id">{{ school.name }}</option>
          }
        </select>
      </div>
      <div>
        <span>
          <input id="people-inactive" name="includeInactive" type="checkbox" [(ngModel)]="includeInactive" />
          <label for="people-inactive">Include inactive and merged records</label>
        </span>
      </div>
      <button type="submit" [disabled]="searching()">Search</button>
    </form>
  `,
})
export class PeopleSearchFormComponent {
  readonly schools = input<readonly { id: string; name: string }[]>([]);
  /** True while a search runs; another waits for it. */
  readonly searching = input(false);
  /** The search as the API's filter. */
  readonly search = output<PeopleFilter>();

  protected readonly kinds = PERSON_KINDS;
  protected readonly text = signal('');
  protected readonly kind = signal<PersonKind | ''>('STAFF');
  protected readonly schoolId = signal('');
  protected readonly includeInactive = signal(false);

  protected submit(): void {
    this.search.emit(
      peopleFilter({
        search: this.text(),
        kind: this.kind(),
        schoolId: this.schoolId(),
        includeInactive: this.includeInactive(),
      }),
    );
  }
}
