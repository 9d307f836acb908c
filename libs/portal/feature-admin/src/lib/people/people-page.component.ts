import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { runMutation, watchQuery } from '@homeroom/portal/data-access';
import { appendPage } from '../connection-page';
import {
  type AdminPersonFragment,
  AdminPeopleDocument,
  type AdminPeopleQuery,
  type AdminPeopleQueryVariables,
  AdminPeopleSchoolsDocument,
  type ContactChannel,
  DeactivatePersonDocument,
  MergePeopleDocument,
  type PersonKind,
  UpdatePersonDocument,
} from '../operations.generated';
import {
  CONTACT_CHANNELS,
  describePerson,
  editFormOf,
  mergePlan,
  PERSON_KINDS,
  peopleFilter,
  personUpdate,
} from './person-form';

type Person = AdminPersonFragment;

const PAGE_SIZE = 25;

/**
 * The directory for administrators: find people by name, email or phone (narrowed by kind and school),
 * page through them, open one, correct a person's details, deactivate a record, and merge a duplicate into
 * the record that survives. Changes need the district administrator role.
 */
@Component({
  selector: 'hr-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink],
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
    .row-actions,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .panel {
      margin: 1rem 0;
      max-width: 48rem;
    }
    .panel:focus {
      outline: 3px solid currentColor;
    }
    textarea {
      min-height: 4rem;
    }
    dl.merge {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.3rem 1rem;
    }
    dl.merge dd {
      margin: 0;
    }
  `,
  template: `
    <h1>People</h1>
    <p class="hint">
      Every student and guardian a search lists is written to the district's access log under your name, so
      the list starts with staff only: search for the person you need rather than browsing.
    </p>
    <form class="search" role="search" aria-label="Directory" (ngSubmit)="runSearch()">
      <div>
        <label for="people-search">Name, email or phone</label>
        <input id="people-search" name="search" type="search" [(ngModel)]="search" />
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

    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    <p role="status">
      @if (loading() || searching()) {
        Searching…
      } @else if (data()) {
        {{ total() === 1 ? '1 person found' : total() + ' people found'
        }}{{ rows().length < total() ? '; showing ' + rows().length : '' }}.
      }
    </p>

    @if (!loading() && rows().length === 0 && data()) {
      <p>No one matches. Try fewer words, another kind or school, or include inactive records.</p>
    } @else if (rows().length) {
      <table>
        <caption class="visually-hidden">
          People found, by family name
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Details</th>
            <th scope="col">Status</th>
            <th scope="col">Merge role</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.person.id) {
            <tr data-testid="person-row">
              <td>
                <a [routerLink]="['/people', row.person.id]">{{ row.person.displayName }}</a>
              </td>
              <td>{{ row.description }}</td>
              <td>{{ row.status }}</td>
              <td>
                @if (row.person.id === duplicate()?.id) {
                  <span class="tag">Duplicate</span>
                } @else if (row.person.id === survivor()?.id) {
                  <span class="tag">Survives</span>
                }
              </td>
              <td>
                <div class="row-actions">
                  <button
                    type="button"
                    class="secondary"
                    [attr.aria-label]="'Edit ' + row.label"
                    (click)="edit(row.person)"
                  >
                    Edit
                  </button>
                  @if (row.person.active) {
                    <button
                      type="button"
                      class="secondary"
                      [disabled]="busy()"
                      [attr.aria-label]="'Deactivate ' + row.label"
                      (click)="confirmDeactivation(row.person)"
                    >
                      Deactivate
                    </button>
                  }
                  @if (!row.person.mergedIntoId) {
                    <button
                      type="button"
                      class="secondary"
                      [attr.aria-pressed]="row.person.id === duplicate()?.id"
                      [attr.aria-label]="'Choose ' + row.label + ' as the duplicate'"
                      (click)="chooseDuplicate(row.person)"
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      [attr.aria-pressed]="row.person.id === survivor()?.id"
                      [attr.aria-label]="'Choose ' + row.label + ' as the record to keep'"
                      (click)="chooseSurvivor(row.person)"
                    >
                      Keep
                    </button>
                  }
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (nextCursor()) {
        <button type="button" class="more" [disabled]="loadingMore()" (click)="showMore()">
          {{ loadingMore() ? 'Loading…' : 'Show more' }}
        </button>
      }
    }
    @if (moreError(); as error) {
      <p role="alert" class="error">{{ error }}</p>
    }

    @if (deactivating(); as person) {
      <div class="panel" role="group" aria-labelledby="deactivate-question" tabindex="-1" #deactivatePanel>
        <p id="deactivate-question">
          <strong>Deactivate {{ person.displayName }}</strong> ({{ describe(person) }})? The record stays,
          marked inactive, with its cases and history; searches leave it out unless inactive records are
          included.
        </p>
        <div class="actions">
          <button type="button" [disabled]="busy()" (click)="deactivate(person)">
            Deactivate {{ person.displayName }}
          </button>
          <button type="button" class="secondary" (click)="deactivating.set(null)">Cancel</button>
        </div>
        @if (deactivateError(); as error) {
          <p role="alert" class="error">{{ error }}</p>
        }
      </div>
    }

    @if (editing(); as person) {
      <section class="panel" aria-labelledby="edit-heading" tabindex="-1" #editPanel>
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
            <button type="button" class="secondary" (click)="editing.set(null)">Cancel</button>
          </div>
          @if (editProblems().length) {
            <div role="alert" class="error">
              <p>Nothing was saved:</p>
              <ul>
                @for (problem of editProblems(); track problem) {
                  <li>{{ problem }}</li>
                }
              </ul>
            </div>
          }
          @if (editError(); as error) {
            <p role="alert" class="error">{{ error }}</p>
          }
        </form>
      </section>
    }
    @if (saved(); as saved) {
      <p role="status">{{ saved }}</p>
    }

    <h2>Merge duplicate records</h2>
    <p class="hint">
      In the results above, choose the duplicate with “Duplicate” and the record to keep with “Keep”; search
      again to find the other record if needed.
    </p>
    <dl class="merge">
      <dt>Duplicate (merged away)</dt>
      <dd>
        @if (duplicate(); as person) {
          {{ person.displayName }} · {{ describe(person) }}
        } @else {
          Not chosen yet
        }
      </dd>
      <dt>Record to keep (survives)</dt>
      <dd>
        @if (survivor(); as person) {
          {{ person.displayName }} · {{ describe(person) }}
        } @else {
          Not chosen yet
        }
      </dd>
    </dl>
    @if (duplicate() || survivor()) {
      <div class="actions">
        <button type="button" class="secondary" [disabled]="!duplicate() || !survivor()" (click)="swap()">
          Swap: keep the other record
        </button>
        <button type="button" class="secondary" (click)="clearMerge()">Clear the choice</button>
      </div>
    }
    @if (merge(); as plan) {
      @if (plan.problem) {
        <p role="alert" class="error">{{ plan.problem }}</p>
      } @else {
        <form class="panel" (ngSubmit)="runMerge()">
          <p>{{ plan.summary }}</p>
          <p>
            <input id="merge-confirm" name="confirmed" type="checkbox" [(ngModel)]="mergeConfirmed" />
            <label for="merge-confirm">I have checked that these two records are the same person.</label>
          </p>
          <button type="submit" [disabled]="busy() || !mergeConfirmed()">{{ plan.action }}</button>
        </form>
      }
    }
    @if (mergeError(); as error) {
      <p role="alert" class="error">{{ error }}</p>
    }
    @if (merged(); as merged) {
      <p role="status">{{ merged }}</p>
    }
  `,
})
export class PeoplePageComponent {
  private readonly apollo = inject(Apollo);
  protected readonly kinds = PERSON_KINDS;
  protected readonly channels = CONTACT_CHANNELS;
  private readonly query = watchQuery<AdminPeopleQuery, AdminPeopleQueryVariables>(AdminPeopleDocument, {
    // Staff first: listing students or guardians logs a read of each (FERPA), which browsing should not.
    filter: { kind: 'STAFF', includeInactive: false },
    first: PAGE_SIZE,
  });
  private readonly schoolsQuery = watchQuery(AdminPeopleSchoolsDocument);
  protected readonly data = this.query.data;
  protected readonly loadError = computed(() => this.query.error() ?? this.schoolsQuery.error());
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly describe = describePerson;

  protected readonly search = signal('');
  protected readonly kind = signal<PersonKind | ''>('STAFF');
  protected readonly schoolId = signal('');
  protected readonly includeInactive = signal(false);
  protected readonly searching = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);

  protected readonly busy = signal(false);
  protected readonly editing = signal<Person | null>(null);
  protected readonly givenName = signal('');
  protected readonly middleName = signal('');
  protected readonly familyName = signal('');
  protected readonly preferredName = signal('');
  protected readonly preferredLanguage = signal('');
  protected readonly preferredChannel = signal<ContactChannel | ''>('');
  protected readonly emails = signal('');
  protected readonly phones = signal('');
  protected readonly editProblems = signal<string[]>([]);
  protected readonly editError = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);

  protected readonly deactivating = signal<Person | null>(null);
  protected readonly deactivateError = signal<string | null>(null);

  protected readonly duplicate = signal<Person | null>(null);
  protected readonly survivor = signal<Person | null>(null);
  protected readonly mergeConfirmed = signal(false);
  protected readonly mergeError = signal<string | null>(null);
  protected readonly merged = signal<string | null>(null);

  protected readonly schools = computed(
    () => this.schoolsQuery.data()?.schools.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly total = computed(() => this.query.data()?.people.totalCount ?? 0);
  protected readonly nextCursor = computed(() => {
    const pageInfo = this.query.data()?.people.pageInfo;
    return pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  });
  protected readonly rows = computed(() =>
    (this.query.data()?.people.edges ?? []).map(({ node: person }) => {
      const description = describePerson(person);
      return {
        person,
        description,
        /** Names the row for buttons: two records of the same name differ in their details. */
        label: `${person.displayName} (${description})`,
        status: person.mergedIntoId ? 'Merged' : person.active ? 'Active' : 'Inactive',
      };
    }),
  );
  protected readonly merge = computed(() => {
    const duplicate = this.duplicate();
    const survivor = this.survivor();
    return duplicate && survivor ? mergePlan(duplicate, survivor) : null;
  });
  private readonly editPanel = viewChild<ElementRef<HTMLElement>>('editPanel');
  private readonly deactivatePanel = viewChild<ElementRef<HTMLElement>>('deactivatePanel');

  constructor() {
    // A panel that opens takes the focus, so keyboard and screen-reader users land in it.
    afterRenderEffect(() => this.editPanel()?.nativeElement.focus());
    afterRenderEffect(() => this.deactivatePanel()?.nativeElement.focus());
  }

  protected async runSearch(): Promise<void> {
    this.searching.set(true);
    this.moreError.set(null);
    try {
      await this.query.ref.refetch({
        filter: peopleFilter({
          search: this.search(),
          kind: this.kind(),
          schoolId: this.schoolId(),
          includeInactive: this.includeInactive(),
        }),
        first: PAGE_SIZE,
      });
    } catch {
      // The query's own error signal says what went wrong.
    } finally {
      this.searching.set(false);
    }
  }

  protected async showMore(): Promise<void> {
    const after = this.nextCursor();
    if (!after || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      await this.query.ref.fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          ...shown,
          people: appendPage(shown.people, fetchMoreResult.people),
        }),
      });
    } catch {
      this.moreError.set('More people could not be loaded. Please try again.');
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected edit(person: Person): void {
    const form = editFormOf(person);
    this.givenName.set(form.givenName);
    this.middleName.set(form.middleName);
    this.familyName.set(form.familyName);
    this.preferredName.set(form.preferredName);
    this.preferredLanguage.set(form.preferredLanguage);
    this.preferredChannel.set(form.preferredChannel);
    this.emails.set(form.emails);
    this.phones.set(form.phones);
    this.editProblems.set([]);
    this.editError.set(null);
    this.saved.set(null);
    this.deactivating.set(null);
    this.editing.set(person);
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
    this.editProblems.set(result.problems ?? []);
    if (!result.input) return;
    // The answer carries the person's fields by id, so the list updates from the cache without a refetch
    // (which would drop the further pages shown).
    const updated = await runMutation(
      this.apollo,
      UpdatePersonDocument,
      { id: person.id, input: result.input },
      { busy: this.busy, error: this.editError },
      [],
    );
    if (!updated) return;
    this.editing.set(null);
    this.saved.set(`${updated.updatePerson.displayName} was saved.`);
  }

  protected confirmDeactivation(person: Person): void {
    this.deactivateError.set(null);
    this.editing.set(null);
    this.deactivating.set(person);
  }

  protected async deactivate(person: Person): Promise<void> {
    const done = await runMutation(
      this.apollo,
      DeactivatePersonDocument,
      { id: person.id },
      { busy: this.busy, error: this.deactivateError },
      [],
    );
    if (!done) return;
    this.deactivating.set(null);
    this.saved.set(`${person.displayName} was deactivated.`);
  }

  protected chooseDuplicate(person: Person): void {
    if (this.survivor()?.id === person.id) this.survivor.set(null);
    this.duplicate.set(person);
    this.resetMerge();
  }

  protected chooseSurvivor(person: Person): void {
    if (this.duplicate()?.id === person.id) this.duplicate.set(null);
    this.survivor.set(person);
    this.resetMerge();
  }

  protected swap(): void {
    const duplicate = this.duplicate();
    this.duplicate.set(this.survivor());
    this.survivor.set(duplicate);
    this.resetMerge();
  }

  protected clearMerge(): void {
    this.duplicate.set(null);
    this.survivor.set(null);
    this.resetMerge();
  }

  protected async runMerge(): Promise<void> {
    const duplicate = this.duplicate();
    const survivor = this.survivor();
    if (!duplicate || !survivor || this.merge()?.problem || !this.mergeConfirmed()) return;
    const done = await runMutation(
      this.apollo,
      MergePeopleDocument,
      { survivorId: survivor.id, mergedId: duplicate.id },
      { busy: this.busy, error: this.mergeError },
      ['AdminPeople'],
    );
    if (!done) return;
    this.duplicate.set(null);
    this.survivor.set(null);
    this.mergeConfirmed.set(false);
    this.merged.set(`${duplicate.displayName} was merged into ${done.mergePeople.displayName}.`);
  }

  private resetMerge(): void {
    this.mergeConfirmed.set(false);
    this.mergeError.set(null);
    this.merged.set(null);
  }
}
