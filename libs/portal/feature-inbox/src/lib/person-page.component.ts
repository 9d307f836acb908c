import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService, StaffPresenceService, watchQueryWhen } from '@homeroom/portal/data-access';
import { StaffBarComponent, UntrustedTextComponent } from '@homeroom/portal/ui';
import { PersonPageDocument } from './operations.generated';

/**
 * One person from the directory: contact details, schools, household and family links, and their cases.
 * Students' and guardians' records are audit-logged by the directory when read.
 */
@Component({
  selector: 'hr-person-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, StaffBarComponent, UntrustedTextComponent],
  template: `
    <hr-staff-bar
      [roles]="session.roles()"
      [presence]="presence.view()"
      (presenceChange)="presence.choose($event)"
      (signOut)="session.leave()"
    />
    <main class="person-page">
      @if (person(); as person) {
        <h1>{{ person.displayName }}</h1>
        <p class="meta">
          {{ person.kind }} · prefers {{ person.preferredLanguage }}
          @if (person.preferredChannel) {
            by {{ person.preferredChannel }}
          }
          @if (!person.active) {
            · <strong>Inactive</strong>
          }
        </p>
        @if (person.mergedIntoId) {
          <p>Merged into <a [routerLink]="['/people', person.mergedIntoId]">another record</a>.</p>
        }
        <div class="case-layout">
          <section class="panel" aria-labelledby="contact-heading">
            <h2 id="contact-heading">Contact</h2>
            <ul class="plain">
              @for (email of person.emails; track email.address) {
                <li>{{ email.address }}{{ email.primary ? ' (primary)' : '' }}</li>
              }
              @for (phone of person.phones; track phone.number) {
                <li>{{ phone.number }} · {{ phone.type }}{{ phone.primary ? ' (primary)' : '' }}</li>
              }
            </ul>
            <h2>Schools</h2>
            <ul class="plain">
              @for (membership of person.schools; track membership.school.id + membership.role) {
                <li>
                  {{ membership.school.name }} · {{ membership.role }}
                  {{ membership.grade ? 'grade ' + membership.grade : '' }}
                </li>
              } @empty {
                <li>None.</li>
              }
            </ul>
          </section>
          <section class="panel" aria-labelledby="family-heading">
            <h2 id="family-heading">Family</h2>
            @if (person.household; as household) {
              <h3>{{ household.name }}</h3>
              <ul class="plain">
                @for (member of household.members; track member.id) {
                  @if (member.id !== person.id) {
                    <li>
                      <a [routerLink]="['/people', member.id]">{{ member.displayName }}</a> ·
                      {{ member.kind }}
                    </li>
                  }
                }
              </ul>
            }
            @for (link of person.guardians; track link.guardian.id) {
              <p>
                <a [routerLink]="['/people', link.guardian.id]">{{ link.guardian.displayName }}</a> ·
                {{ link.type }}{{ link.livesWith ? ', lives with' : '' }}
                @if (!link.mayReceiveInformation) {
                  · <strong>may not receive information</strong>
                }
              </p>
            }
            @for (link of person.students; track link.student.id) {
              <p>
                <a [routerLink]="['/people', link.student.id]">{{ link.student.displayName }}</a> · student
                ({{ link.type }})
              </p>
            }
            @if (!person.household && person.guardians.length === 0 && person.students.length === 0) {
              <p class="hint">No household or family links.</p>
            }
          </section>
        </div>
        <h2>Cases ({{ person.cases.totalCount }})</h2>
        @if (person.cases.edges.length === 0) {
          <p>No cases.</p>
        } @else {
          <table>
            <caption class="visually-hidden">
              Cases of
              {{
                person.displayName
              }}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Subject</th>
                <th scope="col">School</th>
                <th scope="col">Status</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              @for (edge of person.cases.edges; track edge.node.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/cases', edge.node.number]">{{ edge.node.number }}</a>
                  </td>
                  <td><hr-untrusted-text [text]="edge.node.subject" /></td>
                  <td>{{ edge.node.school?.name ?? 'District' }}</td>
                  <td>{{ edge.node.status }}</td>
                  <td>{{ edge.node.createdAt | date: 'short' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      } @else if (error(); as error) {
        <p role="alert">{{ error }}</p>
      } @else if (loaded()) {
        <p role="alert">No such person, or not one you may see.</p>
      } @else {
        <p aria-live="polite">Loading…</p>
      }
    </main>
  `,
})
export class PersonPageComponent {
  readonly id = input.required<string>();
  protected readonly session = inject(SessionService);
  protected readonly presence = inject(StaffPresenceService);
  /** The person the route names; the router reuses this page from one person to the next, so it follows. */
  private readonly query = watchQueryWhen(PersonPageDocument, () => ({ id: this.id() }));
  protected readonly person = computed(() => this.query.data()?.person ?? null);
  protected readonly loaded = computed(() => this.query.data() !== null);
  protected readonly error = this.query.error;
}
