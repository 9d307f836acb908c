import { ChangeDetectionStrategy, Component, computed, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { ConfirmPanelComponent, FormFeedbackComponent, ShowMoreComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { appendPage, nextPageCursor } from '../connection-page';
import {
  type AdminPersonFragment,
  AdminPeopleDocument,
  type AdminPeopleQuery,
  type AdminPeopleQueryVariables,
  AdminPeopleSchoolsDocument,
  DeactivatePersonDocument,
  type PeopleFilter,
} from '../operations.generated';
import { PeopleMergeComponent } from './people-merge.component';
import { PeopleSearchFormComponent } from './people-search-form.component';
import { describePerson } from './person-form';
import { PersonEditorComponent } from './person-editor.component';

type Person = AdminPersonFragment;
type PersonAction = 'edit' | 'deactivate' | 'duplicate' | 'keep';

const PAGE_SIZE = 25;

/**
 * The directory for administrators: find people by name, email or phone (narrowed by kind and school),
 * page through them, open one, correct a person's details, deactivate a record, and merge a duplicate into
 * the record that survives. Changes need the district administrator role.
 */
@Component({
  selector: 'hr-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ConfirmPanelComponent,
    FormFeedbackComponent,
    PeopleMergeComponent,
    PeopleSearchFormComponent,
    PersonEditorComponent,
    RowActionsComponent,
    ShowMoreComponent,
  ],
  template: `
    <h1>People</h1>
    <p class="hint">
      Every student and guardian a search lists is written to the district's access log under your name, so
      the list starts with staff only: search for the person you need rather than browsing.
    </p>
    <hr-people-search-form [schools]="schools()" [searching]="searching()" (search)="runSearch($event)" />

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
                @if (row.person.id === merge().duplicate()?.id) {
                  <span class="tag">Duplicate</span>
                } @else if (row.person.id === merge().survivor()?.id) {
                  <span class="tag">Survives</span>
                }
              </td>
              <td>
                <hr-row-actions
                  [label]="'Actions for ' + row.label"
                  [actions]="row.actions"
                  [busy]="busy()"
                  (chosen)="choose(row.person, $event)"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (nextCursor()) {
        <hr-show-more [loading]="loadingMore()" (more)="showMore()" />
      }
    }
    <hr-form-feedback [error]="moreError()" />

    @if (deactivating(); as person) {
      <hr-confirm-panel
        questionId="deactivate-question"
        [confirmLabel]="'Deactivate ' + person.displayName"
        [busy]="busy()"
        [error]="deactivation.error()"
        (confirmed)="deactivate(person)"
        (cancelled)="deactivating.set(null)"
      >
        <strong>Deactivate {{ person.displayName }}</strong> ({{ describe(person) }})? The record stays,
        marked inactive, with its cases and history; searches leave it out unless inactive records are
        included.
      </hr-confirm-panel>
    }

    <hr-person-editor [(busy)]="busy" (saved)="saved.set($event)" />
    <hr-form-feedback [done]="saved()" />

    <hr-people-merge [(busy)]="busy" />
  `,
})
export class PeoplePageComponent {
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

  protected readonly searching = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);
  /** True while a change runs anywhere on the page: every change button waits for it. */
  protected readonly busy = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly deactivating = signal<Person | null>(null);
  protected readonly deactivation = injectActions({ refetch: [], busy: this.busy });
  private readonly editor = viewChild.required(PersonEditorComponent);
  protected readonly merge = viewChild.required(PeopleMergeComponent);

  protected readonly schools = computed(
    () => this.schoolsQuery.data()?.schools.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly total = computed(() => this.query.data()?.people.totalCount ?? 0);
  protected readonly nextCursor = computed(() => nextPageCursor(this.query.data()?.people));
  protected readonly rows = computed(() => {
    const merge = this.merge();
    const chosen = { duplicate: merge.duplicate()?.id, survivor: merge.survivor()?.id };
    return (this.query.data()?.people.edges ?? []).map(({ node: person }) => {
      const description = describePerson(person);
      /** Names the row for buttons: two records of the same name differ in their details. */
      const label = `${person.displayName} (${description})`;
      return {
        person,
        description,
        label,
        status: person.mergedIntoId ? 'Merged' : person.active ? 'Active' : 'Inactive',
        actions: personRowActions(person, label, chosen),
      };
    });
  });

  protected async runSearch(filter: PeopleFilter): Promise<void> {
    this.searching.set(true);
    this.moreError.set(null);
    try {
      await this.query.ref.refetch({ filter, first: PAGE_SIZE });
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

  protected choose(person: Person, action: PersonAction): void {
    switch (action) {
      case 'edit':
        return this.edit(person);
      case 'deactivate':
        return this.confirmDeactivation(person);
      case 'duplicate':
        return this.merge().chooseDuplicate(person);
      case 'keep':
        return this.merge().chooseSurvivor(person);
    }
  }

  /** One panel at a time: editing a person puts away the question about deactivating one. */
  protected edit(person: Person): void {
    this.saved.set(null);
    this.deactivating.set(null);
    this.editor().edit(person);
  }

  protected confirmDeactivation(person: Person): void {
    this.deactivation.clear();
    this.editor().close();
    this.deactivating.set(person);
  }

  protected async deactivate(person: Person): Promise<void> {
    const done = await this.deactivation.run(DeactivatePersonDocument, { id: person.id });
    if (!done) return;
    this.deactivating.set(null);
    this.saved.set(`${person.displayName} was deactivated.`);
  }
}

/**
 * A person's row actions: Edit; Deactivate while active; and, for a record not merged away, choosing it
 * as the duplicate or the record to keep (pressed while chosen). Only Deactivate starts a change.
 */
function personRowActions(
  person: Person,
  label: string,
  chosen: { duplicate: string | undefined; survivor: string | undefined },
): RowAction<PersonAction>[] {
  const actions: RowAction<PersonAction>[] = [
    { id: 'edit', label: 'Edit', name: `Edit ${label}`, waitsForChanges: false },
  ];
  if (person.active) actions.push({ id: 'deactivate', label: 'Deactivate', name: `Deactivate ${label}` });
  if (!person.mergedIntoId)
    actions.push(
      {
        id: 'duplicate',
        label: 'Duplicate',
        name: `Choose ${label} as the duplicate`,
        pressed: person.id === chosen.duplicate,
        waitsForChanges: false,
      },
      {
        id: 'keep',
        label: 'Keep',
        name: `Choose ${label} as the record to keep`,
        pressed: person.id === chosen.survivor,
        waitsForChanges: false,
      },
    );
  return actions;
}
